"""Two gunicorn servers share one PostgreSQL and one Redis: what one does, the other sees."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from tests.factories import ArticleFactory, StaffUserFactory

ROOT = Path(__file__).resolve().parent.parent.parent
REDIS = ("127.0.0.1", 6379)
REDIS_URL = "redis://127.0.0.1:6379/8"

pytestmark = [pytest.mark.twoservers, pytest.mark.django_db(transaction=True)]


def _redis_reachable():
    try:
        with socket.create_connection(REDIS, timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture
def shared_backends():
    if connection.vendor != "postgresql" or not _redis_reachable():
        pytest.skip("needs PostgreSQL and Redis on 127.0.0.1")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    db = connection.settings_dict
    user = urllib.parse.quote(db["USER"] or "")
    password = f":{urllib.parse.quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    return f"postgres://{user}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def servers(shared_backends, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "ENV_FILE": os.devnull,  # not this folder's .env (make serve's)
        "SECRET_KEY": "two-servers-test-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "False",
        "DATABASE_URL": shared_backends,
        "CACHE_URL": REDIS_URL,
        "SESSION_ENGINE": "django.contrib.sessions.backends.cache",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    ports = [_free_port(), _free_port()]
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                "1",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )  # fmt: skip
        for port in ports
    ]
    try:
        for port in ports:
            _wait(port)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)


def _wait(port):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn on port {port} did not start")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Keeps cookies by hand: the production cookies are Secure, the test talks plain HTTP."""

    def __init__(self):
        self.cookies = {}
        self.opener = urllib.request.build_opener(_NoRedirect)

    def request(self, url, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body)
        if self.cookies:
            cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            request.add_header("Cookie", cookie)
        try:
            response = self.opener.open(request, timeout=20)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        return response.status, response.read().decode()


def _csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_publishing_on_one_server_shows_on_the_other_at_once(servers):
    first, second = servers
    editor_account = StaffUserFactory(username="redaktion")
    # The servers use production's hashers; the test settings' fast MD5 is not among them.
    editor_account.password = PBKDF2PasswordHasher().encode("geheim-123", "twoserverssalt")
    editor_account.save()
    article = ArticleFactory(title="Nachricht über zwei Server", draft=True)
    visitor = Browser()
    status, html = visitor.request(f"{second}/aktuelles/")
    assert status == 200
    assert "Nachricht über zwei Server" not in html
    assert visitor.request(f"{second}/aktuelles/")[0] == 200  # now from the shared cache

    editor = Browser()
    _, html = editor.request(f"{first}/admin/login/")
    status, _ = editor.request(
        f"{first}/admin/login/?next=/admin/",
        {
            "username": "redaktion",
            "password": "geheim-123",
            "csrfmiddlewaretoken": _csrf_token(html),
        },
    )
    assert status == 302
    _, html = editor.request(f"{first}/admin/news/article/")
    status, _ = editor.request(
        f"{first}/admin/news/article/",
        {
            "action": "publish",
            "_selected_action": article.pk,
            "index": 0,
            "csrfmiddlewaretoken": _csrf_token(html),
        },
    )
    assert status == 302

    _, html = visitor.request(f"{second}/aktuelles/")
    assert "Nachricht über zwei Server" in html
    # The session made on the first server is valid on the second.
    status, html = editor.request(f"{second}/admin/news/article/")
    assert status == 200
    assert "Nachricht über zwei Server" in html
