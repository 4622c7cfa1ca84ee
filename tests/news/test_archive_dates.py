"""The date archives read their dates from the URL and count days in Berlin."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    "url",
    [
        "/aktuelles/0000/",
        "/aktuelles/2019/13/",
        "/aktuelles/2019/00/",
        "/aktuelles/2019/02/30/",
        "/aktuelles/2019/04/31/",
        "/aktuelles/0000/halbjahr-1/",
        # The period after these would begin in the year 10000.
        "/aktuelles/9999/",
        "/aktuelles/9999/12/",
        "/aktuelles/9999/12/31/",
        "/aktuelles/9999/halbjahr-2/",
    ],
)
def test_day_that_does_not_exist_is_not_found(client, url):
    ArticleFactory(published_at=datetime.datetime(2019, 2, 28, 12, tzinfo=BERLIN))
    assert client.get(url).status_code == 404


def _titles(client, url):
    response = client.get(url)
    if response.status_code == 404:
        return set()
    assert response.status_code == 200, url
    return {article.title for article in response.context["object_list"]}


def test_archives_cut_years_months_and_days_at_berlin_midnight(client):
    # 00:30 on New Year's Day in Berlin is 23:30 UTC of the old year: a cut in UTC would put
    # both articles in 2019.
    ArticleFactory(
        title="Silvester", published_at=datetime.datetime(2019, 12, 31, 23, 30, tzinfo=BERLIN)
    )
    ArticleFactory(
        title="Neujahr", published_at=datetime.datetime(2020, 1, 1, 0, 30, tzinfo=BERLIN)
    )
    for url in [
        "/aktuelles/2019/",
        "/aktuelles/2019/halbjahr-2/",
        "/aktuelles/2019/12/",
        "/aktuelles/2019/12/31/",
    ]:
        assert _titles(client, url) == {"Silvester"}, url
    for url in [
        "/aktuelles/2020/",
        "/aktuelles/2020/halbjahr-1/",
        "/aktuelles/2020/01/",
        "/aktuelles/2020/01/01/",
    ]:
        assert _titles(client, url) == {"Neujahr"}, url
