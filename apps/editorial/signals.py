"""Signal receivers of the editorial workflow."""

from django.apps import apps as global_apps
from django.contrib.auth.models import Group
from django.db import router

from .models import ChangeRequest
from .services import editorial_groups_sync, permission_names_in_german


def sync_editorial_groups(sender, using, **kwargs):
    """post_migrate receiver: sync the groups when the signal reaches the last app.

    post_migrate is sent once per app with models, and auth's receiver (connected before this
    one) creates that app's permissions. By the last app every permission roles.py can name
    exists, so the sync runs once per migrate or flush, after all of them.
    """
    with_models = [config for config in global_apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1] or not router.allow_migrate_model(using, Group):
        return
    editorial_groups_sync(using=using)
    permission_names_in_german(using=using)


def drop_waiting_change(sender, instance, **kwargs):
    """post_delete receiver for models with waiting changes: a deleted record's change goes."""
    ChangeRequest.objects.for_model(sender).filter(object_id=instance.pk).delete()
