"""Create the groups "Redaktion" (drafts) and "Freigabe" (release) with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from apps.editorial.roles import EDITORS, PUBLISHERS, editor_permissions, publisher_permissions


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in [(EDITORS, editor_permissions()), (PUBLISHERS, publisher_permissions())]:
        group, _ = Group.objects.get_or_create(name=name)
        permissions = []
        for app_label, codename in wanted:
            permissions.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, PUBLISHERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("news", "0005_editorial_workflow"),
        ("network", "0003_editorial_workflow"),
        ("pages", "0003_editorial_workflow"),
        ("media", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
