"""Drafts and scheduled articles stay invisible on every public URL."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def public_urls_for(article):
    day = timezone.localtime(article.published_at)
    y, m, d = day.year, f"{day.month:02d}", f"{day.day:02d}"
    half = 1 if day.month <= 6 else 2
    return [
        "/",
        "/aktuelles/",
        f"/aktuelles/{y}/",
        f"/aktuelles/{y}/halbjahr-{half}/",
        f"/aktuelles/{y}/{m}/",
        f"/aktuelles/{y}/{m}/{d}/",
        f"/aktuelles/thema/{article.tags.first().slug}/",
    ]


@pytest.fixture
def visible():
    return ArticleFactory(
        title="Sichtbarer Artikel",
        published_at=timezone.now() - datetime.timedelta(hours=2),
        tags=["Lernnetzwerk"],
    )


@pytest.mark.parametrize("hidden_kind", ["draft", "scheduled"])
def test_visitor_never_sees_draft_or_scheduled_article(client, visible, hidden_kind):
    if hidden_kind == "draft":
        hidden = ArticleFactory(
            title="Geheimer Artikel", draft=True, published_at=visible.published_at
        )
    else:
        hidden = ArticleFactory(
            title="Geheimer Artikel", published_at=timezone.now() + datetime.timedelta(minutes=1)
        )
    hidden.tags.add("Lernnetzwerk")
    for url in public_urls_for(visible):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert "Sichtbarer Artikel" in content, url
        assert "Geheimer Artikel" not in content, url
    detail = reverse(
        "news:article_detail",
        kwargs={
            "year": hidden.local_published_at.year,
            "month": f"{hidden.local_published_at.month:02d}",
            "day": f"{hidden.local_published_at.day:02d}",
            "slug": hidden.slug,
        },
    )
    assert client.get(detail).status_code == 404
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_archives_of_only_hidden_articles_are_not_found(client):
    hidden = ArticleFactory(draft=True, published_at=timezone.now() - datetime.timedelta(days=400))
    day = hidden.local_published_at
    for url in [
        f"/aktuelles/{day.year}/{day.month:02d}/",
        f"/aktuelles/{day.year}/{day.month:02d}/{day.day:02d}/",
        hidden.get_absolute_url(),
    ]:
        assert client.get(url).status_code == 404, url


def test_scheduled_article_appears_by_itself_when_its_time_comes(client, time_machine):
    article = ArticleFactory(published_at=timezone.now() + datetime.timedelta(minutes=5))
    assert client.get(article.get_absolute_url()).status_code == 404
    assert article.title not in client.get("/aktuelles/").content.decode()

    time_machine.move_to(timezone.now() + datetime.timedelta(minutes=6), tick=False)

    assert client.get(article.get_absolute_url()).status_code == 200
    assert article.title in client.get("/aktuelles/").content.decode()


def test_published_queryset_excludes_drafts_and_future():
    online = ArticleFactory()
    ArticleFactory(draft=True)
    ArticleFactory(scheduled=True)
    assert list(Article.objects.published()) == [online]
    assert online.is_published


def test_tag_page_without_published_articles_is_not_found(client):
    ArticleFactory(draft=True, tags=["Entwurfsthema"])
    assert client.get("/aktuelles/thema/entwurfsthema/").status_code == 404
    assert client.get("/aktuelles/thema/gibt-es-nicht/").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/aktuelles/2019/13/",
        "/aktuelles/2019/00/",
        "/aktuelles/2019/04/31/",
        "/aktuelles/2019/02/29/",
        "/aktuelles/2019/02/30/irgendwas/",
        "/aktuelles/2019/halbjahr-3/",
        "/aktuelles/0000/",
        "/aktuelles/2019/5/",
        "/aktuelles/2019/99/99/",
    ],
)
def test_impossible_dates_are_not_found(client, url):
    ArticleFactory(published_at=datetime.datetime(2019, 5, 7, 10, tzinfo=datetime.UTC))
    assert client.get(url).status_code == 404


def test_pagination_beyond_last_page_is_not_found(client):
    ArticleFactory.create_batch(3)
    assert client.get("/aktuelles/?page=2").status_code == 404
    assert client.get("/aktuelles/?page=abc").status_code == 404
