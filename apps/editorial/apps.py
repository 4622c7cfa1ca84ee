from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Editorial workflow: the two groups, release rights, revisions and concurrent edits."""

    name = "apps.editorial"
    label = "editorial"
    verbose_name = _("Redaktionsablauf")
