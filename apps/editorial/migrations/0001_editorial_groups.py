"""Formerly created the groups "Redaktion" and "Freigabe"; now a no-op kept for history.

It imported the live apps/editorial/roles.py, so a model added to roles.py later never got
its rights on a database that had already run it. The groups are now synchronised from
roles.py after every migrate (apps.editorial.services.editorial_groups_sync, connected to
post_migrate in EditorialConfig.ready). The file stays so that databases which applied it
keep a consistent migration history.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("news", "0005_editorial_workflow"),
        ("network", "0003_editorial_workflow"),
        ("pages", "0003_editorial_workflow"),
        ("media", "0001_initial"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
