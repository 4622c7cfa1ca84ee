from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from apps.editorial.provenance import Provenance

from .models import ImportedItem


def wordpress_origin(obj) -> Provenance | None:
    """The WordPress item a record was imported from, if import_wordpress made it."""
    items = ImportedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    )
    lines = [
        _("%(kind)s %(id)s, alte Adresse %(path)s")
        % {"kind": item.get_kind_display(), "id": item.post_id, "path": item.old_path or "–"}
        for item in items
    ]
    if not lines:
        return None
    return Provenance(heading=_("Quelle: WordPress-Umzug"), lines=lines)
