"""What visitors pass through costs no session, message or login-throttling work, whoever may
be signed in still gets all of it, and the lighter middleware behave as the Django ones they
replace."""

import pytest
from asgiref.sync import async_to_sync
from axes.middleware import AxesMiddleware
from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.decorators import csp_update
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.messages import middleware as django_messages_middleware
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.core.checks import check_sign_in_middleware, check_visitor_settings
from config import middleware as site_middleware
from tests.factories import ArticleFactory, UserFactory

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


def test_one_language_middleware_answers_as_locale_middleware_did(client, settings, monkeypatch):
    ArticleFactory()
    urls = ["/aktuelles/", "/gibt-es-nicht/", f"/{settings.ADMIN_URL}login/"]
    ours = [client.get(url, headers={"accept-language": "en-US,en;q=0.9"}) for url in urls]
    settings.MIDDLEWARE = [
        "django.middleware.locale.LocaleMiddleware"
        if name == "config.middleware.SingleLanguageMiddleware"
        else name
        for name in settings.MIDDLEWARE
    ]
    locale_seen = []
    real = LocaleMiddleware.process_request
    monkeypatch.setattr(
        LocaleMiddleware,
        "process_request",
        lambda self, request: locale_seen.append(request.path) or real(self, request),
    )
    # A new client: the first one built its middleware chain with the old setting.
    with_locale = Client()
    django_s = [with_locale.get(url, headers={"accept-language": "en-US,en;q=0.9"}) for url in urls]
    assert locale_seen == urls  # the comparison really went through LocaleMiddleware
    for url, mine, theirs in zip(urls, ours, django_s, strict=True):
        assert mine.status_code == theirs.status_code, url
        assert mine["Content-Language"] == theirs["Content-Language"] == "de", url
        assert mine["Vary"] == theirs["Vary"], url
    for mine, theirs in zip(ours[:2], django_s[:2], strict=True):
        assert mine.content == theirs.content
    assert "Anmelden" in ours[2].content.decode()  # the admin stays German
    assert ours[0]["Vary"] == "Accept-Language"
    assert ours[2]["Vary"] == "Cookie, Accept-Language"  # merged with the CSRF cookie's


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


@pytest.mark.parametrize(
    "path", ["/aktuelles/", "/aktuelles/feed/", f"/{settings.ADMIN_URL}news/article/add/"]
)
def test_the_built_once_report_only_policy_and_excluded_paths_are_django_csps(settings, path):
    settings.CONTENT_SECURITY_POLICY = {
        **settings.CONTENT_SECURITY_POLICY,
        "EXCLUDE_URL_PREFIXES": ["/aktuelles/feed/"],
    }
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {
        "DIRECTIVES": {"default-src": ["'none'"], "report-uri": "/csp-berichte/"}
    }
    ours, django_csps = _csp_response(path), _csp_response(path, _csp_update={})
    for header in (HEADER, HEADER_REPORT_ONLY):
        assert ours.get(header) == django_csps.get(header), header
    assert (HEADER in ours) is (path != "/aktuelles/feed/")
    assert "report-uri /csp-berichte/" in ours[HEADER_REPORT_ONLY]


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


@pytest.fixture
def sign_in_stack_seen(monkeypatch):
    """Record each request that reaches the sign-in stack's sessions and login throttling."""
    seen = []
    session_request = SessionMiddleware.process_request
    axes_call = AxesMiddleware.__call__

    def session(self, request):
        seen.append(("session", request.path))
        return session_request(self, request)

    def axes(self, request):
        seen.append(("axes", request.path))
        return axes_call(self, request)

    monkeypatch.setattr(SessionMiddleware, "process_request", session)
    monkeypatch.setattr(AxesMiddleware, "__call__", axes)
    return seen


@pytest.mark.parametrize("page_cache", [0, 600], ids=["page-cache-off", "page-cache-on"])
def test_a_visitor_goes_by_the_sign_in_stack_as_an_anonymous_user(
    client, settings, sign_in_stack_seen, page_cache
):
    settings.PAGE_CACHE_SECONDS = page_cache
    article = ArticleFactory()
    for url in ["/aktuelles/", article.get_absolute_url(), "/gibt-es-nicht/"]:
        client.get(url)
    assert sign_in_stack_seen == []
    # The preview reads request.user: for a visitor, nobody signed in (a 404, not a 500).
    response = client.get(reverse("news:article_preview", kwargs={"pk": article.pk}))
    assert response.status_code == 404
    assert response.wsgi_request.user.is_anonymous
    assert async_to_sync(response.wsgi_request.auser)() is response.wsgi_request.user


