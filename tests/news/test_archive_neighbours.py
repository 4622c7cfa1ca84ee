"""The year archive links the neighbouring years with articles without asking the database."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
BERLIN = datetime.timezone(datetime.timedelta(hours=1))


def test_year_page_links_the_nearest_years_with_articles_and_shows_its_latest_month(client):
    for year, month in [(2016, 5), (2018, 2), (2018, 9), (2021, 1)]:
        ArticleFactory(published_at=datetime.datetime(year, month, 3, 12, tzinfo=BERLIN))
    response = client.get(reverse("news:archive_year", kwargs={"year": 2018}))
    assert response.status_code == 200
    assert response.context["previous_year"].year == 2016
    assert response.context["next_year"].year == 2021
    assert (response.context["calendar_month"].year, response.context["calendar_month"].month) == (
        2018,
        9,
    )
    assert reverse("news:archive_year", kwargs={"year": 2016}) in response.content.decode()


def test_empty_year_month_and_day_are_not_found(client):
    ArticleFactory(published_at=datetime.datetime(2018, 2, 3, 12, tzinfo=BERLIN))
    assert client.get(reverse("news:archive_year", kwargs={"year": 2017})).status_code == 404
    url = reverse("news:archive_month", kwargs={"year": 2018, "month": "03"})
    assert client.get(url).status_code == 404
    url = reverse("news:archive_day", kwargs={"year": 2018, "month": "02", "day": "30"})
    assert client.get(url).status_code == 404
