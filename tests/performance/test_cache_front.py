"""config.wsgi answers a visitor's GET of a stored page before Django's handler
(apps.core.cache_front), with what the page cache middleware would have answered, and passes
everything else on to Django."""

import datetime
import io
import wsgiref.util

import pytest
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import OperationalError, close_old_connections
from django.utils import timezone
from redis.exceptions import ConnectionError as RedisConnectionError

from apps.core import cache as page_cache
from apps.core.cache_front import CachedPageFront
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.SECURE_HSTS_SECONDS = 3600


@pytest.fixture
def wsgi(monkeypatch):
    """Call the front around a new Django WSGI handler (made with the settings of the moment)
    as a WSGI server would; return the status, the headers, the body and whether Django's
    handler answered."""
    answered_by_django = []
    get_response = BaseHandler.get_response

    def counting_get_response(handler, request):
        answered_by_django.append(request.path)
        return get_response(handler, request)

    monkeypatch.setattr(BaseHandler, "get_response", counting_get_response)

    def call(path, method="GET", secure=False, front=True, **extra):
        environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "wsgi.input": io.BytesIO()}
        environ.update(extra)
        if secure:
            environ.update({"wsgi.url_scheme": "https", "SERVER_PORT": "443"})
        wsgiref.util.setup_testing_defaults(environ)
        answered_by_django.clear()
        started = []
        # As Django's test client does around each request: the test's transaction is not a
        # connection to close.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            application = CachedPageFront(WSGIHandler()) if front else WSGIHandler()
            body = application(environ, lambda status, headers: started.append((status, headers)))
            content = b"".join(body)
            if hasattr(body, "close"):
                body.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        status, headers = started[0]
        return int(status.split()[0]), dict(headers), content, bool(answered_by_django)

    call.django_saw = answered_by_django  # the paths Django's handler was asked for
    return call


def _without_marker(headers):
    return {name: value for name, value in headers.items() if name != "X-Page-Cache"}


@pytest.mark.parametrize("secure", [False, True], ids=["http", "https"])
def test_a_stored_page_is_answered_without_djangos_handler_as_the_middleware_answers_it(
    wsgi, client, secure
):
    article = ArticleFactory(title="Vor dem Handler")
    for url in ["/", "/aktuelles/", article.get_absolute_url(), "/impressum/"]:
        status, miss_headers, miss, by_django = wsgi(url, secure=secure)
        assert (status, miss_headers["X-Page-Cache"], by_django) == (200, "miss", True), url
        status, headers, content, by_django = wsgi(url, secure=secure)
        assert (status, headers["X-Page-Cache"], by_django) == (200, "hit", False), url
        assert content == miss
        assert _without_marker(headers) == _without_marker(miss_headers), url
        assert int(headers["Content-Length"]) == len(content)
        # The hit Django's test client gets from the middleware is the same page.
        middleware_hit = client.get(url, secure=secure, HTTP_HOST="127.0.0.1")
        assert middleware_hit["X-Page-Cache"] == "hit"
        assert middleware_hit.content == content
        assert _without_marker(middleware_hit) == _without_marker(headers)
    assert ("Strict-Transport-Security" in headers) is secure


def test_a_changed_article_is_rendered_afresh_on_the_next_request(wsgi):
    article = ArticleFactory(title="Alter Titel")
    wsgi("/aktuelles/")
    assert wsgi("/aktuelles/")[1]["X-Page-Cache"] == "hit"  # stored, and answered by the front
    article.title = "Neuer Titel"
    article.save()
    status, headers, content, by_django = wsgi("/aktuelles/")
    assert (headers["X-Page-Cache"], by_django) == ("miss", True)
    assert "Neuer Titel" in content.decode()


