"""Every public page makes a fixed, small number of queries whatever the amount of content."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.news.feeds import FEED_SIZE
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    InstitutionFactory,
    MeetingFactory,
    MeetingParticipationFactory,
    MunicipalityFactory,
    PersonFactory,
    PhotoFactory,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 6
BERLIN = datetime.timezone(datetime.timedelta(hours=1))
# A fixed day well in the past: every archive page below has articles on it.
DAY = datetime.datetime(2020, 3, 10, 12, 0, tzinfo=BERLIN)


def _populate(size, *, town, isa, person, meeting):
    """Add `size` articles (with photos and tags) and meetings around the pages measured."""
    for n in range(size):
        article = ArticleFactory(
            published_at=DAY - datetime.timedelta(minutes=n),
            tags=["Lernnetzwerk", f"Thema {n}"],
        )
        for position in range(1 + n % 3):
            ArticlePhotoFactory(article=article, photo=PhotoFactory(), position=position)
        article.meetings.add(meeting)
        article.municipalities.add(town)
        article.institutions.add(isa)
        article.people.add(person)
        other = MeetingFactory(
            starts_on=datetime.date(2020, 3, 1 + n % 28),
            host_municipality=town,
            tags=["Lernnetzwerk"],
        )
        other.organisers.add(isa)
        MeetingParticipationFactory(meeting=other, person=person, order=n + 1)
    # Older articles fill the deep pages of the news list.
    for n in range(size * 3 + 15):
        ArticleFactory(published_at=DAY - datetime.timedelta(days=40 + n))


def _urls(size):
    town = MunicipalityFactory()
    isa = InstitutionFactory(municipality=town)
    person = PersonFactory()
    meeting = MeetingFactory(starts_on=DAY.date(), host_municipality=town, tags=["Lernnetzwerk"])
    MeetingParticipationFactory(meeting=meeting, person=person)
    _populate(size, town=town, isa=isa, person=person, meeting=meeting)
    article = ArticleFactory(published_at=DAY, tags=["Lernnetzwerk", "Partizipation"])
    for position in range(size):
        ArticlePhotoFactory(article=article, photo=PhotoFactory(), position=position)
    return {
        "home": reverse("home"),
        "news_list": reverse("news:article_list"),
        "news_list_deep": reverse("news:article_list") + "?page=2",
        "year": reverse("news:archive_year", kwargs={"year": 2020}),
        "half_year": reverse("news:archive_half_year", kwargs={"year": 2020, "half": 1}),
        "month": reverse("news:archive_month", kwargs={"year": 2020, "month": 3}),
        "day": reverse("news:archive_day", kwargs={"year": 2020, "month": 3, "day": 10}),
        "article_detail": article.get_absolute_url(),
        "tag": reverse("news:article_tag", kwargs={"slug": "lernnetzwerk"}),
        "meeting_list": reverse("network:meeting_list"),
        "meeting_detail": meeting.get_absolute_url(),
        "municipality": town.get_absolute_url(),
        "person": person.get_absolute_url(),
        "institution": isa.get_absolute_url(),
        "municipality_articles": reverse(
            "network:municipality_articles", kwargs={"slug": town.slug}
        ),
        "meeting_articles": reverse("network:meeting_articles", kwargs={"slug": meeting.slug}),
        "person_articles": reverse("network:person_articles", kwargs={"slug": person.slug}),
        "search": reverse("search:search") + "?q=Lernnetzwerktreffen",
        "rss": reverse("news:feed_rss"),
        "atom": reverse("news:feed_atom"),
        "topic_rss": reverse("news:topic_feed_rss", kwargs={"slug": "lernnetzwerk"}),
        "meetings_ics": reverse("network:meetings_ical"),
        "meeting_ics": reverse("network:meeting_ical", kwargs={"slug": meeting.slug}),
        "sitemap": reverse("sitemap"),
        **{
            f"sitemap_{section}": f"/sitemap-{section}.xml"
            for section in ("seiten", "archiv", "artikel", "netzwerk")
        },
    }


def _query_counts(client, size):
    counts = {}
    for name, url in _urls(size).items():
        counts[name] = _count(client, url)
    return counts


def _count(client, url):
    # Site-wide fragments (sidebar calendar, month list, popular tags) are cached until
    # content changes; the count is what each page costs on top of them.
    cache.clear()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    # Savepoints come from the test's transaction, not from the page.
    return sum(1 for q in queries if "SAVEPOINT" not in q["sql"])


@pytest.fixture
def today_after_the_archive(time_machine):
    time_machine.move_to(datetime.datetime(2020, 6, 1, 12, 0, tzinfo=datetime.UTC), tick=False)


@pytest.mark.slow(3)
def test_every_public_page_makes_the_same_few_queries_for_few_and_many_records(
    client, today_after_the_archive
):
    few = _query_counts(client, 2)
    many = _query_counts(client, 7)
    assert few == many
    too_many = {name: n for name, n in many.items() if n > MAX_QUERIES}
    assert too_many == {}


def _feed_query_counts(client):
    counts = {}
    for name in ("news:feed_rss", "news:feed_atom"):
        counts[name] = _count(client, reverse(name))
    url = reverse("news:topic_feed_rss", kwargs={"slug": "lernnetzwerk"})
    counts["news:topic_feed_rss"] = _count(client, url)
    return counts


def test_feeds_make_the_same_few_queries_for_one_item_and_a_full_feed(client):
    # The page test above fills the feeds in both of its sizes; here the number of items
    # changes, so a query per item shows.
    def add_article(n):
        article = ArticleFactory(tags=["Lernnetzwerk", f"Thema {n}"])
        for position in range(2):
            ArticlePhotoFactory(article=article, photo=PhotoFactory(), position=position)

    add_article(0)
    one = _feed_query_counts(client)
    for n in range(1, FEED_SIZE + 3):
        add_article(n)
    full = _feed_query_counts(client)
    assert one == full
    assert max(full.values()) <= MAX_QUERIES
