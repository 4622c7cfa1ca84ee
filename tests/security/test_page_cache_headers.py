"""A page from the cache carries every header the page rendered afresh carries, and nobody
signed in (or with a message waiting) is ever given one."""

import pytest
from django.urls import reverse

from apps.news.models import Article
from tests.factories import ArticleFactory, StaffUserFactory

pytestmark = pytest.mark.django_db

SECURITY_HEADERS = [
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Strict-Transport-Security",
]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.SECURE_HSTS_SECONDS = 3600  # as in production, for requests over HTTPS


def _headers(response):
    return {k: v for k, v in response.items() if k != "X-Page-Cache"}


@pytest.mark.parametrize("secure", [False, True], ids=["http", "https"])
def test_a_cache_hit_carries_the_same_headers_as_the_miss_that_stored_it(client, secure):
    article = ArticleFactory()
    for url in ["/", "/aktuelles/", article.get_absolute_url(), "/aktuelles/feed/"]:
        miss = client.get(url, secure=secure)
        hit = client.get(url, secure=secure)
        assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit"), url
        assert _headers(hit) == _headers(miss), url
        assert hit.content == miss.content
        for header in SECURITY_HEADERS[:-1] + (SECURITY_HEADERS[-1:] if secure else []):
            assert hit.has_header(header), (url, header)


def test_a_cache_hit_has_the_headers_of_a_page_rendered_with_the_cache_off(client, settings):
    ArticleFactory()
    client.get("/aktuelles/")
    hit = client.get("/aktuelles/")
    settings.PAGE_CACHE_SECONDS = 0
    uncached = client.get("/aktuelles/")
    assert hit["X-Page-Cache"] == "hit"
    for header in SECURITY_HEADERS[:-1] + ["Content-Language", "ETag", "Content-Type"]:
        assert hit[header] == uncached[header], header
    assert hit.content == uncached.content


@pytest.mark.parametrize("secure", [False, True], ids=["http", "https"])
def test_a_304_from_the_cache_carries_the_same_headers_as_a_304_without_it(
    client, settings, secure
):
    ArticleFactory()
    etag = client.get("/aktuelles/", secure=secure)["ETag"]
    from_cache = client.get("/aktuelles/", headers={"if-none-match": etag}, secure=secure)
    settings.PAGE_CACHE_SECONDS = 0
    fresh = client.get("/aktuelles/", headers={"if-none-match": etag}, secure=secure)
    assert (from_cache.status_code, fresh.status_code) == (304, 304)
    assert from_cache["X-Page-Cache"] == "hit"
    # Only the cache's own Cache-Control and Vary differ: public, and varying by Cookie.
    differ = {"Cache-Control", "Vary"}
    assert _headers(from_cache).keys() - differ == _headers(fresh).keys() - differ
    for header in _headers(fresh).keys() - differ:
        assert from_cache[header] == fresh[header], header
    assert ("Strict-Transport-Security" in from_cache) is secure


@pytest.mark.parametrize(
    ("header", "value", "status"),
    [
        ("if-none-match", "{etag}", 304),
        # The list has no Last-Modified: the whole page, with the cache or without it.
        ("if-modified-since", "Fri, 01 Jan 2100 00:00:00 GMT", 200),
        ("if-match", '"nicht-diese-seite"', 412),
        ("if-unmodified-since", "Mon, 01 Jan 2001 00:00:00 GMT", 412),
        ("if-none-match", '"eine-andere-seite"', 200),
    ],
)
def test_each_conditional_header_gets_from_a_stored_page_what_it_gets_without_the_cache(
    client, settings, header, value, status
):
    ArticleFactory()
    etag = client.get("/aktuelles/")["ETag"]
    value = value.format(etag=etag)
    from_cache = client.get("/aktuelles/", headers={header: value})
    settings.PAGE_CACHE_SECONDS = 0
    fresh = client.get("/aktuelles/", headers={header: value})
    assert from_cache["X-Page-Cache"] == "hit"
    assert (from_cache.status_code, fresh.status_code) == (status, status)


def test_a_conditional_request_that_misses_still_stores_the_whole_page(client):
    ArticleFactory()
    etag = client.get("/aktuelles/")["ETag"]
    ArticleFactory(title="Noch ein Artikel")  # a new version: the next request is a miss
    miss = client.get("/aktuelles/", headers={"if-none-match": etag})
    assert (miss.status_code, miss["X-Page-Cache"]) == (200, "miss")
    again = client.get("/aktuelles/", headers={"if-none-match": miss["ETag"]})
    assert (again.status_code, again["X-Page-Cache"]) == (304, "hit")
    hit = client.get("/aktuelles/")
    assert (hit.status_code, hit["X-Page-Cache"]) == (200, "hit")
    assert hit.content == miss.content
    assert _headers(hit) == _headers(miss)


def test_a_signed_in_editor_never_gets_a_cached_page(client):
    article = ArticleFactory(title="Alter Titel")
    client.get("/aktuelles/")
    assert client.get("/aktuelles/")["X-Page-Cache"] == "hit"
    # A change no signal announces: the cached page stays as it was for visitors …
    Article.objects.filter(pk=article.pk).update(title="Neuer Titel")
    assert "Alter Titel" in client.get("/aktuelles/").content.decode()
    # … but an editor's request never reads the cache …
    client.force_login(StaffUserFactory())
    response = client.get("/aktuelles/")
    assert "X-Page-Cache" not in response
    assert "Neuer Titel" in response.content.decode()
    # … nor writes it.
    client.logout()
    client.cookies.clear()
    visitor = client.get("/aktuelles/")
    assert visitor["X-Page-Cache"] == "hit"
    assert "Alter Titel" in visitor.content.decode()


def test_a_page_an_editor_opened_first_is_never_stored_for_visitors(client):
    ArticleFactory()
    client.force_login(StaffUserFactory())
    client.get("/aktuelles/")
    client.get(reverse("admin:index"))
    client.logout()
    client.cookies.clear()
    assert client.get("/aktuelles/")["X-Page-Cache"] == "miss"


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client):
    ArticleFactory()
    client.get("/aktuelles/")
    client.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in client.get("/aktuelles/")
