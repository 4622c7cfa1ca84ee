"""A restart (make run) or a re-sync of the seed content never undoes editors' work."""

import io

import pytest
from django.core.management import call_command

from apps.media.models import Photo
from apps.network.models import Meeting, Person, Role
from apps.news.models import Article
from apps.seed.services import seed_data_load
from tests.seed.test_loading import row_counts as all_row_counts

pytestmark = [pytest.mark.django_db, pytest.mark.slow(3)]

STORY = "15-lernnetzwerktreffen-in-gelsenkirchen"


def row_counts():
    """Rows per model, without revisions (an overwrite is a revision)."""
    return {label: n for label, n in all_row_counts().items() if ".Historical" not in label}


def editors_work():
    """What editors did after the seed was loaded: one of each kind of change."""
    story = Article.objects.get(slug=STORY)
    story.title = "Gelsenkirchen: 15. Treffen"
    story.slug = "gelsenkirchen-15-treffen"
    story.save()
    photo = Photo.objects.filter(source_key__startswith="seed:").order_by("pk").first()
    photo.caption = "Bildunterschrift der Redaktion"
    photo.save()
    withdrawn = Article.objects.exclude(pk=story.pk).order_by("pk").first()
    withdrawn.status = Article.Status.DRAFT
    withdrawn.save()
    hidden_meeting = Meeting.objects.order_by("pk").first()
    hidden_meeting.is_published = False
    hidden_meeting.save()
    unlinked = Article.objects.filter(people__isnull=False).exclude(pk=story.pk).first()
    removed_person = unlinked.people.first()
    unlinked.people.remove(removed_person)
    role = Role.objects.filter(ends_on__isnull=False).order_by("pk").first()
    role.ends_on = role.ends_on.replace(year=role.ends_on.year + 2)
    role.save()
    person = Person.objects.order_by("pk").first()
    person.first_name = "Vorname der Redaktion"
    person.save()
    return {
        "story": story, "photo": photo, "withdrawn": withdrawn, "meeting": hidden_meeting,
        "unlinked": unlinked, "removed_person": removed_person, "role": role, "person": person,
    }  # fmt: skip


def assert_still_as_editors_left_it(work):
    story = Article.objects.get(pk=work["story"].pk)
    assert (story.title, story.slug) == ("Gelsenkirchen: 15. Treffen", "gelsenkirchen-15-treffen")
    assert not Article.objects.filter(slug=STORY).exists()  # not created a second time
    assert Photo.objects.get(pk=work["photo"].pk).caption == "Bildunterschrift der Redaktion"
    assert Article.objects.get(pk=work["withdrawn"].pk).status == Article.Status.DRAFT
    assert Meeting.objects.get(pk=work["meeting"].pk).is_published is False
    assert work["removed_person"] not in Article.objects.get(pk=work["unlinked"].pk).people.all()
    assert Role.objects.get(pk=work["role"].pk).ends_on == work["role"].ends_on
    assert Person.objects.get(pk=work["person"].pk).first_name == "Vorname der Redaktion"


def test_restarts_and_resyncs_undo_nothing_and_duplicate_nothing(seed):
    work = editors_work()
    counts = row_counts()

    call_command("load_seed_data", "--if-empty", stdout=io.StringIO())  # what make run does
    assert_still_as_editors_left_it(work)
    report = seed_data_load(dry_run=False)  # the explicit re-sync
    assert_still_as_editors_left_it(work)
    assert row_counts() == counts
    assert sum(report.created.values()) == 0 and sum(report.changed.values()) == 0
    # Reported, one each: the story's title and slug, the caption, the removed link, the
    # extended role, the first name (publication states are never compared).
    assert set(report.kept) == {"Artikel", "Foto", "Artikel (Personen)", "Funktion", "Person"}


def test_make_run_start_into_a_loaded_database_touches_nothing(seed):
    out = io.StringIO()
    call_command("load_seed_data", "--if-empty", stdout=out)
    assert "schon Inhalte; nichts geladen" in out.getvalue()


def test_overwrite_never_publishes_unpublishes_or_duplicates(seed):
    work = editors_work()
    counts = row_counts()
    call_command("load_seed_data", "--overwrite", stdout=io.StringIO())
    assert row_counts() == counts
    assert Article.objects.get(pk=work["withdrawn"].pk).status == Article.Status.DRAFT
    assert Meeting.objects.get(pk=work["meeting"].pk).is_published is False
    story = Article.objects.get(pk=work["story"].pk)
    assert story.title == "15. Lernnetzwerktreffen in Gelsenkirchen"


def test_an_entry_deleted_by_editors_is_not_made_again(seed):
    story = Article.objects.get(slug=STORY)
    story.article_photos.all().delete()
    story.delete()
    report = seed_data_load(dry_run=False)
    assert not Article.objects.filter(slug=STORY).exists()
    assert sum(report.deleted.values()) >= 1


def test_overwrite_marks_the_change_and_never_remakes_a_merged_topic(seed):
    from apps.news.models import Topic

    person = Person.objects.order_by("pk").first()
    person.first_name = "Vorname der Redaktion"
    person.save()
    before = Person.objects.get(pk=person.pk).updated_at
    Topic.objects.filter(name="Kein Kind zurücklassen").delete()  # merged away by Freigabe
    call_command("load_seed_data", "--overwrite", stdout=io.StringIO())
    person.refresh_from_db()
    assert person.first_name != "Vorname der Redaktion" and person.updated_at > before
    assert not Topic.objects.filter(name__iexact="Kein Kind zurücklassen").exists()
    latest = person.history.latest("history_date")
    assert latest.history_change_reason.startswith("Startinhalte überschrieben")


def test_an_entry_whose_date_is_corrected_is_found_again_by_the_key_it_names(seed, monkeypatch):
    import datetime

    from apps.seed import services

    read = services.read_seed_file

    def with_moved_date(name):
        data = read(name)
        for row in data.get("article", []):
            if row["slug"] == "projektmanagementteam-bereitet-arbeitsgruppen-vor":
                assert row["key"].startswith("article:2017-08-31:")
                row["date"] = datetime.date(2017, 10, 9)
        return data

    monkeypatch.setattr(services, "read_seed_file", with_moved_date)
    before = row_counts()

    report = seed_data_load(dry_run=False)

    assert row_counts() == before
    assert sum(report.created.values()) == 0
