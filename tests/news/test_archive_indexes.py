"""Indexes visitors asked for: all topics, all people, and year pages that link only the
half-years that have articles."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest

from tests.factories import ArticleFactory, PersonFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def test_topic_index_lists_every_topic_of_published_articles_with_counts(client):
    ArticleFactory(tags=["Schule", "Kita"])
    ArticleFactory(tags=["Schule"])
    ArticleFactory(tags=["Geheim"], draft=True)
    html = client.get("/aktuelles/themen/").content.decode()
    assert (
        '<a href="/aktuelles/thema/kita/">Kita</a> <span class="count">(1 Artikel)</span>' in html
    )
    assert (
        '<a href="/aktuelles/thema/schule/">Schule</a> <span class="count">(2 Artikel)</span>'
        in html
    )
    assert "Geheim" not in html
    assert 'href="/aktuelles/themen/"' in client.get("/aktuelles/").content.decode()


def test_people_index_lists_published_people_by_last_name(client):
    PersonFactory(first_name="Ulrike", last_name="Gerhards")
    PersonFactory(first_name="Marina", last_name="Bänke")
    PersonFactory(first_name="Nicht", last_name="Öffentlich", hidden=True)
    html = client.get("/netzwerk/personen/").content.decode()
    assert html.index("Bänke, Marina") < html.index("Gerhards, Ulrike")
    assert "Öffentlich" not in html


def test_year_page_links_only_half_years_with_articles(client):
    ArticleFactory(published_at=datetime.datetime(2014, 12, 4, 12, tzinfo=BERLIN))
    html = client.get("/aktuelles/2014/").content.decode()
    assert "/aktuelles/2014/halbjahr-2/" in html
    assert "/aktuelles/2014/halbjahr-1/" not in html


def test_half_year_page_links_its_neighbours_with_articles(client):
    for year, month in ((2016, 11), (2017, 9), (2018, 3)):
        ArticleFactory(published_at=datetime.datetime(year, month, 4, 12, tzinfo=BERLIN))
    html = client.get("/aktuelles/2017/halbjahr-2/").content.decode()
    assert '<a href="/aktuelles/2016/halbjahr-2/">« 2. Halbjahr 2016</a>' in html
    assert '<a href="/aktuelles/2018/halbjahr-1/">1. Halbjahr 2018 »</a>' in html


def test_sidebar_names_the_twelve_topics_with_most_published_articles_ties_by_name(client):
    for name, count in [("Kita", 3), ("Hort", 2), ("Familie", 2)]:
        for _ in range(count):
            ArticleFactory(tags=[name])
    ArticleFactory(tags=[f"Thema {n:02}" for n in range(10)])
    ArticleFactory(tags=["Geheim"] * 5, draft=True)
    html = client.get("/aktuelles/").content.decode()
    sidebar = html.split('id="tags-heading"')[1].split("</section>")[0]
    names = re.findall(r'<a href="/aktuelles/thema/[^"]+/">([^<]+)</a>', sidebar)
    # Kita (3), then Familie and Hort (2 each) by name, then the first nine of ten with one.
    assert names == ["Kita", "Familie", "Hort", *[f"Thema {n:02}" for n in range(9)]]
    assert '<span class="count">(3)</span>' in sidebar
