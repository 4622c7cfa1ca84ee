"""With Redis unreachable, visitors still get every page and editors still save; once Redis
answers again, no page of the version before their change is served.

The outage is a cache pointed at a port nobody listens on; "Redis back" is the Redis at
127.0.0.1:6379 (database 10), as CI's.
"""

import json

import pytest
import redis
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.core import cache as page_cache
from apps.news.models import Article
from tests.factories import ArticleFactory, MeetingFactory, StaffUserFactory
from tests.factories.admin_forms import article_admin_form
from tests.processes import PRODUCTION, run_python
from tests.redis_databases import emptied_redis

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/10"
UP = {"default": {"BACKEND": "apps.core.cache.RedisCache", "LOCATION": REDIS_URL}}
DOWN = {"default": {"BACKEND": "apps.core.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}


@pytest.fixture
def redis_up(settings):
    server = emptied_redis(REDIS_URL)
    settings.CACHES = UP
    yield
    server.flushdb()


@pytest.mark.parametrize("page_cache_seconds", [0, 600], ids=["page-cache-off", "page-cache-on"])
def test_every_kind_of_public_page_answers_while_redis_is_unreachable(
    client, settings, page_cache_seconds
):
    article = ArticleFactory()
    meeting = MeetingFactory()
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    settings.CACHES = DOWN
    for url in [
        "/",
        "/aktuelles/",
        article.get_absolute_url(),
        "/aktuelles/feed/",
        "/netzwerk/",
        meeting.get_absolute_url(),
        reverse("network:meetings_ical"),
        "/suche/?q=Netzwerk",
        "/gibt-es-nicht/",
    ]:
        response = client.get(url)
        assert response.status_code == (404 if url == "/gibt-es-nicht/" else 200), url


def test_an_editor_saves_while_redis_is_unreachable_and_the_old_pages_go(
    client, settings, redis_up
):
    settings.PAGE_CACHE_SECONDS = 600
    article = ArticleFactory(title="Vor dem Ausfall")
    client.get("/aktuelles/")
    assert client.get("/aktuelles/")["X-Page-Cache"] == "hit"

    settings.CACHES = DOWN
    editor = Client()
    editor.force_login(StaffUserFactory())
    response = editor.post(
        reverse("admin:news_article_change", args=[article.pk]),
        article_admin_form(
            article, edit_token=article.updated_at.isoformat(), title="Nach dem Ausfall"
        ),
    )
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).title == "Nach dem Ausfall"

    settings.CACHES = UP
    page = client.get("/aktuelles/")
    assert page["X-Page-Cache"] == "miss"
    assert "Nach dem Ausfall" in page.content.decode()


def test_the_redis_cache_gives_up_on_an_unreachable_server_within_seconds():
    result = run_python(
        "-c",
        "from django.conf import settings; import json; "
        "print(json.dumps(settings.CACHES['default']))",
        env={**PRODUCTION, "CACHE_URL": "redis://127.0.0.1:6379/1"},
    )
    assert result.returncode == 0, result.stderr
    default = json.loads(result.stdout)
    assert default["BACKEND"] == "apps.core.cache.RedisCache"
    assert default["OPTIONS"] == {"socket_connect_timeout": 1, "socket_timeout": 2}


def test_a_page_asks_an_unreachable_redis_once_not_once_per_fragment(client, settings, monkeypatch):
    # In a network fault each attempt waits for its timeout; a page has several fragments.
    ArticleFactory()
    settings.PAGE_CACHE_SECONDS = 0
    settings.CACHES = DOWN
    attempts = []
    connect = redis.connection.Connection.connect
    monkeypatch.setattr(
        redis.connection.Connection,
        "connect",
        lambda self, *a, **k: attempts.append(self.port) or connect(self, *a, **k),
    )
    assert client.get("/").status_code == 200
    # The version watch's own connection and the page's first cache call; no more.
    assert len(attempts) <= 2
    first = len(attempts)
    page_cache._redis_rests_until[0] = 0.0  # the rest is over
    assert client.get("/").status_code == 200
    assert first < len(attempts) <= 2 * first  # asked again, once more


def test_while_redis_is_unreachable_a_page_builds_each_fragment_once(client, settings, caplog):
    # The meeting page reads the topics of published articles twice: for the sidebar's popular
    # topics and to know which of its own topics have a topic page to link to.
    meeting = MeetingFactory(tags=["Lernnetzwerk"])
    ArticleFactory(tags=["Lernnetzwerk"])
    settings.PAGE_CACHE_SECONDS = 0
    settings.CACHES = DOWN
    with CaptureQueriesContext(connection) as queries:
        response = client.get(meeting.get_absolute_url())

    assert response.status_code == 200
    assert 'href="/aktuelles/thema/lernnetzwerk/"' in response.content.decode()
    topic_counts = [q for q in queries if "COUNT(" in q["sql"] and '"news_topic"' in q["sql"]]
    assert len(topic_counts) == 1
    said = [r.getMessage() for r in caplog.records if "ungecacht" in r.getMessage()]
    assert len([m for m in said if "published-topics ungecacht" in m]) == 1  # once, not per use
    # The next request builds it afresh: a change may have come in between.
    with CaptureQueriesContext(connection) as queries:
        client.get(meeting.get_absolute_url())
    assert len([q for q in queries if "COUNT(" in q["sql"] and '"news_topic"' in q["sql"]]) == 1


def test_while_redis_is_unreachable_a_change_saved_in_the_request_builds_fragments_anew(
    settings,
):
    settings.CACHES = DOWN
    builds = []

    def build():
        builds.append(1)
        return len(builds)

    with page_cache.request_scope():
        assert page_cache.cached_fragment("test-fragment", build) == 1
        assert page_cache.cached_fragment("test-fragment", build) == 1
        page_cache.bump_content_version()  # what saving public content does
        assert page_cache.cached_fragment("test-fragment", build) == 2
    assert page_cache.cached_fragment("test-fragment", build) == 3  # outside a request


def test_an_owed_bump_is_made_by_the_next_version_read_that_reaches_redis(redis_up):
    before = page_cache.content_version()
    page_cache._owed_bump.set()
    assert page_cache.content_version() != before
    assert not page_cache._owed_bump.is_set()
