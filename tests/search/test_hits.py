"""What each search hit shows (date, highlighted excerpt), the count, the order, and people."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.news.models import Article
from tests.factories import (
    ArticleFactory,
    InstitutionFactory,
    MeetingFactory,
    MunicipalityFactory,
    PersonFactory,
    RoleFactory,
)

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def _search(client, query, **params):
    response = client.get("/suche/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def _text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _group(html, key):
    match = re.search(rf'<section[^>]*aria-labelledby="group-{key}".*?</section>', html, re.S)
    assert match, f"no group {key}"
    return match.group(0)


def _hits(group_html):
    """Return (title, excerpt html) of each hit in a group, in order."""
    return [
        (
            _text(re.search(r"<h3>(.*?)</h3>", item, re.S).group(1)),
            (re.search(r'<p class="excerpt">(.*?)</p>', item, re.S) or [None, ""])[1],
        )
        for item in re.findall(r'<li class="search-result">(.*?)</li>', group_html, re.S)
    ]


def _article(title, day, **fields):
    return ArticleFactory(
        title=title,
        published_at=datetime.datetime(*day, 12, tzinfo=BERLIN),
        **{"lead": "Ein Bericht.", "body": "<p>Mehr dazu.</p>", **fields},
    )


def test_the_number_of_hits_is_shown_in_german(client):
    for i in range(12):
        _article(f"Präventionswoche in Ahlen {i}", (2019, 5, 1 + i))
    assert "12 Treffer für „Ahlen“" in _text(_search(client, "Ahlen"))
    assert "12 Treffer für „Ahlen“ unter Artikel" in _text(_search(client, "Ahlen", art="artikel"))


def test_a_single_hit_is_counted_in_the_singular(client):
    _article("Sommerfest im Familienzentrum", (2019, 5, 1))
    assert "1 Treffer für „Sommerfest“" in _text(_search(client, "Sommerfest"))


def test_hits_of_the_same_relevance_come_newest_first_and_the_page_says_so(client):
    # Created newest first, so an order by id would show them the other way round.
    newest = _article("Elternabend im Mai", (2021, 5, 3))
    oldest = _article("Elternabend im Januar", (2015, 1, 8))
    middle = _article("Elternabend im März", (2018, 3, 2))
    html = _search(client, "Elternabend")
    assert [title for title, _excerpt in _hits(_group(html, "artikel"))] == [
        newest.title,
        middle.title,
        oldest.title,
    ]
    if connection.vendor == "postgresql":
        assert "sortiert nach Relevanz, dann Datum (neueste zuerst)" in _text(html)
    else:
        assert "sortiert nach Datum (neueste zuerst)" in _text(html)


@pytest.mark.postgres
def test_postgres_more_relevant_hits_come_before_newer_ones(client):
    _article("Fachtag", (2022, 1, 1), body="<p>Auch ein Elternabend war dabei.</p>")
    in_title = _article("Elternabend in Hamm", (2016, 1, 1))
    html = _search(client, "Elternabend")
    assert _hits(_group(html, "artikel"))[0][0] == in_title.title


def test_every_kind_of_hit_shows_an_excerpt_with_the_words_marked(client):
    wuppertal = MunicipalityFactory(name="Wuppertal", kind="city", district="")
    _article("Fachtag", (2019, 1, 1), body="<p>Viele kamen zum Fachtag nach Wuppertal.</p>")
    MeetingFactory(title="Lernnetzwerk", summary="Das Treffen fand in Wuppertal statt.")
    RoleFactory(person=PersonFactory(last_name="Heuchel"), municipality=wuppertal, title="")
    InstitutionFactory(name="Institut", description="Ein Träger mit Sitz in Wuppertal.")
    html = _search(client, "Wuppertal")
    for key in ["artikel", "treffen", "personen", "institutionen"]:
        [(_title, excerpt)] = _hits(_group(html, key))
        assert "<mark>Wuppertal</mark>" in excerpt, key
    # A municipality found by its name shows what it is.
    [(_title, excerpt)] = _hits(_group(html, "kommunen"))
    assert excerpt == "Kreisfreie Stadt"
    MunicipalityFactory(name="Ahlen", district="Kreis Warendorf")
    [(_title, excerpt)] = _hits(_group(_search(client, "Warendorf"), "kommunen"))
    assert excerpt == "Stadt (kreisangehörig), Kreis <mark>Warendorf</mark>"


def test_excerpts_are_cut_around_the_words_found(client):
    filler = " ".join(["Vorrede"] * 80)
    _article("Bericht", (2019, 1, 1), body=f"<p>{filler} Danach sprach die Sozialdezernentin.</p>")
    [(_title, excerpt)] = _hits(_group(_search(client, "Sozialdezernentin"), "artikel"))
    assert "<mark>Sozialdezernentin</mark>" in excerpt
    assert len(_text(excerpt)) < 400


def test_excerpts_never_carry_markup_from_the_text(client):
    article = _article(
        "Bericht",
        (2019, 1, 1),
        lead="Fett <b>gedruckt</b> im Netzwerk",
    )
    # Stored past the sanitiser, as a restored backup or a raw SQL edit could.
    Article.objects.filter(pk=article.pk).update(
        body='<p>Vorher <b onclick="x()">fett</b> &lt;script&gt;alert(1)&lt;/script&gt; '
        "das Netzwerk <script>alert(2)</script><img src=x onerror=alert(3)></p>"
    )
    html = _search(client, "Netzwerk")
    [(_title, excerpt)] = _hits(_group(html, "artikel"))
    assert set(re.findall(r"<[^>]*>", excerpt)) == {"<mark>", "</mark>"}
    assert "<mark>Netzwerk</mark>" in excerpt
    if connection.vendor == "postgresql":
        assert "Fett gedruckt" in excerpt  # ts_headline's parser drops tag-like words
    else:
        assert "Fett &lt;b&gt;gedruckt&lt;/b&gt;" in excerpt  # plain text shown as written
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in excerpt  # text that looks like a tag
    results = _group(html, "artikel")
    assert "<script" not in results and "<img" not in results and "<b" not in results


def test_searching_a_town_lists_the_published_people_working_there(client):
    ahlen = MunicipalityFactory(name="Ahlen", district="Kreis Warendorf")
    coordinator = RoleFactory(
        person=PersonFactory(first_name="Marina", last_name="Bönke"), municipality=ahlen
    ).person
    mayor = RoleFactory(
        person=PersonFactory(first_name="Alexander", last_name="Berger"),
        municipality=ahlen,
        kind="mayor",
        title="Bürgermeister",
    ).person
    RoleFactory(person=PersonFactory(last_name="Verborgen", hidden=True), municipality=ahlen)
    RoleFactory(person=PersonFactory(last_name="Anderswo"))  # elsewhere
    # In the same district, but not in Ahlen.
    RoleFactory(
        person=PersonFactory(last_name="Nachbar"),
        municipality=MunicipalityFactory(name="Beckum", district="Kreis Warendorf"),
    )
    people = _hits(_group(_search(client, "Ahlen"), "personen"))
    assert [title for title, _excerpt in people] == [mayor.full_name, coordinator.full_name]
    assert people[0][1] == "Bürgermeister, <mark>Ahlen</mark>"
    assert people[1][1] == "Koordinatorin der Präventionskette, <mark>Ahlen</mark>"


def test_searching_an_institution_lists_the_people_working_there(client):
    isa = InstitutionFactory(name="Institut für Soziale Arbeit", short_name="ISA")
    RoleFactory(
        person=PersonFactory(last_name="Heuchel"), municipality=None, institution=isa, title=""
    )
    RoleFactory(
        person=PersonFactory(last_name="Versteckt", hidden=True), municipality=None, institution=isa
    )
    people = _hits(_group(_search(client, "ISA"), "personen"))
    assert [title.split()[-1] for title, _excerpt in people] == ["Heuchel"]


def test_a_person_is_found_by_name_and_outranks_people_linked_by_a_role(client):
    ahlen = MunicipalityFactory(name="Ahlen")
    RoleFactory(person=PersonFactory(last_name="Aachen"), municipality=ahlen)
    named = PersonFactory(first_name="Ahlen", last_name="Zander")
    people = _hits(_group(_search(client, "Ahlen"), "personen"))
    titles = [title for title, _excerpt in people]
    assert named.full_name in titles
    if connection.vendor == "postgresql":
        assert titles[0] == named.full_name


def _queries_for(client, params):
    with CaptureQueriesContext(connection) as queries:
        client.get("/suche/", params)
    return len(queries)


@pytest.mark.parametrize(
    ("art", "search_queries"),
    [
        (None, 6),  # each kind's hits with their count, and the people's roles
        ("artikel", 2),  # the count, the page
        ("personen", 3),  # the count, the page, their roles
    ],
)
def test_a_search_takes_the_same_number_of_queries_for_one_hit_or_many(client, art, search_queries):
    def add_hits(n):
        for _ in range(n):
            ahlen = MunicipalityFactory(name="Ahlen")
            _article("Ahlen", (2019, 1, 1), body="<p>Ahlen</p>")
            MeetingFactory(title="Ahlen", summary="Ahlen")
            RoleFactory(person=PersonFactory(), municipality=ahlen)
            RoleFactory(
                person=PersonFactory(),
                institution=InstitutionFactory(name="Ahlen"),
                municipality=None,
            )

    params = {"q": "Ahlen", **({"art": art} if art else {})}
    page_without_search = _queries_for(client, {"q": ""})  # the layout's own queries
    add_hits(1)
    one = _queries_for(client, params)
    add_hits(30)
    many = _queries_for(client, params)
    assert one - page_without_search == many - page_without_search == search_queries


@pytest.mark.postgres
def test_postgres_excerpts_are_cut_by_ts_headline_marking_german_word_forms(client):
    _article("Spielplatz", (2019, 1, 1), body="<p>Hier spielt jedes Kind gern.</p>")
    with CaptureQueriesContext(connection) as queries:
        html = _search(client, "Kindern")
    assert any("ts_headline" in query["sql"] for query in queries)
    [(_title, excerpt)] = _hits(_group(html, "artikel"))
    assert "jedes <mark>Kind</mark> gern" in excerpt


@pytest.mark.postgres
def test_postgres_a_count_cut_short_by_the_ranking_limit_says_at_least(client, monkeypatch):
    from apps.search import services

    monkeypatch.setattr(services, "RANKED_CANDIDATES", 2)
    for day in range(1, 4):
        _article("Elternabend", (2019, 1, day))
    assert "Mindestens 2 Treffer für „Elternabend“" in _text(_search(client, "Elternabend"))
    html = _search(client, "Elternabend", art="artikel")
    assert "Artikel (mindestens 2)" in _text(html)


@pytest.mark.postgres
def test_postgres_registers_rank_and_count_every_match_not_only_the_latest(client, monkeypatch):
    from apps.search import services

    monkeypatch.setattr(services, "RANKED_CANDIDATES", 2)
    ahlen = MunicipalityFactory(name="Ahlen")
    for last_name in ("Arndt", "Brandt", "Conrad"):
        RoleFactory(person=PersonFactory(last_name=last_name), municipality=ahlen)
    people = _hits(_group(_search(client, "Ahlen"), "personen"))
    assert len(people) == 3
    assert "Personen (3)" in _text(_search(client, "Ahlen", art="personen"))
    assert "mindestens" not in _text(_search(client, "Ahlen")).lower()
