"""An article dated less precisely than a day: its address, archives and structured data
name only what is known."""

import datetime

import pytest

from tests.factories import ArticleFactory
from tests.site_pages import structured_data

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2019, 5, 14, 10, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("precision", "url", "label", "iso", "archives", "not_in"),
    [
        ("day", "/aktuelles/2019/05/14/x/", "14. Mai 2019", None, ["05/14/", "05/"], []),
        ("month", "/aktuelles/2019/05/x/", "Mai 2019", "2019-05", ["05/"], ["05/14/"]),
        ("half_year", "/aktuelles/2019/x/", "1. Halbjahr 2019", "2019", ["halbjahr-1/"], ["05/"]),
        ("year", "/aktuelles/2019/x/", "2019", "2019", [""], ["halbjahr-1/", "05/"]),
    ],
)
def test_article_is_addressed_listed_and_described_to_its_precision(
    client, precision, url, label, iso, archives, not_in
):
    article = ArticleFactory(title="X", slug="x", published_at=NOON, date_precision=precision)

    assert article.get_absolute_url() == url
    html = client.get(url).content.decode()
    assert f">{label}</time>" in html
    data = structured_data(html, "NewsArticle")
    assert data["datePublished"] == (iso or article.local_published_at.isoformat())
    for archive in archives:
        assert url in client.get(f"/aktuelles/2019/{archive}").content.decode(), archive
    for archive in not_in:
        response = client.get(f"/aktuelles/2019/{archive}")
        assert response.status_code == 404 or url not in response.content.decode(), archive


def test_an_address_with_more_or_less_of_the_date_redirects_to_the_articles_own():
    from django.test import Client

    client = Client()
    ArticleFactory(title="Y", slug="y", published_at=NOON, date_precision="month")
    ArticleFactory(title="Z", slug="z", published_at=NOON)

    assert client.get("/aktuelles/2019/05/14/y/")["Location"] == "/aktuelles/2019/05/y/"
    assert client.get("/aktuelles/2019/y/")["Location"] == "/aktuelles/2019/05/y/"
    assert client.get("/aktuelles/2019/05/z/")["Location"] == "/aktuelles/2019/05/14/z/"
    assert client.get("/aktuelles/2019/06/y/").status_code == 404
    assert client.get("/aktuelles/2018/y/").status_code == 404


def test_sitemap_lists_only_the_archives_an_articles_known_date_makes(client):
    ArticleFactory(title="Nur das Jahr", slug="jahr", published_at=NOON, date_precision="year")
    ArticleFactory(
        title="Der Monat", slug="monat", published_at=NOON + datetime.timedelta(days=40),
        date_precision="month",
    )  # fmt: skip
    listed = client.get("/sitemap-archiv.xml").content.decode()
    year, month = NOON.year, (NOON + datetime.timedelta(days=40)).month
    assert f"/aktuelles/{year}/</loc>" in listed
    assert f"/aktuelles/{year}/{month:02d}/</loc>" in listed
    assert f"/aktuelles/{year}/{NOON.month:02d}/</loc>" not in listed
    assert f"/aktuelles/{year}/{NOON.month:02d}/{NOON.day:02d}/</loc>" not in listed
    for address in (f"/aktuelles/{year}/", f"/aktuelles/{year}/{month:02d}/"):
        assert client.get(address).status_code == 200
