"""The groups' rights follow roles.py on every migrate, also for models added later."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.editorial import roles
from apps.editorial.roles import EDITORS, PUBLISHERS
from apps.editorial.services import editorial_groups_sync

pytestmark = pytest.mark.django_db


def rights(group_name):
    group = Group.objects.get(name=group_name)
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def test_migrated_database_has_both_groups_with_exactly_the_rights_roles_names():
    assert rights(EDITORS) == set(roles.editor_permissions())
    assert rights(PUBLISHERS) == set(roles.publisher_permissions())


def test_permission_removed_from_a_group_comes_back_on_the_next_migrate():
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.remove(Permission.objects.get(codename="add_article"))
    assert ("news", "add_article") not in rights(EDITORS)

    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)

    assert ("news", "add_article") in rights(EDITORS)


def test_extra_permission_given_by_hand_is_taken_away_again():
    Group.objects.get(name=EDITORS).permissions.add(
        Permission.objects.get(codename="publish_article")
    )
    editorial_groups_sync()
    assert ("news", "publish_article") not in rights(EDITORS)


def test_missing_group_is_created():
    Group.objects.filter(name=PUBLISHERS).delete()
    editorial_groups_sync()
    assert rights(PUBLISHERS) == set(roles.publisher_permissions())


def test_second_sync_writes_nothing():
    editorial_groups_sync()
    with CaptureQueriesContext(connection) as queries:
        editorial_groups_sync()
    writes = [
        query["sql"]
        for query in queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert Group.objects.filter(name__in=[EDITORS, PUBLISHERS]).count() == 2


def test_model_added_to_edited_models_later_gets_its_rights_on_the_next_sync(monkeypatch):
    assert ("news", "add_taggeditem") not in rights(EDITORS)
    monkeypatch.setattr(roles, "EDITED_MODELS", [*roles.EDITED_MODELS, ("news", "taggeditem")])

    editorial_groups_sync()

    added = {("news", f"{action}_taggeditem") for action in ("add", "change", "view")}
    assert added <= rights(EDITORS)
    assert {*added, ("news", "delete_taggeditem")} <= rights(PUBLISHERS)


def test_rights_of_a_model_that_does_not_exist_yet_are_skipped(monkeypatch):
    monkeypatch.setattr(roles, "EDITED_MODELS", [*roles.EDITED_MODELS, ("news", "podcast")])

    editorial_groups_sync()

    assert rights(EDITORS) == set(roles.editor_permissions()) - {
        ("news", f"{action}_podcast") for action in ("add", "change", "view")
    }


def test_permissions_are_named_in_german_after_migrate():
    from django.contrib.auth.models import Permission

    assert not Permission.objects.filter(name__startswith="Can ").exists()
    assert Permission.objects.get(codename="add_article").name == "Kann Artikel hinzufügen"
    assert Permission.objects.get(codename="view_photo").name == "Kann Foto ansehen"
