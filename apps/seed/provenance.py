from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from apps.editorial.provenance import Provenance

from .models import SeedText


def seed_sources(obj) -> Provenance | None:
    """The seed texts a record was taken from, if the seed loader made it."""
    texts = SeedText.objects.filter(
        records__content_type=ContentType.objects.get_for_model(obj),
        records__object_id=obj.pk,
    ).distinct()
    lines = [str(text) for text in texts]
    if not lines:
        return None
    return Provenance(heading=_("Quelle: Startinhalte"), lines=lines)
