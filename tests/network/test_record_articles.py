"""A record's page shows its latest articles; its "Artikel zu …" page lists them all."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.network.selectors import RELATED_ARTICLES
from tests.factories import (
    ArticleFactory,
    InstitutionFactory,
    MeetingFactory,
    MunicipalityFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def _articles_about(record, count, relation):
    now = timezone.now()
    articles = []
    for n in range(count):
        article = ArticleFactory(
            title=f"Bericht {n:02d}", published_at=now - datetime.timedelta(days=1 + n)
        )
        getattr(article, relation).add(record)
        articles.append(article)
    return articles


def test_municipality_page_shows_the_latest_articles_and_links_to_all_of_them(client):
    town = MunicipalityFactory(name="Ahlen", slug="ahlen")
    _articles_about(town, RELATED_ARTICLES + 2, "municipalities")
    page = client.get(town.get_absolute_url()).content.decode()
    assert page.count('class="teaser kern-card"') == RELATED_ARTICLES
    assert "Bericht 00" in page and f"Bericht {RELATED_ARTICLES:02d}" not in page
    assert 'href="/netzwerk/kommunen/ahlen/artikel/">Alle Artikel zu Ahlen</a>' in page


def test_record_page_without_more_articles_has_no_link_to_all(client):
    town = MunicipalityFactory(slug="hamm")
    _articles_about(town, RELATED_ARTICLES, "municipalities")
    page = client.get(town.get_absolute_url()).content.decode()
    assert page.count('class="teaser kern-card"') == RELATED_ARTICLES
    assert "/netzwerk/kommunen/hamm/artikel/" not in page


def test_articles_page_lists_every_published_article_about_the_record_newest_first(
    client, settings
):
    settings.NEWS_PAGINATE_BY = 5
    town = MunicipalityFactory(name="Ahlen", slug="ahlen")
    articles = _articles_about(town, 7, "municipalities")
    draft = ArticleFactory(title="Entwurf zu Ahlen", draft=True)
    draft.municipalities.add(town)
    ArticleFactory(title="Bericht aus Hamm")  # about no record
    url = reverse("network:municipality_articles", kwargs={"slug": "ahlen"})

    first = client.get(url)
    second = client.get(url, {"page": 2})

    assert [a.pk for a in first.context["object_list"]] == [a.pk for a in articles[:5]]
    assert [a.pk for a in second.context["object_list"]] == [a.pk for a in articles[5:]]
    html = first.content.decode() + second.content.decode()
    assert "<h1>Artikel zu Ahlen</h1>" in html
    assert "Entwurf zu Ahlen" not in html and "Bericht aus Hamm" not in html


@pytest.mark.parametrize(
    ("factory", "relation", "url_name"),
    [
        (MeetingFactory, "meetings", "network:meeting_articles"),
        (PersonFactory, "people", "network:person_articles"),
        (InstitutionFactory, "institutions", "network:institution_articles"),
    ],
)
def test_every_kind_of_record_has_an_articles_page(client, factory, relation, url_name):
    record = factory()
    about = _articles_about(record, 2, relation)
    draft = ArticleFactory(draft=True)
    getattr(draft, relation).add(record)
    _articles_about(factory(), 1, relation)  # about another record of the same kind
    response = client.get(reverse(url_name, kwargs={"slug": record.slug}))
    assert response.status_code == 200
    assert [a.pk for a in response.context["object_list"]] == [a.pk for a in about]


@pytest.mark.parametrize(
    ("factory", "relation", "url_name"),
    [
        (MeetingFactory, "meetings", "network:meeting_articles"),
        (PersonFactory, "people", "network:person_articles"),
    ],
)
def test_articles_page_of_an_unpublished_record_is_not_found(client, factory, relation, url_name):
    record = factory(hidden=True)
    _articles_about(record, 1, relation)
    assert client.get(reverse(url_name, kwargs={"slug": record.slug})).status_code == 404


def test_articles_page_of_an_unknown_record_is_not_found(client):
    url = reverse("network:municipality_articles", kwargs={"slug": "gibt-es-nicht"})
    assert client.get(url).status_code == 404
