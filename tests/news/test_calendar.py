"""The sidebar month calendar and the month archive list."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.news.months import month_archive_list
from apps.sidebar.calendar import build_month_calendar
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def at(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


def linked_days(cal):
    return {
        day.date.day: day.article_count
        for week in cal.weeks
        for day in week
        if day and day.article_count
    }


def test_calendar_weeks_start_on_monday_and_cover_the_month():
    cal = build_month_calendar(year=2019, month=5, today=datetime.date(2019, 5, 20))
    # 1 May 2019 was a Wednesday: two empty cells before it.
    assert cal.weeks[0][:2] == [None, None]
    assert cal.weeks[0][2].date == datetime.date(2019, 5, 1)
    assert all(len(week) == 7 for week in cal.weeks)
    assert cal.name == "Mai 2019"
    assert [short for short, _ in cal.weekdays] == ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]


def test_calendar_counts_articles_per_day_and_skips_hidden_ones():
    ArticleFactory(published_at=at(2019, 5, 7, 9))
    ArticleFactory(published_at=at(2019, 5, 7, 18))
    ArticleFactory(published_at=at(2019, 5, 20, 12))
    ArticleFactory(published_at=at(2019, 5, 21, 12), draft=True)
    cal = build_month_calendar(year=2019, month=5)
    assert linked_days(cal) == {7: 2, 20: 1}


def test_article_after_midnight_berlin_is_on_the_berlin_day_everywhere(client):
    # 2019-06-01 00:30 in Berlin is 2019-05-31 22:30 UTC.
    article = ArticleFactory(
        title="Kurz nach Mitternacht",
        published_at=datetime.datetime(2019, 5, 31, 22, 30, tzinfo=datetime.UTC),
    )
    assert article.publication_date == datetime.date(2019, 6, 1)
    assert article.get_absolute_url().startswith("/aktuelles/2019/06/01/")
    assert linked_days(build_month_calendar(year=2019, month=6)) == {1: 1}
    assert linked_days(build_month_calendar(year=2019, month=5)) == {}
    assert "Kurz nach Mitternacht" in client.get("/aktuelles/2019/06/01/").content.decode()
    assert "Kurz nach Mitternacht" in client.get("/aktuelles/2019/06/").content.decode()
    assert "Kurz nach Mitternacht" in client.get("/aktuelles/2019/halbjahr-1/").content.decode()
    assert client.get("/aktuelles/2019/05/31/").status_code == 404
    assert client.get(article.get_absolute_url()).status_code == 200
    assert month_archive_list()[0][0].month == 6


def test_navigation_skips_empty_months_to_the_nearest_with_articles():
    ArticleFactory(published_at=at(2019, 3, 12, 10))
    ArticleFactory(published_at=at(2019, 5, 7, 10))
    ArticleFactory(published_at=at(2019, 9, 1, 10))
    cal = build_month_calendar(year=2019, month=5)
    assert (cal.previous.year, cal.previous.month, cal.previous.abbreviation) == (2019, 3, "Mrz")
    assert (cal.next.year, cal.next.month) == (2019, 9)
    empty_april = build_month_calendar(year=2019, month=4)
    assert (empty_april.previous.month, empty_april.next.month) == (3, 5)


def test_navigation_crosses_year_boundaries_and_stops_at_the_ends():
    ArticleFactory(published_at=at(2017, 11, 29, 10))
    ArticleFactory(published_at=at(2018, 3, 7, 10))
    first = build_month_calendar(year=2017, month=11)
    assert first.previous is None
    assert (first.next.year, first.next.month) == (2018, 3)
    last = build_month_calendar(year=2018, month=3)
    assert (last.previous.year, last.previous.month) == (2017, 11)
    assert last.next is None


def test_navigation_ignores_drafts_and_scheduled_articles():
    ArticleFactory(published_at=at(2019, 5, 7, 10))
    ArticleFactory(published_at=at(2019, 3, 7, 10), draft=True)
    ArticleFactory(scheduled=True)
    cal = build_month_calendar(year=2019, month=5)
    assert cal.previous is None
    assert cal.next is None


def test_calendar_html_links_days_with_accessible_names_and_marks_today(client, time_machine):
    time_machine.move_to(at(2019, 5, 20, 12), tick=False)
    ArticleFactory(published_at=at(2019, 5, 7, 10))
    ArticleFactory(published_at=at(2019, 5, 7, 11))
    ArticleFactory(published_at=at(2019, 3, 7, 10))
    html = client.get("/aktuelles/2019/05/").content.decode()
    assert "<caption>Mai 2019</caption>" in html
    assert '<a href="/aktuelles/2019/05/07/" aria-label="7. Mai 2019: 2 Artikel">7</a>' in html
    assert 'aria-current="date">20<' in html
    assert 'href="/aktuelles/2019/03/"' in html and "« Mrz" in html
    assert "Apr »" not in html


def test_month_archive_list_counts_months_newest_first():
    ArticleFactory(published_at=at(2017, 11, 29, 10))
    ArticleFactory(published_at=at(2017, 11, 9, 10))
    ArticleFactory(published_at=at(2018, 3, 7, 10))
    ArticleFactory(published_at=at(2018, 4, 7, 10), draft=True)
    months = [(m.year, m.month, n) for m, n in month_archive_list()]
    assert months == [(2018, 3, 1), (2017, 11, 2)]


def count_calendar_queries():
    with CaptureQueriesContext(connection) as ctx:
        build_month_calendar(year=2019, month=5)
        month_archive_list()
    return len(ctx.captured_queries)


def test_calendar_query_count_does_not_grow_with_articles():
    start = at(2019, 1, 1, 8)
    ArticleFactory.create_batch(5, published_at=start)
    small = count_calendar_queries()
    for i in range(495):
        ArticleFactory(published_at=start + datetime.timedelta(hours=13 * i))
    large = count_calendar_queries()
    assert small == large == 5  # day counts, previous, next, meeting days, month list


def test_jump_links_start_their_name_with_the_visible_text_and_say_the_year_when_it_changes(
    client,
):
    """WCAG 2.5.3 Label in Name: no aria-label that hides "« Nov" behind other words."""
    ArticleFactory(published_at=at(2017, 11, 29, 10))
    ArticleFactory(published_at=at(2018, 3, 7, 10))
    ArticleFactory(published_at=at(2018, 5, 7, 10))
    html = client.get("/aktuelles/2018/03/").content.decode()
    nav = html[html.index('class="calendar-nav"') :]
    nav = nav[: nav.index("</nav>")]
    assert "aria-label=" not in nav.split(">", 1)[1]
    assert '">« Nov 2017<span class="visually-hidden">: vorheriger Monat mit Artikeln, ' in nav
    assert '">Mai »<span class="visually-hidden">: nächster Monat mit Artikeln, Mai 2018' in nav


def test_calendar_marks_the_day_the_page_shows(client):
    article = ArticleFactory(published_at=at(2019, 5, 7, 10))
    ArticleFactory(published_at=at(2019, 5, 20, 10))
    for url in ("/aktuelles/2019/05/07/", article.get_absolute_url()):
        html = client.get(url).content.decode()
        assert '<td class="viewed">' in html
        assert "7. Mai 2019: 1 Artikel (angezeigter Tag)" in html
        assert "20. Mai 2019: 1 Artikel (angezeigter Tag)" not in html
