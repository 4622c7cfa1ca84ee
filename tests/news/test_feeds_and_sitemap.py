import datetime
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from django.core.files.storage import FileSystemStorage

from apps.news.sitemaps import ArticleSitemap
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    InstitutionFactory,
    MeetingFactory,
    MunicipalityFactory,
    PersonFactory,
    PhotoFactory,
)
from tests.site_pages import structured_data

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _sitemap_urls(client):
    """Follow the sitemap index to every section page and return all their <url> elements."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    urls = []
    for loc in ET.fromstring(index.content).iter(f"{SITEMAP}loc"):
        page = client.get(loc.text.split("testserver", 1)[1])
        assert page.status_code == 200, loc.text
        urls += ET.fromstring(page.content).findall(f"{SITEMAP}url")
    return urls


def _path(url):
    return url.findtext(f"{SITEMAP}loc").split("testserver", 1)[1]


@pytest.fixture
def articles():
    online = ArticleFactory(
        title="Großes Lernnetzwerktreffen in Neuss",
        lead="Rund 150 Personen folgten der Einladung.",
        published_at=datetime.datetime(2022, 11, 15, 10, tzinfo=BERLIN),
        tags=["Lernnetzwerk", "Kinderstark"],
    )
    ArticleFactory(title="Entwurf über Ahlen", draft=True, tags=["Lernnetzwerk"])
    ArticleFactory(title="Geplanter Artikel", scheduled=True, tags=["Lernnetzwerk"])
    return online


def test_rss_feed_lists_only_published_articles_with_title_lead_and_date(client, articles):
    response = client.get("/aktuelles/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Großes Lernnetzwerktreffen in Neuss"]
    assert items[0].findtext("description") == "Rund 150 Personen folgten der Einladung."
    assert items[0].findtext("pubDate") == "Tue, 15 Nov 2022 09:00:00 +0000"
    assert items[0].findtext("link").endswith(articles.get_absolute_url())
    assert sorted(c.text for c in items[0].findall("category")) == ["Kinderstark", "Lernnetzwerk"]


def test_atom_feed_is_valid_xml_with_only_published_entries(client, articles):
    response = client.get("/aktuelles/atom/")
    feed = ET.fromstring(response.content)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert titles == ["Großes Lernnetzwerktreffen in Neuss"]


def test_topic_feed_lists_articles_of_that_topic_only(client, articles):
    ArticleFactory(title="Ohne Thema")
    response = client.get("/aktuelles/thema/lernnetzwerk/feed/")
    titles = [i.findtext("title") for i in ET.fromstring(response.content).iter("item")]
    assert titles == ["Großes Lernnetzwerktreffen in Neuss"]
    assert client.get("/aktuelles/thema/unbekannt/feed/").status_code == 404


def test_sitemap_lists_articles_archives_and_pages_but_nothing_hidden(client, articles):
    urls = _sitemap_urls(client)
    paths = {_path(url) for url in urls}
    assert {
        "/",
        "/aktuelles/",
        articles.get_absolute_url(),
        "/aktuelles/2022/",
        "/aktuelles/2022/halbjahr-2/",
        "/aktuelles/2022/11/",
        "/aktuelles/2022/11/15/",
        "/impressum/",
        "/datenschutz/",
        "/barrierefreiheit/",
    } <= paths
    assert not any("entwurf" in path or "geplanter" in path for path in paths)
    without_lastmod = {_path(url) for url in urls if url.find(f"{SITEMAP}lastmod") is None}
    # Only the network's index pages, while the network is still empty, lack a date.
    assert all(path.startswith("/netzwerk/") for path in without_lastmod)


def test_sitemap_index_links_every_page_of_a_section_so_no_article_is_left_out(client, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    older = [
        ArticleFactory(published_at=datetime.datetime(2021, 5, day, 9, tzinfo=BERLIN))
        for day in (1, 2, 3)
    ]
    ArticleFactory(title="Entwurf über Ahlen", draft=True)
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert sections == [
        "http://testserver/sitemap-seiten.xml",
        "http://testserver/sitemap-archiv.xml",
        "http://testserver/sitemap-artikel.xml",
        "http://testserver/sitemap-artikel.xml?p=2",
        "http://testserver/sitemap-themen.xml",
        "http://testserver/sitemap-netzwerk.xml",
    ]
    second = ET.fromstring(client.get("/sitemap-artikel.xml?p=2").content)
    assert [_path(url) for url in second.findall(f"{SITEMAP}url")] == [older[0].get_absolute_url()]
    assert {_path(url) for url in _sitemap_urls(client)} >= {
        article.get_absolute_url() for article in older
    }
    assert client.get("/sitemap-artikel.xml?p=3").status_code == 404
    assert client.get("/sitemap-unbekannt.xml").status_code == 404


def test_article_section_lists_published_articles_only(client, articles):
    root = ET.fromstring(client.get("/sitemap-artikel.xml").content)
    assert [_path(url) for url in root.findall(f"{SITEMAP}url")] == [articles.get_absolute_url()]


def test_robots_txt_points_at_the_sitemap_and_never_names_the_admin(client, settings):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    # ADMIN_URL is a secret; the admin needs no Disallow: it answers only with a login.
    assert "admin" not in response.content.decode()


def test_article_page_has_link_preview_and_structured_data(client, articles):
    html = client.get(articles.get_absolute_url()).content.decode()
    assert f'<link rel="canonical" href="http://testserver{articles.get_absolute_url()}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Großes Lernnetzwerktreffen in Neuss">' in html
    assert '"@type": "NewsArticle"' in html
    assert '"@type": "GovernmentOrganization"' in html


def test_structured_data_cannot_break_out_of_its_block(client):
    article = ArticleFactory(title="</script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html


def test_sitemap_lists_published_network_pages_only(client):
    meeting = MeetingFactory()
    hidden_meeting = MeetingFactory(hidden=True)
    person = PersonFactory()
    hidden_person = PersonFactory(hidden=True)
    municipality = MunicipalityFactory()
    institution = InstitutionFactory()
    urls = _sitemap_urls(client)
    paths = {_path(url) for url in urls}
    for obj in [meeting, person, municipality, institution]:
        assert obj.get_absolute_url() in paths
    assert hidden_meeting.get_absolute_url() not in paths
    assert hidden_person.get_absolute_url() not in paths
    assert {"/netzwerk/", "/netzwerk/treffen/", "/netzwerk/kommunen/"} <= paths
    for url in urls:
        if "/netzwerk/" in _path(url):
            assert url.find(f"{SITEMAP}lastmod") is not None


def test_feed_offers_the_lead_photo_as_enclosure(client):
    article = ArticleFactory(title="Mit Foto")
    ArticlePhotoFactory(article=article, photo=PhotoFactory(renditions=True), position=1)
    ArticleFactory(title="Ohne Foto")
    channel = ET.fromstring(client.get("/aktuelles/feed/").content).find("channel")
    enclosures = {i.findtext("title"): i.find("enclosure") for i in channel.findall("item")}
    assert enclosures["Ohne Foto"] is None
    photo = enclosures["Mit Foto"]
    assert photo.get("url").startswith("http://testserver/media/")
    assert photo.get("type") in {"image/jpeg", "image/png"}
    assert int(photo.get("length")) > 0


def test_feed_asks_the_storage_for_each_enclosure_size_only_once(client, monkeypatch):
    for n in range(3):
        article = ArticleFactory(title=f"Mit Foto {n}")
        ArticlePhotoFactory(article=article, photo=PhotoFactory(renditions=True), position=1)
    asked = []
    size = FileSystemStorage.size
    monkeypatch.setattr(
        FileSystemStorage, "size", lambda storage, name: asked.append(name) or size(storage, name)
    )
    first = client.get("/aktuelles/feed/").content
    assert len(asked) == 3
    assert client.get("/aktuelles/feed/").content == first
    assert client.get("/aktuelles/atom/").status_code == 200
    assert len(asked) == 3


def test_feed_is_sent_as_one_body_not_hundreds_of_small_writes(client):
    ArticleFactory.create_batch(5)
    response = client.get("/aktuelles/feed/")
    assert len(response._container) == 1
    assert b"<rss" in response.content


def test_feed_does_not_ask_again_for_a_rendition_the_storage_cannot_find(client, monkeypatch):
    ArticlePhotoFactory(article=ArticleFactory(), photo=PhotoFactory(), position=1)
    asked = []

    def lost(storage, name):
        asked.append(name)
        raise FileNotFoundError(name)

    monkeypatch.setattr(FileSystemStorage, "size", lost)
    first = client.get("/aktuelles/feed/").content.decode()
    second = client.get("/aktuelles/feed/").content.decode()
    assert 'length="0"' in first and 'length="0"' in second
    assert len(asked) == 1


def test_atom_feed_names_its_author_as_rfc_4287_requires(client):
    ArticleFactory()
    root = ET.fromstring(client.get("/aktuelles/atom/").content)
    assert root.find(f"{ATOM}author/{ATOM}name").text == "Stadt Ahlen"


def test_topic_pages_link_their_feed_and_are_in_the_sitemap(client):
    ArticleFactory(tags=["Frühe Hilfen"])
    ArticleFactory(tags=["Entwurfsthema"], draft=True)
    html = client.get("/aktuelles/thema/fruehe-hilfen/").content.decode()
    feed = "/aktuelles/thema/fruehe-hilfen/feed/"
    assert '<link rel="alternate"' in html and f'href="{feed}">' in html
    assert f'<a href="{feed}">' in html
    paths = [_path(url) for url in _sitemap_urls(client)]
    assert "/aktuelles/thema/fruehe-hilfen/" in paths
    assert "/aktuelles/thema/entwurfsthema/" not in paths


def test_news_article_data_has_image_author_and_publisher(client):
    article = ArticleFactory()
    ArticlePhotoFactory(article=article, photo=PhotoFactory(renditions=True))
    data = structured_data(client.get(article.get_absolute_url()).content.decode(), "NewsArticle")
    assert data["author"]["name"] == data["publisher"]["name"] == "Stadt Ahlen"
    assert len(data["image"]) == 2
    assert all(url.startswith("http://testserver/media/renditions/") for url in data["image"])


def test_event_without_venue_is_located_and_organised_by_its_host(client):
    meeting = MeetingFactory(
        venue="", city="", host_municipality=MunicipalityFactory(name="Gelsenkirchen")
    )
    data = structured_data(client.get(meeting.get_absolute_url()).content.decode(), "Event")
    assert data["location"]["address"]["addressLocality"] == "Gelsenkirchen"
    assert data["organizer"]["name"] == "Gelsenkirchen"
