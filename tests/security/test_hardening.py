import os

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, StaffUserFactory
from tests.processes import PRODUCTION, run_python

pytestmark = pytest.mark.django_db


def test_public_pages_send_a_strict_content_security_policy_and_security_headers(client):
    article = ArticleFactory()
    for url in ["/", "/aktuelles/", article.get_absolute_url(), "/impressum/", "/gibt-es-nicht/"]:
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["script-src"] == "'self'", url
        assert "unsafe-inline" not in policy, url
        assert directives["frame-ancestors"] == "'none'"
        assert directives["object-src"] == "'none'"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


def test_admin_policy_allows_the_editor_but_still_forbids_other_hosts(client):
    client.force_login(StaffUserFactory())
    policy = client.get(reverse("admin:news_article_add"))["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "default-src 'self'" in policy


def test_check_deploy_with_production_settings_reports_nothing():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        **PRODUCTION,
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = run_python(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING", env=env, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    env["ENV_FILE"] = os.devnull  # not this folder's .env, which holds a key
    result = run_python("-c", "import django; django.setup()", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_admin_login_locks_out_after_repeated_failures_per_user_and_address(client, settings):
    StaffUserFactory(username="redakteurin", password="richtig-und-lang-2026")
    login_url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(login_url, {"username": "redakteurin", "password": "falsch"})
        assert response.status_code == 200
        assert "Fehler: Anmelden" in response.content.decode()
    last_try = client.post(login_url, {"username": "redakteurin", "password": "falsch"})
    assert last_try.status_code == 429
    locked = client.post(
        login_url, {"username": "redakteurin", "password": "richtig-und-lang-2026"}
    )
    assert locked.status_code == 429
    assert "Anmeldung vorübergehend gesperrt" in locked.content.decode()

    # Another address may still log in with the right password.
    other = client.post(
        login_url,
        {"username": "redakteurin", "password": "richtig-und-lang-2026"},
        REMOTE_ADDR="192.0.2.77",
    )
    assert other.status_code == 302


def test_visitors_never_see_the_page_cache_header(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_HEADER = False  # as in production
    client.get("/aktuelles/")
    response = client.get("/aktuelles/")
    assert "X-Page-Cache" not in response
    assert "Permissions-Policy" in response  # also on a cached page


CLIENT_ADDRESS = """
import django
django.setup()
from axes.helpers import get_client_ip_address
from django.test import RequestFactory
request = RequestFactory().get("/", REMOTE_ADDR="", HTTP_X_FORWARDED_FOR="203.0.113.5")
print(get_client_ip_address(request))
"""


@pytest.mark.parametrize(("proxies", "seen"), [("1", "203.0.113.5"), ("0", "None")])
def test_login_throttling_reads_the_address_the_front_server_forwards_and_only_then(proxies, seen):
    """Behind Caddy gunicorn listens on a socket (no REMOTE_ADDR): without the forwarded
    address, one mistyped password would lock an editor out for everybody. Without a
    proxy, a forged header is ignored."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "AXES_PROXY_COUNT": proxies,
        "ENV_FILE": os.devnull,
    }
    result = run_python("-c", CLIENT_ADDRESS, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == seen
