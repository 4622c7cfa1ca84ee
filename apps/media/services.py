"""Writes on photos that reach beyond one row: files, renditions, deletion."""

import posixpath

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from PIL import Image

from .models import Photo
from .renditions import SHAPES, WEBP, photo_rendition_files
from .validators import ALLOWED_FORMATS


def _rendition_dir(image_name):
    return posixpath.join(settings.IMAGEKIT_CACHEFILE_DIR, posixpath.splitext(image_name)[0])


def _delete_files(image_name):
    """Delete an original and everything in its rendition folder."""
    if not image_name:
        return
    folder = _rendition_dir(image_name)
    try:
        _, names = default_storage.listdir(folder)
    except FileNotFoundError:
        names = []
    for name in names:
        default_storage.delete(posixpath.join(folder, name))
    default_storage.delete(image_name)


def photo_create_renditions(*, photo: Photo) -> list[str]:
    """Make every rendition of a photo that does not exist yet; drop outdated ones.

    Return the names of the renditions the photo has now.
    """
    files = []
    for shape in SHAPES:
        for image_format in (WEBP, None):
            pairs = photo_rendition_files(photo, shape=shape, image_format=image_format)
            files += [file for _, file in pairs]

    missing = [f for f in files if not default_storage.exists(f.name)]
    if missing:
        # Decode the original once for all renditions instead of once per rendition.
        with (
            photo.image.open("rb") as original,
            Image.open(original, formats=ALLOWED_FORMATS) as source,
        ):
            source.load()
            for file in missing:
                file.generator.source_image = source
                file.generate()
                file.generator.source_image = None

    wanted = {posixpath.basename(f.name) for f in files}
    folder = _rendition_dir(photo.image.name)
    try:
        _, present = default_storage.listdir(folder)
    except FileNotFoundError:
        present = []
    for name in present:
        if name not in wanted:
            # Left over from an earlier focal point.
            default_storage.delete(posixpath.join(folder, name))
    return sorted(f.name for f in files)


@transaction.atomic
def photo_save(*, photo: Photo) -> Photo:
    """Store a photo, make its renditions, and remove the files of an image it replaced."""
    previous_name = None
    if photo.pk:
        previous_name = Photo.objects.filter(pk=photo.pk).values_list("image", flat=True).first()
    photo.save()
    if previous_name and previous_name != photo.image.name:
        transaction.on_commit(lambda: _delete_files(previous_name))
    photo_create_renditions(photo=photo)
    return photo


# Callables photo -> bool that say whether released content shows a photo, registered by the
# apps that show photos (news registers its articles in NewsConfig.ready): media imports none.
_public_use_checks = []


def register_public_use(check) -> None:
    """Let check(photo) tell whether visitors see the photo in released content."""
    if check not in _public_use_checks:
        _public_use_checks.append(check)


def photo_in_public_use(*, photo: Photo) -> bool:
    """Whether released content (a published or scheduled article) shows the photo."""
    return photo.pk is not None and any(check(photo) for check in _public_use_checks)


def photo_usage_error(*, photo: Photo) -> str | None:
    """Return a German message naming the articles that still use the photo, or None."""
    titles = list(
        photo.article_uses.order_by("article__title")
        .values_list("article__title", flat=True)
        .distinct()
    )
    if not titles:
        return None
    quoted = ", ".join(f"„{title}“" for title in titles)
    return _(
        "Das Foto „%(photo)s“ wird noch in diesen Artikeln verwendet und kann daher nicht "
        "gelöscht werden: %(articles)s. Bitte es zuerst dort entfernen."
    ) % {"photo": photo, "articles": quoted}


@transaction.atomic
def photo_delete(*, photo: Photo) -> None:
    """Delete an unused photo and, once committed, its original and renditions.

    Raise ProtectedError when an article still uses it.
    """
    message = photo_usage_error(photo=photo)
    if message:
        raise ProtectedError(message, set(photo.article_uses.all()))
    image_name = photo.image.name
    photo.delete()
    transaction.on_commit(lambda: _delete_files(image_name))
