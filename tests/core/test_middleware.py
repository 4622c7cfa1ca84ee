"""What visitors pass through costs no session, message or login-throttling work, and the
lighter middleware behave as the Django ones they replace."""

import pytest
from csp.constants import HEADER
from csp.decorators import csp_update
from django.conf import settings
from django.contrib.messages import middleware as django_messages_middleware
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from config import middleware as site_middleware
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _statements(queries):
    """Return the SQL a request ran, without the transaction of ATOMIC_REQUESTS."""
    return [
        q["sql"]
        for q in queries
        if q["sql"] not in {"BEGIN", "COMMIT", "ROLLBACK"}
        and not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT"))
    ]


@pytest.fixture
def no_message_storage(monkeypatch):
    """Fail the request if the message storage (cookie and session) is made."""

    def refuse(request):
        raise AssertionError("message storage made for a visitor")

    monkeypatch.setattr(site_middleware, "default_storage", refuse)
    monkeypatch.setattr(django_messages_middleware, "default_storage", refuse)


@pytest.mark.parametrize("page_cache", [0, 600], ids=["page-cache-off", "page-cache-on"])
def test_a_visitor_costs_no_session_message_or_login_throttling_work(
    client, settings, no_message_storage, page_cache
):
    settings.PAGE_CACHE_SECONDS = page_cache
    client.get("/bench/trivial/")  # the content version made (it reads the schedule)
    with CaptureQueriesContext(connection) as trivial:
        response = client.get("/bench/trivial/")
    assert response.status_code == 200
    assert _statements(trivial) == []
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")

    ArticleFactory()
    with CaptureQueriesContext(connection) as page:
        response = client.get("/aktuelles/")
    assert response.status_code == 200
    assert not response.cookies
    tables = " ".join(q["sql"] for q in page)
    assert "django_session" not in tables
    assert "axes_" not in tables
    assert "auth_user" not in tables


def test_a_cache_hit_makes_no_query_at_all(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    ArticleFactory()
    client.get("/aktuelles/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/aktuelles/")["X-Page-Cache"] == "hit"
    assert len(queries) == 0


def test_the_site_has_one_language_so_locale_middleware_is_not_needed():
    # SingleLanguageMiddleware always chooses LANGUAGE_CODE; with a second language the
    # visitor's choice matters again: put django.middleware.locale.LocaleMiddleware back.
    assert [code for code, _name in settings.LANGUAGES] == [settings.LANGUAGE_CODE]


def test_one_language_middleware_answers_as_locale_middleware_did(client, settings):
    ArticleFactory()
    urls = ["/aktuelles/", "/gibt-es-nicht/", f"/{settings.ADMIN_URL}login/"]
    ours = [client.get(url, headers={"accept-language": "en-US,en;q=0.9"}) for url in urls]
    settings.MIDDLEWARE = [
        "django.middleware.locale.LocaleMiddleware"
        if name == "config.middleware.SingleLanguageMiddleware"
        else name
        for name in settings.MIDDLEWARE
    ]
    django_s = [client.get(url, headers={"accept-language": "en-US,en;q=0.9"}) for url in urls]
    for url, mine, theirs in zip(urls, ours, django_s, strict=True):
        assert mine.status_code == theirs.status_code, url
        assert mine["Content-Language"] == theirs["Content-Language"] == "de", url
        assert mine["Vary"] == theirs["Vary"], url
    for mine, theirs in zip(ours[:2], django_s[:2], strict=True):
        assert mine.content == theirs.content
    assert "Anmelden" in ours[2].content.decode()  # the admin stays German


def _csp_response(path, **attributes):
    request = RequestFactory().get(path)
    csp = site_middleware.SiteCSPMiddleware(lambda request: HttpResponse("ok"))
    csp.process_request(request)
    response = HttpResponse("ok")
    for name, value in attributes.items():
        setattr(response, name, value)
    return csp.process_response(request, response)


@pytest.mark.parametrize("path", ["/aktuelles/", f"/{settings.ADMIN_URL}news/article/add/"])
def test_the_built_once_policy_is_the_one_django_csp_builds(path):
    # _csp_update={} sends the response through django-csp's own code, unchanged.
    assert _csp_response(path)[HEADER] == _csp_response(path, _csp_update={})[HEADER]


def test_a_view_that_changes_the_policy_still_gets_its_policy(client):
    @csp_update({"img-src": "https://karten.example"})
    def view(request):
        return HttpResponse("ok")

    request = RequestFactory().get("/aktuelles/")
    csp = site_middleware.SiteCSPMiddleware(view)
    csp.process_request(request)
    response = csp.process_response(request, view(request))
    assert "https://karten.example" in response[HEADER]
    assert "https://karten.example" not in _csp_response("/aktuelles/")[HEADER]


def test_only_a_request_with_a_session_is_lent_to_simple_history(settings):
    from simple_history.models import HistoricalRecords

    seen = []

    def view(request):
        seen.append(getattr(HistoricalRecords.context, "request", None))
        return HttpResponse("ok")

    history = site_middleware.SignedInHistoryMiddleware(view)
    visitor, editor = RequestFactory().get("/"), RequestFactory().get("/")
    editor.COOKIES[settings.SESSION_COOKIE_NAME] = "sitzung"
    history(visitor)
    history(editor)
    assert seen == [None, editor]
