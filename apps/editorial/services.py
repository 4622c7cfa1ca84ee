"""Keep the editorial groups' permissions in step with roles.py."""

from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS, transaction

from .roles import EDITORS, PUBLISHERS, editor_permissions, publisher_permissions


@transaction.atomic
def editorial_groups_sync(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Give "Redaktion" and "Freigabe" exactly the permissions roles.py names, creating them."""
    for name, wanted in [(EDITORS, editor_permissions()), (PUBLISHERS, publisher_permissions())]:
        wanted = set(wanted)
        candidates = Permission.objects.using(using).filter(
            content_type__app_label__in={app_label for app_label, _ in wanted}
        )
        # A permission whose model does not exist (yet) is simply not among the candidates.
        permissions = [
            permission
            for permission in candidates.select_related("content_type")
            if (permission.content_type.app_label, permission.codename) in wanted
        ]
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(permissions)