@pytest.mark.parametrize(
    "request_kwargs",
    [
        pytest.param({"cookies": "sessionid"}, id="session-cookie"),
        pytest.param({"cookies": "messages"}, id="message-cookie"),
        pytest.param({"method": "post"}, id="post"),
        pytest.param({"admin": True}, id="admin"),
    ],
)
def test_whoever_may_be_signed_in_passes_through_the_sign_in_stack(
    client, settings, sign_in_stack_seen, request_kwargs
):
    settings.PAGE_CACHE_SECONDS = 0
    path = f"/{settings.ADMIN_URL}login/" if request_kwargs.get("admin") else "/aktuelles/"
    if "cookies" in request_kwargs:
        name = request_kwargs["cookies"]
        client.cookies[settings.SESSION_COOKIE_NAME if name == "sessionid" else name] = "x"
    getattr(client, request_kwargs.get("method", "get"))(path)
    assert sign_in_stack_seen == [("session", path), ("axes", path)]


def test_a_signed_in_editor_is_recognised_on_a_public_address(client):
    article = ArticleFactory(draft=True)
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(editor)
    response = client.get(reverse("news:article_preview", kwargs={"pk": article.pk}))
    assert response.status_code == 200
    assert response.wsgi_request.user == editor


def test_the_sign_in_stack_refuses_middleware_django_must_call_itself(settings):
    # CsrfViewMiddleware checks in process_view, which Django calls only for MIDDLEWARE.
    settings.SIGN_IN_MIDDLEWARE = [
        *settings.SIGN_IN_MIDDLEWARE,
        "django.middleware.csrf.CsrfViewMiddleware",
    ]
    with pytest.raises(ImproperlyConfigured, match="CsrfViewMiddleware has process_view"):
        site_middleware.SignInMiddleware(lambda request: HttpResponse("ok"))


def _check_ids():
    return [error.id for error in check_sign_in_middleware(None)]


def test_the_settings_pass_the_sign_in_checks():
    assert _check_ids() == []


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (lambda s: s.MIDDLEWARE.remove("config.middleware.SignInMiddleware"), "core.E001"),
        (
            lambda s: s.MIDDLEWARE.append("config.middleware.DatabaseUnavailableMiddleware"),
            "core.E002",
        ),
        (
            lambda s: s.SIGN_IN_MIDDLEWARE.remove(
                "django.contrib.auth.middleware.AuthenticationMiddleware"
            ),
            "core.E003",
        ),
        (
            lambda s: s.SIGN_IN_MIDDLEWARE.remove(
                "simple_history.middleware.HistoryRequestMiddleware"
            ),
            "core.E003",
        ),
        (lambda s: s.SIGN_IN_MIDDLEWARE.reverse(), "core.E004"),
        (
            lambda s: s.SIGN_IN_MIDDLEWARE.append(
                "simple_history.middleware.HistoryRequestMiddleware"
            ),
            "core.E004",
        ),
    ],
    ids=[
        "sign-in-missing",
        "sign-in-not-last",
        "users-missing",
        "history-missing",
        "wrong-order",
        "axes-not-last",
    ],
)
def test_a_broken_sign_in_stack_fails_the_checks(settings, change, error):
    settings.MIDDLEWARE = list(settings.MIDDLEWARE)
    settings.SIGN_IN_MIDDLEWARE = list(settings.SIGN_IN_MIDDLEWARE)
    change(settings)
    assert _check_ids() == [error]


class RenamedCookieStorage(CookieStorage):
    cookie_name = "nachrichten"


@pytest.mark.parametrize(
    ("setting", "value", "error"),
    [
        ("CSRF_USE_SESSIONS", True, "core.E005"),
        ("ADMIN_URL", "verwaltung", "core.E006"),
        ("ADMIN_URL", "/verwaltung/", "core.E006"),
        ("MESSAGE_STORAGE", "tests.core.test_middleware.RenamedCookieStorage", "core.E007"),
    ],
)
def test_settings_that_would_mistake_someone_for_a_visitor_fail_the_checks(
    settings, setting, value, error
):
    assert [e.id for e in check_visitor_settings(None)] == []
    setattr(settings, setting, value)
    assert [e.id for e in check_visitor_settings(None)] == [error]
