import pytest
from django.db import connection

from apps.news.models import Article
from apps.search.registry import kind_by_key
from apps.search.services import excerpt, search_kind
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    return {
        "network": ArticleFactory(
            title="Lernnetzwerktreffen in Herne",
            lead="Die Koordinatorinnen trafen sich.",
            body="<p>Ein zentrales Thema war das Bundespräventionsgesetz und das Netzwerk.</p>",
        ),
        "week": ArticleFactory(
            title="Präventionswoche in Ahlen",
            lead="Jede Menge Angebote.",
            body="<p>Ein Schaufenster der Angebote für Kinder und Jugendliche.</p>",
        ),
        "draft": ArticleFactory(title="Netzwerk-Entwurf", body="<p>Netzwerk</p>", draft=True),
    }


def test_search_finds_published_articles_and_groups_them(client, articles):
    response = client.get("/suche/", {"q": "Präventionswoche"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="group-artikel"' in html
    assert articles["week"].get_absolute_url() in html
    assert articles["network"].get_absolute_url() not in html


def test_search_never_shows_drafts(client, articles):
    html = client.get("/suche/", {"q": "Netzwerk"}).content.decode()
    assert "Netzwerk-Entwurf" not in html


def test_excerpt_marks_the_terms_and_escapes_the_rest():
    text = "<p>Vorher &lt;b&gt; das Netzwerk wächst <script>x</script></p>"
    result = excerpt(text, "Netzwerke")
    assert "<mark>Netzwerk</mark>" in result
    assert "<script>" not in result and "<p>" not in result


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 10_000,
        "!!! ??? ... ;;;",
        "'; DROP TABLE news_article; --",
        "<script>alert(1)</script>",
        "Netzwerk OR 1=1",
        "a & | ! ( ) : * <->",
        "\x00\x01 Netzwerk",
        "%_%",
    ],
)
def test_absurd_queries_return_a_normal_page(client, articles, query):
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert Article.objects.count() == 3


def test_one_kind_is_paginated(client):
    ArticleFactory.create_batch(25, title="Lernnetzwerk Bericht", body="<p>Lernnetzwerk</p>")
    first = client.get("/suche/", {"q": "Lernnetzwerk", "art": "artikel"}).content.decode()
    assert "Seite 1 von 2" in first
    second = client.get("/suche/", {"q": "Lernnetzwerk", "art": "artikel", "page": 2})
    assert second.status_code == 200
    assert "Seite 2 von 2" in second.content.decode()


def test_unknown_parameters_are_ignored(client, articles):
    response = client.get("/suche/", {"q": "Ahlen", "status": "draft", "art": "nichts", "x": "1"})
    assert response.status_code == 200
    assert "Netzwerk-Entwurf" not in response.content.decode()


@pytest.mark.postgres
def test_postgres_search_finds_german_word_forms_ranked_by_title(articles):
    ArticleFactory(title="Netzwerke stärken", body="<p>Mehr dazu.</p>")
    results = list(search_kind(kind_by_key("artikel"), "Netzwerk"))
    titles = [article.title for article in results]
    assert titles[0] == "Netzwerke stärken"  # a title hit outranks a body hit
    assert "Lernnetzwerktreffen in Herne" in titles  # "Netzwerk" in its body
    assert "Netzwerk-Entwurf" not in titles
    # Stemming works the other way round too.
    assert [a.title for a in search_kind(kind_by_key("artikel"), "Angeboten")] == [
        "Präventionswoche in Ahlen"
    ]


@pytest.mark.postgres
def test_postgres_search_uses_the_full_text_index(articles):
    base = articles["week"]
    Article.objects.bulk_create(
        Article(
            title=f"Bericht {i}",
            slug=f"bericht-{i}",
            body="<p>Familienzentrum Sport Schule</p>",
            status=Article.Status.PUBLISHED,
            published_at=base.published_at,
            publication_date=base.publication_date,
        )
        for i in range(2000)
    )
    queryset = search_kind(kind_by_key("artikel"), "Netzwerk")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE news_article")
    plan = queryset.explain()
    assert "news_article_search_idx" in plan


def test_search_covers_meetings_people_municipalities_and_institutions(client):
    from tests.factories import (
        InstitutionFactory,
        MeetingFactory,
        MunicipalityFactory,
        PersonFactory,
    )

    MeetingFactory(title="Bedingungen gelingenden Aufwachsens", summary="Treffen in Wuppertal")
    MeetingFactory(title="Geheimes Wuppertal-Treffen", hidden=True)
    PersonFactory(first_name="Ilona", last_name="Heuchel")
    PersonFactory(first_name="Versteckte", last_name="Wuppertalerin", hidden=True)
    MunicipalityFactory(name="Wuppertal", slug="wuppertal")
    InstitutionFactory(name="Institut für Soziale Arbeit", description="Träger in Wuppertal")

    html = client.get("/suche/", {"q": "Wuppertal"}).content.decode()
    for group in ["treffen", "kommunen", "institutionen"]:
        assert f'id="group-{group}"' in html, group
    assert "Bedingungen gelingenden Aufwachsens" in html
    assert "Geheimes Wuppertal-Treffen" not in html
    assert "Wuppertalerin" not in html

    people = client.get("/suche/", {"q": "Heuchel"}).content.decode()
    assert 'id="group-personen"' in people and "Ilona Heuchel" in people
