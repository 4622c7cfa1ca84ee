"""The sidebar's archive links each year and half-year with articles, then their months."""

import datetime

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def at(year, month, day):
    return datetime.datetime(year, month, day, 12, tzinfo=datetime.UTC)


def test_sidebar_links_years_and_half_years_with_articles_and_their_months(client):
    ArticleFactory(published_at=at(2017, 3, 7))
    ArticleFactory(published_at=at(2017, 9, 1))
    ArticleFactory(published_at=at(2017, 9, 20))
    ArticleFactory(published_at=at(2018, 4, 19))
    ArticleFactory(draft=True, published_at=None)

    page = client.get("/aktuelles/").content.decode()
    archive = page[page.index('id="archive-heading"') :]

    assert 'href="/aktuelles/2018/">2018</a> <span class="count">(1)' in archive
    assert 'href="/aktuelles/2017/">2017</a> <span class="count">(3)' in archive
    assert archive.index("/aktuelles/2018/") < archive.index("/aktuelles/2017/")
    assert 'href="/aktuelles/2017/halbjahr-1/">1. Halbjahr' in archive
    assert 'href="/aktuelles/2017/halbjahr-2/">2. Halbjahr' in archive
    assert 'href="/aktuelles/2018/halbjahr-1/">1. Halbjahr' in archive
    assert "/aktuelles/2018/halbjahr-2/" not in archive  # no link to an empty half-year
    assert 'href="/aktuelles/2017/09/">September 2017</a> <span class="count">(2)' in archive
    for link in ["/aktuelles/2017/", "/aktuelles/2017/halbjahr-2/", "/aktuelles/2017/09/"]:
        assert client.get(link).status_code == 200