def test_a_scheduled_article_appears_on_time_through_the_front(wsgi, time_machine):
    now = timezone.now()
    time_machine.move_to(now, tick=False)
    ArticleFactory(title="Geplanter Artikel", published_at=now + datetime.timedelta(minutes=5))
    assert "Geplanter Artikel" not in wsgi("/aktuelles/")[2].decode()
    assert wsgi("/aktuelles/")[1]["X-Page-Cache"] == "hit"
    # Past the publication, but before the stored page expires (a second after it): what
    # keeps it from being served is the version's end, as with Redis, whose clock this test
    # does not move.
    time_machine.move_to(now + datetime.timedelta(minutes=5, milliseconds=500))
    status, headers, content, by_django = wsgi("/aktuelles/")
    assert (headers["X-Page-Cache"], by_django) == ("miss", True)
    assert "Geplanter Artikel" in content.decode()


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"method": "HEAD"},
        {"method": "POST", "CONTENT_TYPE": "application/x-www-form-urlencoded"},
        {"HTTP_COOKIE": "sessionid=abc"},
        {"HTTP_COOKIE": "messages=abc"},
    ],
    ids=["head", "post", "session", "message"],
)
def test_requests_the_front_may_not_answer_go_on_to_django(wsgi, request_kwargs):
    ArticleFactory()
    wsgi("/aktuelles/")
    assert wsgi("/aktuelles/")[1]["X-Page-Cache"] == "hit"  # stored, and answered by the front
    status, headers, content, by_django = wsgi("/aktuelles/", **request_kwargs)
    assert by_django
    if request_kwargs.get("method") != "HEAD":
        assert "X-Page-Cache" not in headers  # never cached for them


@pytest.mark.parametrize(
    ("header", "value", "status"),
    [
        ("HTTP_IF_NONE_MATCH", "{etag}", 304),
        ("HTTP_IF_NONE_MATCH", '"something-else"', 200),
        ("HTTP_IF_MATCH", '"something-else"', 412),
        ("HTTP_IF_MATCH", "{etag}", 200),
    ],
)
@pytest.mark.parametrize("secure", [False, True], ids=["http", "https"])
def test_a_revalidation_is_answered_by_the_front_as_by_the_middleware(
    wsgi, client, header, value, status, secure
):
    ArticleFactory()
    etag = wsgi("/aktuelles/", secure=secure)[1]["ETag"]
    conditions = {header: value.format(etag=etag)}
    got, headers, content, by_django = wsgi("/aktuelles/", secure=secure, **conditions)
    assert (got, headers["X-Page-Cache"], by_django) == (status, "hit", False)
    from_middleware = client.get("/aktuelles/", secure=secure, HTTP_HOST="127.0.0.1", **conditions)
    assert from_middleware.status_code == status
    assert _without_marker(from_middleware) == _without_marker(headers)
    assert from_middleware.content == content


def test_plain_http_is_redirected_by_django_when_https_is_required(wsgi, settings):
    ArticleFactory()
    wsgi("/aktuelles/")
    assert wsgi("/aktuelles/")[1]["X-Page-Cache"] == "hit"  # stored over plain HTTP
    settings.SECURE_SSL_REDIRECT = True
    status, headers, content, by_django = wsgi("/aktuelles/")
    assert (status, by_django) == (301, True)
    assert headers["Location"].startswith("https://")


@pytest.mark.parametrize("path", ["/€/", "/aktuelles/ä/", "/suche/€/"])
@pytest.mark.parametrize("cookie", ["", "sessionid=abc"], ids=["visitor", "session"])
def test_an_address_beyond_ascii_reaches_django_as_without_the_front(wsgi, path, cookie):
    """A WSGI server hands the path over as its UTF-8 bytes read as Latin-1; Django decodes it
    once, whether or not the front looked at the request before."""
    raw = path.encode("utf-8").decode("latin-1")
    without = wsgi(raw, front=False, HTTP_COOKIE=cookie)[0], list(wsgi.django_saw)
    with_front = wsgi(raw, HTTP_COOKIE=cookie)[0], list(wsgi.django_saw)
    assert with_front == without
    assert without == (404, [path])


def test_a_host_django_refuses_never_gets_a_stored_page(wsgi, settings):
    ArticleFactory()
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    wsgi("/aktuelles/")
    assert wsgi("/aktuelles/")[1]["X-Page-Cache"] == "hit"
    status, headers, content, by_django = wsgi("/aktuelles/", HTTP_HOST="evil.example")
    assert (status, by_django) == (400, True)


