"""load_seed_data is idempotent, has a dry run, and its content shows on the site."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.news.models import Article
from apps.seed.services import seed_data_load
from apps.sidebar.calendar import build_month_calendar

# Together they load the seed once (tests/seed/conftest.py), a few seconds.
pytestmark = [pytest.mark.django_db, pytest.mark.slow(3)]


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for label in ("news", "network", "media", "taggit")
        for model in apps.get_app_config(label).get_models()
    }


def test_second_run_creates_changes_and_writes_nothing(seed):
    assert sum(seed.created.values()) > 100
    before = row_counts()
    with CaptureQueriesContext(connection) as queries:
        report = seed_data_load(dry_run=False)
    assert sum(report.created.values()) == 0
    assert sum(report.changed.values()) == 0
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))
    ]
    assert writes == []
    assert row_counts() == before


def test_second_run_keeps_editors_changes_and_reports_them(seed):
    story = Article.objects.get(slug="15-lernnetzwerktreffen-in-gelsenkirchen")
    story.title = "Anders"
    story.save()
    story.tags.set(["Falsch"])
    out = io.StringIO()
    report = seed_data_load(dry_run=False, stdout=out)
    story.refresh_from_db()
    assert story.title == "Anders"
    assert set(story.tags.names()) == {"Falsch"}
    assert sum(report.kept.values()) == 2 and sum(report.changed.values()) == 0
    assert "(title) geändert, belassen" in out.getvalue()


def test_overwrite_restores_fields_and_links_and_says_so(seed):
    story = Article.objects.get(slug="15-lernnetzwerktreffen-in-gelsenkirchen")
    story.title = "Anders"
    story.save()
    story.tags.set(["Falsch"])
    out = io.StringIO()
    call_command("load_seed_data", "--overwrite", stdout=out)
    story.refresh_from_db()
    assert story.title == "15. Lernnetzwerktreffen in Gelsenkirchen"
    # The seed's topics are back; the editor's own one stays.
    assert set(story.tags.names()) == {"Lernnetzwerk", "Kein Kind zurücklassen", "Schule", "Falsch"}
    assert "(title) überschrieben" in out.getvalue()
    assert "Themen ergänzt" in out.getvalue()


def test_dry_run_reports_changes_and_writes_nothing(seed):
    Article.objects.filter(slug="15-lernnetzwerktreffen-in-gelsenkirchen").update(title="Anders")
    before = row_counts()
    out = io.StringIO()
    call_command("load_seed_data", "--dry-run", "--overwrite", stdout=out)
    assert "Probelauf" in out.getvalue()
    assert "15. Lernnetzwerktreffen in Gelsenkirchen (title) überschrieben" in out.getvalue()
    assert "0 angelegt, 1 überschrieben" in out.getvalue()
    assert row_counts() == before
    assert Article.objects.get(slug="15-lernnetzwerktreffen-in-gelsenkirchen").title == "Anders"


def test_half_year_archive_lists_the_half_years_stories(seed, client):
    url = reverse("news:archive_half_year", args=[2017, 2])
    page = "".join(client.get(f"{url}?page={n}").content.decode() for n in (1, 2))
    for title in (
        "Ahlen nimmt am 17. Lernnetzwerktreffen teil",
        "Stadtführung besonderer Art für Lehrkräfte",
        "Erste Fachkonferenz der sozialen Arbeit in Ahlen",
        "Steuerungsgruppe tagt nach der Sommerpause",
    ):
        assert title in page


def test_day_archive_has_the_neuss_story(seed, client):
    response = client.get("/aktuelles/2022/11/15/")
    assert response.status_code == 200
    assert "Großes Lernnetzwerktreffen am 15.11.2022" in response.content.decode()


def test_every_article_page_and_month_archive_answers(seed, client):
    months = set()
    for story in Article.objects.all():
        assert client.get(story.get_absolute_url()).status_code == 200
        day = story.local_published_at
        if story.date_precision in ("day", "month"):  # the others are in no month's archive
            months.add((day.year, f"{day.month:02d}"))
    for year, month in months:
        response = client.get(reverse("news:archive_month", args=[year, month]))
        assert response.status_code == 200


def test_calendar_of_november_2017_links_the_18th_meetings_day(seed, client):
    calendar = build_month_calendar(year=2017, month=11)
    days = {day.date.day: day for week in calendar.weeks for day in week if day}
    # The ISA's report and Ahlen's own teaser of the 18th meeting.
    assert days[29].article_count == 2 and days[29].meeting_count == 1
    # Not the 13th: the Präventionswoche's introduction is dated to the month only.
    assert {n for n, day in days.items() if day.article_count} == {9, 14, 16, 17, 29}
    page = client.get(reverse("news:archive_month", args=[2017, "11"])).content.decode()
    assert f'href="{reverse("news:archive_day", args=[2017, "11", "29"])}"' in page


def test_feed_carries_the_newest_seed_story(seed, client):
    feed = client.get(reverse("news:feed_rss")).content.decode()
    assert "Großes Lernnetzwerktreffen am 15.11.2022 im Programm Kinderstark in Neuss" in feed


def test_meeting_and_network_pages_show_seed_content(seed, client):
    meeting = client.get(reverse("network:meeting_detail", args=["21-lernnetzwerktreffen"]))
    assert "Wuppertal" in meeting.content.decode()
    ahlen = client.get(reverse("network:municipality_detail", args=["ahlen"])).content.decode()
    assert "Ulrike Gerhards" in ahlen
