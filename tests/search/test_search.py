import re

import pytest
from django.db import connection

from apps.news.models import Article
from apps.search import services
from apps.search.registry import SEARCH_KINDS, kind_by_key
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
    assert articles["network"].get_absolute_url() in html
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
        # Rows inserted after the index was built wait in GIN's pending list (merged by
        # (auto)vacuum in real life), which the planner prices high; merge them now.
        cursor.execute("SELECT gin_clean_pending_list('news_article_search_document_idx')")
        cursor.execute("ANALYZE news_article")
    plan = queryset.explain()
    assert "news_article_search_document_idx" in plan


def _stored_document(article):
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_document::text FROM news_article WHERE id = %s", [article.pk])
        return cursor.fetchone()[0]


@pytest.mark.postgres
def test_postgres_article_search_document_is_generated_and_weighted():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT data_type, is_generated FROM information_schema.columns "
            "WHERE table_name = 'news_article' AND column_name = 'search_document'"
        )
        assert cursor.fetchone() == ("tsvector", "ALWAYS")
    article = ArticleFactory(title="Familienzentrum", lead="Sprachförderung", body="<p>Kita</p>")
    document = _stored_document(article)
    assert "'familienzentrum':1A" in document
    assert "'kita':3C" in document
    assert ":2B" in document  # the lead


@pytest.mark.postgres
def test_postgres_article_search_document_follows_save_and_update():
    article = ArticleFactory(title="Sommerfest", body="<p>Grillen</p>")
    article.title = "Herbstmarkt"
    article.save()
    assert "herbstmarkt" in _stored_document(article)
    assert "sommerfest" not in _stored_document(article)
    assert [a.pk for a in search_kind(kind_by_key("artikel"), "Herbstmarkt")] == [article.pk]

    Article.objects.filter(pk=article.pk).update(body="<p>Laternenumzug</p>")
    assert [a.pk for a in search_kind(kind_by_key("artikel"), "Laternenumzug")] == [article.pk]
    assert list(search_kind(kind_by_key("artikel"), "Grillen")) == []


@pytest.mark.postgres
def test_postgres_article_search_reads_the_stored_document_not_the_row_text(articles):
    sql = str(search_kind(kind_by_key("artikel"), "Netzwerk").query)
    assert "search_document" in sql
    assert "to_tsvector" not in sql  # no vector is computed from title, lead or body per row
    assert 'U0."search_document" @@' in sql  # the candidate subquery matches its own rows
    assert "plainto_tsquery" in sql


@pytest.mark.postgres
def test_postgres_search_ranks_only_the_latest_matches(monkeypatch):
    monkeypatch.setattr(services, "RANKED_CANDIDATES", 2)
    older, middle, newest = (ArticleFactory(title=f"Elternabend {i}") for i in range(3))
    ArticleFactory.create_batch(3, title="Sportfest")  # newer, but no match
    ArticleFactory(title="Elternabend Entwurf", draft=True)
    results = list(search_kind(kind_by_key("artikel"), "Elternabend"))
    assert {a.pk for a in results} == {middle.pk, newest.pk}


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


@pytest.mark.postgres
def test_postgres_meeting_search_reads_its_stored_document_ranked_by_title():
    from apps.network.models import Meeting
    from tests.factories import MeetingFactory

    in_summary = MeetingFactory(title="Fachtag", summary="Es ging um Elternabende.")
    in_title = MeetingFactory(title="Elternabend in Hamm", summary="Ein Abend.")
    MeetingFactory(title="Elternabend intern", hidden=True)
    queryset = search_kind(kind_by_key("treffen"), "Elternabend")
    assert "to_tsvector" not in str(queryset.query)
    assert [m.pk for m in queryset] == [in_title.pk, in_summary.pk]

    Meeting.objects.filter(pk=in_summary.pk).update(motto="Sprachförderung von Anfang an")
    assert [m.pk for m in search_kind(kind_by_key("treffen"), "Sprachförderungen")] == [
        in_summary.pk
    ]


