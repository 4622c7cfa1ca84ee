"""Old WordPress addresses: how they are stored, and where they lead now."""

from urllib.parse import unquote, urlsplit

from .models import ImportedItem


def old_path(link: str) -> str:
    """Return a permalink's path as requests see it: decoded, without a trailing slash;
    "" for an address on the home page ("/?p=12"), which the post id covers."""
    path = unquote(urlsplit(link.strip()).path).rstrip("/")
    return path[:500]


def old_address_target(*, path: str = "", post_id: int | None = None, kind: str = ""):
    """Return (whether an imported item has this old address, its new URL if public now)."""
    if post_id is not None:
        items = ImportedItem.objects.filter(post_id=post_id, kind=kind)
    else:
        path = path.rstrip("/")
        if not path:
            return False, None
        items = ImportedItem.objects.filter(old_path=path).exclude(kind="attachment")
    found = False
    for item in items.select_related("content_type"):
        found = True
        model = item.content_type.model_class()
        record = model.objects.published().filter(pk=item.object_id).first()
        if record is not None:
            return True, record.get_absolute_url()
    return found, None
