"""Every feed the site offers, held to its standard and found from the pages it belongs to.

Atom to RFC 4287 and RSS to RSS 2.0: parsed as feed readers parse them (feedparser, no
"bozo" error) and read element by element for the MUSTs feedparser forgives. Calendars to
RFC 5545, parsed with icalendar. Each feed is announced by a <link rel="alternate"> in the
<head> of the pages it belongs to, so browsers and feed readers find it.
"""

import datetime
import email.utils
import inspect
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import feedparser
import pytest
from django.contrib.syndication.views import Feed
from django.urls import URLPattern, URLResolver, get_resolver
from icalendar import Calendar

from tests.factories import ArticleFactory, ArticlePhotoFactory, MeetingFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
ATOM = "{http://www.w3.org/2005/Atom}"
# RFC 3339 date-time, as RFC 4287 §3.3 requires it (upper-case T and Z).
RFC_3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
TOPIC = "fruehe-hilfen"
MEETING = "1-lernnetzwerktreffen"

RSS_FEEDS = ["/aktuelles/feed/", f"/aktuelles/thema/{TOPIC}/feed/"]
ATOM_FEEDS = ["/aktuelles/atom/", f"/aktuelles/thema/{TOPIC}/atom/"]
CALENDARS = ["/netzwerk/treffen.ics", f"/netzwerk/treffen/{MEETING}.ics"]
# The route of each feed above, to tell when a new feed is added without a test here.
FEED_ROUTES = {
    "news:feed_rss",
    "news:feed_atom",
    "news:topic_feed_rss",
    "news:topic_feed_atom",
    "network:meetings_ical",
    "network:meeting_ical",
}
# Which page announces which feed, with which media type.
DISCOVERY = [
    ("/", "/aktuelles/feed/", "application/rss+xml"),
    ("/", "/aktuelles/atom/", "application/atom+xml"),
    ("/aktuelles/", "/aktuelles/feed/", "application/rss+xml"),
    ("/aktuelles/", "/aktuelles/atom/", "application/atom+xml"),
    (f"/aktuelles/thema/{TOPIC}/", f"/aktuelles/thema/{TOPIC}/feed/", "application/rss+xml"),
    (f"/aktuelles/thema/{TOPIC}/", f"/aktuelles/thema/{TOPIC}/atom/", "application/atom+xml"),
    ("/netzwerk/", "/netzwerk/treffen.ics", "text/calendar"),
    ("/netzwerk/treffen/", "/netzwerk/treffen.ics", "text/calendar"),
    (f"/netzwerk/treffen/{MEETING}/", f"/netzwerk/treffen/{MEETING}.ics", "text/calendar"),
]


@pytest.fixture
def content():
    """Published articles with what trips feeds up (markup characters, a photo, no topic)."""
    with_photo = ArticleFactory(
        title="Kinder & Jugendliche: „Frühe Hilfen“ <stark>",
        lead='Ein Lead mit "Anführungszeichen", <spitzen Klammern> & Umlauten: äöüß.',
        published_at=datetime.datetime(2023, 3, 26, 1, 30, tzinfo=BERLIN),  # before DST
        tags=["Frühe Hilfen", "Lernnetzwerk"],
    )
    ArticlePhotoFactory(article=with_photo)
    ArticleFactory(
        title="Sommerfest",
        published_at=datetime.datetime(2023, 7, 1, 12, tzinfo=BERLIN),
        tags=["Frühe Hilfen"],
    )
    ArticleFactory(title="Ohne Thema", published_at=datetime.datetime(2022, 1, 3, tzinfo=BERLIN))
    ArticleFactory(title="Entwurf", draft=True, tags=["Frühe Hilfen"])
    MeetingFactory(sequence_number=1, starts_on=datetime.date(2018, 11, 29))
    MeetingFactory(
        sequence_number=2,
        title="Mit Uhrzeit",
        starts_on=datetime.date(2019, 3, 31),  # the day clocks change
        start_time=datetime.time(10),
        end_time=datetime.time(16),
    )
    MeetingFactory(sequence_number=3, title="Verborgen", hidden=True)


def _get(client, url, media_type):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].split(";")[0] == media_type, url
    return response.content


def _one(parent, tag):
    found = parent.findall(tag)
    assert len(found) == 1, f"{len(found)} × {tag}"
    return found[0]


def _absolute(iri):
    parts = urlsplit(iri)
    return bool(parts.scheme) and bool(parts.netloc or parts.path)


def _feed_routes(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _feed_routes(pattern, inner)
        elif isinstance(pattern, URLPattern):
            view = inspect.unwrap(pattern.callback)  # under apps.core.urls.read_only's wrapper
            if isinstance(view, Feed) or view.__module__.endswith(".ical"):
                yield namespace + pattern.name


def test_every_feed_the_site_offers_is_tested_here():
    assert set(_feed_routes()) == FEED_ROUTES


@pytest.mark.parametrize("url", RSS_FEEDS + ATOM_FEEDS)
def test_feed_readers_parse_every_feed_without_error(client, content, url):
    media_type = "application/rss+xml" if url in RSS_FEEDS else "application/atom+xml"
    parsed = feedparser.parse(_get(client, url, media_type))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if url in RSS_FEEDS else "atom10")
    titles = [entry.title for entry in parsed.entries]
    assert "Kinder & Jugendliche: „Frühe Hilfen“ <stark>" in titles
    assert "Entwurf" not in titles
    assert ("Ohne Thema" in titles) is (TOPIC not in url)
    for entry in parsed.entries:
        assert entry.published_parsed and entry.link.startswith("http://testserver/aktuelles/")


