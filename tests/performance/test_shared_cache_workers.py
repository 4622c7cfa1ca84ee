"""Several gunicorn workers with the production settings and no CACHE_URL: the cache is the
database's, shared by all, so an unpublished article is gone on every worker at once; a cache
each worker keeps for itself is refused at start."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
TITLE = "Elterncafé öffnet im Familienzentrum"

pytestmark = pytest.mark.slow(25)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def production(tmp_path):
    """The environment of a production installation in tmp_path (SQLite, no CACHE_URL)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("CACHE_URL", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        ENV_FILE=os.devnull,  # not this folder's .env (make serve's)
        SECRET_KEY="shared-cache-test-only",
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        ALLOWED_HOSTS="127.0.0.1",
        HTTPS="False",
        PAGE_CACHE_SECONDS="600",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
    )

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
            capture_output=True, text=True,
        )  # fmt: skip

    manage("migrate", "--noinput", "-v0")  # creates the cache table too
    manage("collectstatic", "--noinput", "-v0")
    return env, manage


def gunicorn(env, port, workers, cache_url=None):
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers)}
    if cache_url:
        env["CACHE_URL"] = cache_url
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def wait_for(url, process):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stderr.read())
        try:
            return fetch(url)
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def test_unpublished_article_is_gone_on_every_worker_at_once(production):
    env, manage = production
    url = manage(
        "shell", "-c",
        "from tests.factories import ArticleFactory;"
        f"print(ArticleFactory(title={TITLE!r}).get_absolute_url())",
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    port = _free_port()
    server = gunicorn(env, port, workers=3)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/robots.txt", server)
        # Every worker renders and caches both pages (the cache hands them to each other).
        for _ in range(30):
            assert TITLE in fetch(base + url)[1]
            assert TITLE in fetch(f"{base}/aktuelles/")[1]

        manage(
            "shell", "-c",
            "from apps.news.models import Article;"
            f"a = Article.objects.get(title={TITLE!r}); a.status = 'draft'; a.save()",
        )  # fmt: skip

        showing = 0
        for _ in range(25):
            status, body, headers = fetch(base + url)
            showing += status == 200
            assert "X-Page-Cache" not in headers
            showing += TITLE in fetch(f"{base}/aktuelles/")[1]
        assert showing == 0
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_several_workers_with_a_per_process_cache_refuse_to_start(production):
    env, _manage = production
    server = gunicorn(env, _free_port(), workers=3, cache_url="locmemcache://")
    try:
        assert server.wait(timeout=30) != 0
        assert "Mehrere gunicorn-Worker brauchen einen gemeinsamen Cache" in server.stderr.read()
    finally:
        if server.poll() is None:
            server.kill()
