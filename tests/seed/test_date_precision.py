"""The seed's articles and meetings whose dates the texts do not give (or give only as a
month, half-year or year) show that precision everywhere a visitor, a feed reader or a
calendar meets them, never a guessed day."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.utils.formats import date_format
from icalendar import Calendar

from apps.network.models import Meeting
from apps.news.models import Article
from apps.sidebar.calendar import build_month_calendar
from tests.site_pages import structured_data

# slug → what the texts give, as the site must say it.
ARTICLES = {
    "planungsworkshop-praeventionskette": "vermutlich 1. Halbjahr 2017",
    "fruehjahrsakademie-2018-wir-brauchen-daten-und-taten": "1. Halbjahr 2018",
    "14-lernnetzwerktreffen-gemeinsam-besser-werden": "vermutlich 2016",
    "13-lernnetzwerktreffen-es-gibt-viel-zu-tun": "vermutlich 2015",
    "ahlener-praeventionswoche": "November 2017",
    "projektmanagementteam-bereitet-arbeitsgruppen-vor": "2. Halbjahr 2017",
    "steuerungsgruppe-nach-der-sommerpause": "2. Halbjahr 2017",
}
MEETINGS = {
    "13-lernnetzwerktreffen": "vermutlich 2015",
    "14-lernnetzwerktreffen": "vermutlich 2016",
    "fruehjahrsakademie-2018": "1. Halbjahr 2018",
    "planungsworkshop-ahlen-2017": "vermutlich 1. Halbjahr 2017",
    "steuerungsgruppe-ahlen-2": "2. Halbjahr 2017",
    "steuerungsgruppe-ahlen-3": "2. Halbjahr 2017",
}
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def guessed(seed):
    return (
        {a.slug: a for a in Article.objects.filter(slug__in=ARTICLES)},
        {m.slug: m for m in Meeting.objects.filter(slug__in=MEETINGS)},
    )


def visible_text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_each_guessed_date_is_shown_only_as_precisely_as_the_texts_give_it(guessed, client):
    articles, meetings = guessed
    assert set(articles) == set(ARTICLES) and set(meetings) == set(MEETINGS)
    for slug, article in articles.items():
        page = client.get(article.get_absolute_url())
        assert page.status_code == 200
        text = visible_text(page.content.decode())
        assert ARTICLES[slug] in text, slug
        assert article.date_precision != "day", slug
        assert date_format(article.local_published_at, "j. F Y") not in text, slug  # the sort date
    for slug, meeting in meetings.items():
        text = visible_text(client.get(meeting.get_absolute_url()).content.decode())
        assert MEETINGS[slug] in text, slug
        assert "In den Kalender übernehmen" not in text, slug
    listing = visible_text(client.get("/aktuelles/?page=2").content.decode())
    assert "vermutlich" in listing or "Halbjahr" in listing
    meeting_list = visible_text(client.get("/netzwerk/treffen/?jahr=2017").content.decode())
    assert "vermutlich 1. Halbjahr 2017" in meeting_list


def test_the_address_names_no_guessed_day_and_the_old_address_redirects(guessed, client):
    articles, _ = guessed
    workshop = articles["planungsworkshop-praeventionskette"]
    assert workshop.get_absolute_url() == "/aktuelles/2017/planungsworkshop-praeventionskette/"
    week = articles["ahlener-praeventionswoche"]
    assert week.get_absolute_url() == "/aktuelles/2017/11/ahlener-praeventionswoche/"

    old = client.get("/aktuelles/2017/06/01/planungsworkshop-praeventionskette/")

    assert old.status_code == 301
    assert old["Location"] == workshop.get_absolute_url()
    assert client.get("/aktuelles/2017/11/13/ahlener-praeventionswoche/")["Location"] == (
        week.get_absolute_url()
    )


def test_day_and_month_archives_and_the_calendar_hold_only_what_they_know(guessed, client):
    assert client.get("/aktuelles/2017/06/01/").status_code == 404  # the workshop's old day
    november = visible_text(client.get("/aktuelles/2017/11/").content.decode())
    assert "Die Ahlener Präventionswoche zeigt die Vielfalt der Angebote" in november
    assert "Steuerungsgruppe tagt nach der Sommerpause" not in visible_text(
        client.get("/aktuelles/2017/09/").content.decode()
    )
    half = visible_text(client.get("/aktuelles/2017/halbjahr-2/").content.decode())
    assert "Steuerungsgruppe tagt nach der Sommerpause" in half
    assert "Projektmanagementteam bereitet die Arbeitsgruppen vor" in half
    year = "".join(client.get(f"/aktuelles/2017/?page={n}").content.decode() for n in (1, 2))
    assert "Planungsworkshop Präventionskette" in visible_text(year)

    september = build_month_calendar(year=2017, month=9)
    days = {day.date.day: day for week in september.weeks for day in week if day}
    assert days[29].article_count == 0 and days[1].meeting_count == 0
    assert days[20].meeting_count == 1  # the headteachers' meeting has its day


def test_half_year_page_keeps_the_overview_texts_order(guessed, client):
    half = client.get("/aktuelles/2017/halbjahr-2/").content.decode()
    order = [
        half.index(title)
        for title in [
            "Austausch mit 40 Kommunen auf Einladung des Ministeriums",
            "Projektmanagementteam bereitet die Arbeitsgruppen vor",
            "Steuerungsgruppe tagt nach der Sommerpause",
            "Schulleitungen beschäftigen sich mit der Präventionskette",
        ]
        if title in half
    ]
    assert len(order) >= 3 and order == sorted(order)


def test_feeds_give_no_publication_day_the_texts_do_not_give(guessed, client):
    articles, _ = guessed
    titles = {article.title for article in articles.values()}
    atom = ET.fromstring(client.get("/aktuelles/atom/").content)
    rss = ET.fromstring(client.get("/aktuelles/feed/").content)
    for entry in atom.iter(f"{ATOM}entry"):
        if entry.findtext(f"{ATOM}title") in titles:
            assert entry.find(f"{ATOM}published") is None
            assert entry.findtext(f"{ATOM}updated")
    for item in rss.iter("item"):
        if item.findtext("title") in titles:
            assert item.find("pubDate") is None


def test_calendars_and_structured_data_carry_no_guessed_day(guessed, client):
    _, meetings = guessed
    calendar = Calendar.from_ical(client.get("/netzwerk/treffen.ics").content)
    summaries = " ".join(str(event.get("summary")) for event in calendar.walk("VEVENT"))
    for meeting in meetings.values():
        assert meeting.heading not in summaries
        assert client.get(meeting.get_ical_url()).status_code == 404
        html = client.get(meeting.get_absolute_url()).content.decode()
        event = structured_data(html, "Event")
        assert event["startDate"] == meeting.date_iso == str(meeting.starts_on.year)
        assert "endDate" not in event
    assert "10. Lernnetzwerktreffen" in summaries  # a meeting with its day stays in