def test_with_the_page_cache_off_every_request_goes_to_django(wsgi, settings):
    ArticleFactory()
    settings.PAGE_CACHE_SECONDS = 0
    wsgi("/aktuelles/")
    status, headers, content, by_django = wsgi("/aktuelles/")
    assert (status, by_django) == (200, True)
    assert "X-Page-Cache" not in headers


@pytest.mark.parametrize(
    ("failing", "error", "logged", "looked_up_again"),
    [
        ("stored_page", RedisConnectionError("Redis nicht erreichbar"), False, 0),
        ("stored_page", OperationalError("Datenbank nicht erreichbar"), False, 0),
        ("page_key", ValueError("kaputt"), True, 1),
    ],
    ids=["redis-unreachable", "database-unreachable", "error-in-the-front"],
)
def test_when_the_front_fails_django_answers(
    wsgi, monkeypatch, caplog, failing, error, logged, looked_up_again
):
    ArticleFactory(title="Trotz Fehler")
    wsgi("/aktuelles/")

    def fail(*args):
        raise error

    monkeypatch.setattr(f"apps.core.cache_front.{failing}", fail)
    lookups = []
    stored_page = page_cache.stored_page
    monkeypatch.setattr(
        "apps.core.cache.stored_page", lambda key: lookups.append(key) or stored_page(key)
    )
    status, headers, content, by_django = wsgi("/aktuelles/")
    assert (status, by_django) == (200, True)
    assert "Trotz Fehler" in content.decode()
    assert ("an Django weitergegeben" in caplog.text) is logged
    # An unreachable store is not asked again by the middleware (a second timeout).
    assert len(lookups) == looked_up_again


# Without the test's transaction: closing a connection inside it would end it (PostgreSQL).
@pytest.mark.django_db(transaction=True)
def test_with_the_cache_table_the_lookup_checks_and_closes_connections(wsgi, settings, monkeypatch):
    """With the database's cache table (production without Redis) the front's lookup is a
    query outside Django's handler: the connection is checked before it and, when the front
    answers, closed after it (CONN_MAX_AGE), as the handler's request_started and
    request_finished do; a miss leaves it to Django's handler."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "front_test_cache",
        }
    }
    call_command("createcachetable", verbosity=0)
    ArticleFactory()
    wsgi("/aktuelles/")
    calls = []
    monkeypatch.setattr("apps.core.cache_front.close_old_connections", lambda: calls.append(1))
    status, headers, content, by_django = wsgi("/aktuelles/")
    assert (headers["X-Page-Cache"], by_django) == ("hit", False)
    assert len(calls) == 2
    ArticleFactory()  # a new content version: the next request is a miss
    status, headers, content, by_django = wsgi("/aktuelles/")
    assert (headers["X-Page-Cache"], by_django) == ("miss", True)
    assert len(calls) == 3  # checked before the lookup; Django's handler closes it when done
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    wsgi("/aktuelles/")
    assert len(calls) == 3  # nothing to close for a cache outside the database


def test_a_miss_is_looked_up_once_not_again_by_the_middleware(wsgi, monkeypatch):
    ArticleFactory()
    lookups = []
    stored_page = page_cache.stored_page

    def counting(key):
        lookups.append(key)
        return stored_page(key)

    monkeypatch.setattr("apps.core.cache.stored_page", counting)
    monkeypatch.setattr("apps.core.cache_front.stored_page", counting)
    status, headers, content, by_django = wsgi("/aktuelles/")
    assert (headers["X-Page-Cache"], by_django) == ("miss", True)
    assert len(lookups) == 1
    # And the page the middleware stored under that key is the next request's hit.
    assert wsgi("/aktuelles/")[1]["X-Page-Cache"] == "hit"


def test_config_wsgi_serves_django_behind_the_front():
    from config import wsgi

    assert isinstance(wsgi.application, CachedPageFront)
    assert wsgi.application.application is wsgi.django_application
    assert isinstance(wsgi.django_application, WSGIHandler)