@pytest.mark.parametrize("url", ATOM_FEEDS)
def test_atom_feeds_hold_every_must_of_rfc_4287(client, content, url):
    feed = ET.fromstring(_get(client, url, "application/atom+xml"))
    assert feed.tag == f"{ATOM}feed"
    # §4.1.1: exactly one id, title and updated; a self link; an author, or one per entry.
    assert _absolute(_one(feed, f"{ATOM}id").text)
    assert _one(feed, f"{ATOM}title").text
    assert RFC_3339.match(_one(feed, f"{ATOM}updated").text)
    self_links = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_links] == [f"http://testserver{url}"]
    feed_authors = feed.findall(f"{ATOM}author")
    for author in feed_authors:
        assert _one(author, f"{ATOM}name").text  # §3.2.1
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    ids = []
    for entry in entries:
        # §4.1.2: exactly one id, title and updated; published at most once; an author here
        # when the feed names none; an alternate link when there is no content.
        ids.append(_one(entry, f"{ATOM}id").text)
        assert _absolute(ids[-1])
        assert _one(entry, f"{ATOM}title").text
        assert RFC_3339.match(_one(entry, f"{ATOM}updated").text)
        for published in entry.findall(f"{ATOM}published"):
            assert RFC_3339.match(published.text)
        assert len(entry.findall(f"{ATOM}published")) <= 1
        assert feed_authors or entry.findall(f"{ATOM}author")
        links = entry.findall(f"{ATOM}link")
        alternates = [link for link in links if link.get("rel", "alternate") == "alternate"]
        assert alternates or entry.find(f"{ATOM}content") is not None
        # No two alternate links of the same type and language.
        kinds = [(link.get("type"), link.get("hreflang")) for link in alternates]
        assert len(kinds) == len(set(kinds))
        for link in links:
            assert _absolute(link.get("href"))
    assert len(ids) == len(set(ids))  # §4.2.6: an entry's id is its own


@pytest.mark.parametrize("url", RSS_FEEDS)
def test_rss_feeds_hold_every_must_of_rss_2(client, content, url):
    rss = ET.fromstring(_get(client, url, "application/rss+xml"))
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = _one(rss, "channel")
    for name in ("title", "link", "description"):
        assert _one(channel, name).text, name
    assert _absolute(channel.findtext("link"))
    self_links = [link for link in channel.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_links] == [f"http://testserver{url}"]
    items = channel.findall("item")
    assert items
    for item in items:
        assert item.findtext("title") or item.findtext("description")
        assert _absolute(item.findtext("link"))
        # RFC 822 dates, as RSS 2.0 requires them.
        assert email.utils.parsedate_to_datetime(item.findtext("pubDate")).tzinfo
        for enclosure in item.findall("enclosure"):
            assert _absolute(enclosure.get("url"))
            assert enclosure.get("length").isdigit() and enclosure.get("type")


@pytest.mark.parametrize("url", CALENDARS)
def test_calendars_hold_every_must_of_rfc_5545(client, content, url):
    calendar = Calendar.from_ical(_get(client, url, "text/calendar"))
    assert str(calendar["version"]) == "2.0" and str(calendar["prodid"])
    events = calendar.walk("VEVENT")
    assert len(events) == (2 if url == CALENDARS[0] else 1)
    for event in events:
        for name in ("uid", "dtstamp", "dtstart", "summary"):
            assert name.upper() in event, name
    assert len({str(event["uid"]) for event in events}) == len(events)
    assert "Verborgen" not in [str(event["summary"]) for event in events]


class _HeadLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.in_head = [], False

    def handle_starttag(self, tag, attrs):
        if tag == "head":
            self.in_head = True
        elif tag == "link" and self.in_head:
            self.links.append(dict(attrs))

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False


@pytest.mark.parametrize(("page", "feed", "media_type"), DISCOVERY)
def test_every_feed_is_announced_in_the_head_of_its_pages(client, content, page, feed, media_type):
    response = client.get(page)
    assert response.status_code == 200
    parser = _HeadLinks()
    parser.feed(response.content.decode())
    announced = [
        link
        for link in parser.links
        if "alternate" in link.get("rel", "").split() and link.get("type") == media_type
    ]
    assert feed in [link["href"] for link in announced]
    assert all(link.get("title") for link in announced)  # how readers tell them apart
    _get(client, feed, media_type)  # and the link leads to a feed of that type


@pytest.mark.parametrize("url", RSS_FEEDS + ATOM_FEEDS)
def test_a_control_character_pasted_into_an_article_does_not_break_the_feeds(client, url):
    # Word puts a vertical tab where a line break was; XML 1.0 has no place for it.
    ArticleFactory(
        title="Zeile eins\x0bZeile zwei",
        lead="Lead\x0cmit Seitenumbruch",
        tags=["Frühe Hilfen", "Früh\x0bförderung"],
    )
    media_type = "application/rss+xml" if url in RSS_FEEDS else "application/atom+xml"
    parsed = feedparser.parse(_get(client, url, media_type))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.entries[0].title == "Zeile eins Zeile zwei"


def test_a_control_character_pasted_into_a_meeting_stays_out_of_the_calendars(client):
    meeting = MeetingFactory(
        title="Zeile eins\x0bZeile zwei", motto="Motto\x0c", summary="Erster\r\nZweiter\x07"
    )
    for url in [CALENDARS[0], meeting.get_ical_url()]:
        body = _get(client, url, "text/calendar")
        # RFC 5545 §3.3.11: text holds no control characters but tab (line breaks escaped).
        assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", body.replace(b"\r\n", b""))
        (event,) = Calendar.from_ical(body).walk("VEVENT")
        assert str(event["summary"]).endswith("Zeile eins Zeile zwei")
        assert str(event["description"]) == "Motto \n\nErster\nZweiter "