@pytest.mark.postgres
@pytest.mark.parametrize("kind", SEARCH_KINDS, ids=lambda kind: kind.key)
def test_postgres_every_kind_matches_on_a_stored_document_weighted_as_registered(kind):
    table = kind.queryset().model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generation_expression FROM information_schema.columns "
            "WHERE table_name = %s AND column_name = %s",
            [table, kind.document_column],
        )
        (expression,) = cursor.fetchone()
    # The generated column holds exactly the registered fields with their weights.
    for name, _weight in kind.fields:
        assert f"COALESCE({name}, ''::" in expression, name
    assert expression.count("setweight") == len(kind.fields)
    assert [f"'{weight}'" for _name, weight in kind.fields] == re.findall(r"'[A-D]'", expression)
    assert "to_tsvector" not in str(search_kind(kind, "Wuppertal").query)


def test_article_and_meeting_hits_show_their_date(client):
    import datetime
    from zoneinfo import ZoneInfo

    from tests.factories import MeetingFactory

    ArticleFactory(
        title="Präventionswoche in Ahlen",
        published_at=datetime.datetime(2017, 6, 1, 12, tzinfo=ZoneInfo("Europe/Berlin")),
    )
    MeetingFactory(title="Präventionswoche Treffen", starts_on=datetime.date(2018, 3, 7))
    html = client.get("/suche/", {"q": "Präventionswoche"}).content.decode()
    assert '<time datetime="2017-06-01T12:00:00+02:00">1. Juni 2017</time>' in html
    assert '<time datetime="2018-03-07">7. März 2018</time>' in html


@pytest.mark.postgres
def test_postgres_ranked_candidates_are_fetched_by_key_not_by_reading_the_whole_table():
    import datetime

    from apps.network.models import Meeting
    from tests.factories import MeetingFactory

    day = datetime.date(2019, 5, 8)
    # 600 meetings, 400 of them about day care: the 200 latest matches are ranked.
    Meeting.objects.bulk_create(
        MeetingFactory.build(
            sequence_number=n,
            slug=f"treffen-{n}",
            starts_on=day,
            ends_on=day,
            summary="Kita und Familienzentrum" if n % 3 else "Schule",
        )
        for n in range(1, 601)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE network_meeting")
    results = search_kind(kind_by_key("treffen"), "Kita")
    assert '"network_meeting"."id" = ANY(ARRAY(SELECT' in str(results.query)
    # Asked as `IN (subquery)`, PostgreSQL hash-joined the candidates with every meeting.
    assert "Index Cond: (id = ANY" in results.explain()
    assert len(results) == services.RANKED_CANDIDATES


def test_the_candidate_lookup_refuses_a_list_of_values():
    from django.db.models import F

    from apps.network.models import Meeting

    with pytest.raises(TypeError):
        str(Meeting.objects.filter(services.AnyOfSubquery(F("pk"), [1, 2])).query)


@pytest.mark.postgres
def test_postgres_excerpt_options_are_djangos_and_quoted_once_per_process(monkeypatch):
    from django.contrib.postgres.search import SearchHeadline, SearchQuery

    monkeypatch.setattr(services.Headline, "_quoted_options", {})
    arguments = {
        "config": services.SEARCH_CONFIG,
        "start_sel": "<<",
        "stop_sel": ">>",
        "max_words": 35,
        "fragment_delimiter": " … ",
    }
    quoted = []
    compose_sql = connection.ops.compose_sql
    monkeypatch.setattr(
        connection.ops, "compose_sql", lambda *args: quoted.append(args) or compose_sql(*args)
    )

    def sql_and_params(headline_class, **options):
        queryset = Article.objects.annotate(
            headline=headline_class("title", SearchQuery("Kita"), **options)
        )
        sql, params = queryset.query.get_compiler(connection=connection).as_sql()
        return sql, tuple(params)

    djangos = sql_and_params(SearchHeadline, **arguments)
    assert len(quoted) == 4  # Django quotes every option, on every query
    quoted.clear()
    assert sql_and_params(services.Headline, **arguments) == djangos
    assert sql_and_params(services.Headline, **arguments) == djangos
    assert len(quoted) == 4  # the first query only
    # Without options, no options argument at all, as Django writes it.
    assert sql_and_params(services.Headline) == sql_and_params(SearchHeadline)
