import json

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.core import management, serializers

from apps.backup.services import media_checksums, site_backup, site_restore
from apps.news.models import Article
from apps.search.registry import kind_by_key
from apps.search.services import search_kind
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    MeetingFactory,
    PersonFactory,
    PhotoFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

CONTENT_APPS = ["news", "network", "media", "pages", "auth", "admin", "editorial", "seed"]


def snapshot():
    """Every record of the content apps, serialised, keyed by model and primary key."""
    records = {}
    for app_label in CONTENT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if model._meta.label_lower == "auth.permission":
                continue
            queryset = model._base_manager.order_by("pk")
            data = json.loads(
                serializers.serialize("json", queryset, use_natural_foreign_keys=True)
            )
            for record in data:
                records[(record["model"], str(record["pk"]))] = record["fields"]
    return records


def differences(before, after):
    """Return (record, field, before, after) for every field that changed, missing rows too."""
    found = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key, {}), after.get(key, {})
        for field in sorted(set(old) | set(new)):
            if old.get(field) != new.get(field):
                found.append((key, field, old.get(field), new.get(field)))
    return found


@pytest.mark.slow(4)
def test_backup_and_restore_round_trip_the_seed_content(tmp_path, media_root):
    management.call_command("load_seed_data", verbosity=0)
    # Editors' work on top of it: a new article with a photo, a revision.
    article = ArticleFactory(title="Gesichertes Lernnetzwerktreffen", tags=["Lernnetzwerk"])
    photo = PhotoFactory(caption="Gruppenfoto", renditions=True)
    ArticlePhotoFactory(article=article, photo=photo, position=1)
    meeting = MeetingFactory()
    article.meetings.add(meeting)
    RoleFactory(person=PersonFactory(last_name="Bänke"))
    article.title = "Zweite Fassung"
    article.save()  # a revision, too
    # The admin's action log: who changed what.
    editor = UserFactory(username="presse")
    LogEntry.objects.log_actions(
        editor.pk, [article], CHANGE, change_message="Titel geändert", single_object=True
    )

    # A time a millisecond-precise format would change (Django's JSON cuts .000456 to .000).
    Article.objects.filter(pk=article.pk).update(
        updated_at=article.updated_at.replace(microsecond=456)
    )

    before = snapshot()
    files_before = media_checksums(media_root)
    # The new photo and its renditions are files, beside the seed's.
    renditions = f"renditions/{photo.image.name.rsplit('.', 1)[0]}/"
    assert photo.image.name in files_before
    assert len([name for name in files_before if name.startswith(renditions)]) == 8

    backup_dir = tmp_path / "sicherung"
    manifest = site_backup(destination=backup_dir)
    assert manifest["media"] == files_before

    # An empty installation: a fresh database and no media files.
    management.call_command("flush", interactive=False, verbosity=0)
    for path in sorted(media_root.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    assert not Article.objects.exists()

    site_restore(source=backup_dir)

    after = snapshot()
    assert len(after) == len(before) > 300  # the seed content and its revisions
    assert differences(before, after) == []
    assert media_checksums(media_root) == files_before
    restored = Article.objects.get(pk=article.pk)
    assert restored.title == "Zweite Fassung"
    assert LogEntry.objects.get().change_message == "Titel geändert"
    assert restored.tags.names()[0] == "Lernnetzwerk"
    assert Article.objects.published().count() > 20
    # Search finds restored content (on PostgreSQL the stored search document is
    # generated again as loaddata inserts the rows).
    found = search_kind(kind_by_key("artikel"), "Zweite Fassung")
    assert restored in found
    assert meeting in search_kind(kind_by_key("treffen"), "Bedingungen Aufwachsens")


def test_restore_refuses_an_archive_that_writes_outside_media(tmp_path, media_root):
    import tarfile

    site_backup(destination=tmp_path / "b")
    with tarfile.open(tmp_path / "b" / "media.tar.gz", "w:gz") as archive:
        evil = tmp_path / "evil.txt"
        evil.write_text("x")
        archive.add(evil, arcname="media/../../evil.txt")
    with pytest.raises(ValueError, match="Unsichere Pfadangabe"):
        site_restore(source=tmp_path / "b")


def test_a_backup_is_readable_by_its_owner_only(tmp_path, media_root):
    backup_dir = tmp_path / "sicherung"
    site_backup(destination=backup_dir)
    assert backup_dir.stat().st_mode & 0o777 == 0o700
    assert {path.stat().st_mode & 0o777 for path in backup_dir.iterdir()} == {0o600}
