from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Editorial workflow: the two groups, release rights, revisions and concurrent edits."""

    name = "apps.editorial"
    label = "editorial"
    verbose_name = _("Redaktionsablauf")

    def ready(self):
        from .signals import sync_editorial_groups

        # Like Django's permissions: derived from code on every migrate, never frozen.
        post_migrate.connect(sync_editorial_groups, dispatch_uid="apps.editorial.sync_groups")
