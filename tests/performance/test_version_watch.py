"""With Redis, a process keeps the content version and its pages in memory and Redis reports
every change of the version (apps.core.version_watch): hits without a round trip, and never a
page of an old version once a change has been reported.

These tests run against the Redis at 127.0.0.1:6379 (database 9), as CI's does. "Another
server" is a separate Redis client changing the version key, as a save on another server does.
"""

import select

import pytest
import redis
from django.core.cache import cache, caches

from apps.core import cache as page_cache
from apps.core import version_watch
from apps.news.models import Article
from tests.factories import ArticleFactory, MeetingFactory
from tests.performance.cache_calls import CountingCache
from tests.redis_databases import emptied_redis

REDIS_URL = "redis://127.0.0.1:6379/9"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def redis_page_cache(settings):
    other_server = emptied_redis(REDIS_URL)
    settings.CACHES = {"default": {"BACKEND": "apps.core.cache.RedisCache", "LOCATION": REDIS_URL}}
    settings.PAGE_CACHE_SECONDS = 600
    yield other_server
    if hasattr(caches["default"], "version_watch"):
        caches["default"].version_watch(page_cache.VERSION_KEY).close()
    other_server.flushdb()


@pytest.fixture
def other_server(redis_page_cache):
    return redis_page_cache


def _watch():
    return cache.version_watch(page_cache.VERSION_KEY)


def _wait_for_report(connection):
    """Wait until Redis's report has reached this process's socket (it is written in the same
    step as the change; a loaded machine may schedule that write a moment later)."""
    assert select.select([connection._sock], [], [], 2)[0], "Redis sent no report"


def _served_from_memory(client, monkeypatch, url="/aktuelles/"):
    client.get(url)
    client.get(url)
    counting = CountingCache(monkeypatch)
    response = client.get(url)
    monkeypatch.undo()
    return response, [name for name, _key in counting.calls]


def test_a_hit_costs_no_round_trip_to_redis_once_the_process_knows_the_page(client, monkeypatch):
    ArticleFactory(title="Aus dem Speicher")
    response, calls = _served_from_memory(client, monkeypatch)
    assert response["X-Page-Cache"] == "hit"
    assert "Aus dem Speicher" in response.content.decode()
    assert calls == []


def test_an_uncacheable_page_is_rendered_without_asking_redis_for_it_again(client, monkeypatch):
    response, calls = _served_from_memory(client, monkeypatch, "/bench/trivial/")
    assert response["X-Page-Cache"] == "miss"
    assert calls == []


def test_a_large_page_and_a_large_fragment_come_from_memory_too(client, monkeypatch, settings):
    # The meetings' calendar, here over 1 MB as it is with 2,000 meetings: kept in the
    # process like any page (page cache on) and like any fragment (off), not fetched from Redis
    # on every request.
    MeetingFactory(summary="Bericht " * 150_000)
    response, calls = _served_from_memory(client, monkeypatch, "/netzwerk/treffen.ics")
    assert len(response.content) > 1_000_000
    assert response["X-Page-Cache"] == "hit"
    assert calls == []
    settings.PAGE_CACHE_SECONDS = 0
    response, calls = _served_from_memory(client, monkeypatch, "/netzwerk/treffen.ics")
    assert len(response.content) > 1_000_000 and "X-Page-Cache" not in response
    assert calls == []


def test_a_change_on_another_server_shows_on_the_next_request(client, monkeypatch, other_server):
    article = ArticleFactory(title="Alter Titel")
    assert _served_from_memory(client, monkeypatch)[0]["X-Page-Cache"] == "hit"
    # Another server saves (no signal here) and drops the version, as its bump does.
    Article.objects.filter(pk=article.pk).update(title="Neuer Titel")
    other_server.delete(cache.make_and_validate_key(page_cache.VERSION_KEY))
    _wait_for_report(_watch()._listener)
    response = client.get("/aktuelles/")
    assert response["X-Page-Cache"] == "miss"
    assert "Neuer Titel" in response.content.decode()


def test_an_emptied_redis_is_a_change_too(client, monkeypatch, other_server):
    article = ArticleFactory(title="Vor dem Leeren")
    _served_from_memory(client, monkeypatch)
    Article.objects.filter(pk=article.pk).update(title="Nach dem Leeren")
    other_server.flushdb()
    _wait_for_report(_watch()._listener)
    assert "Nach dem Leeren" in client.get("/aktuelles/").content.decode()


def test_a_lost_connection_makes_the_process_ask_redis_again(client, monkeypatch, other_server):
    """Tracking lives with its connection: once it is closed Redis reports nothing, so the
    process must notice the closed socket and stop trusting what it remembers."""
    article = ArticleFactory(title="Vor dem Abbruch")
    _served_from_memory(client, monkeypatch)
    tracker = _watch()._tracker
    tracker.send_command("CLIENT", "ID")
    other_server.client_kill_filter(_id=tracker.read_response())
    Article.objects.filter(pk=article.pk).update(title="Nach dem Abbruch")
    other_server.delete(cache.make_and_validate_key(page_cache.VERSION_KEY))
    _wait_for_report(tracker)  # the closed connection
    response = client.get("/aktuelles/")
    assert "Nach dem Abbruch" in response.content.decode()
    # and it listens again: the next hit comes from memory
    assert _served_from_memory(client, monkeypatch)[1] == []


def test_a_quiet_process_still_asks_redis_after_a_few_seconds(client, monkeypatch):
    ArticleFactory()
    monkeypatch.setattr(version_watch, "CONFIRM_SECONDS", 0)
    response, calls = _served_from_memory(client, monkeypatch)
    assert response["X-Page-Cache"] == "hit"
    assert calls == ["get_many"]


def test_a_version_read_before_a_report_is_not_kept(other_server):
    watch = _watch()
    key = cache.make_and_validate_key(page_cache.VERSION_KEY)
    page_cache.content_version()
    state, ticket = watch.lookup()
    assert state is None  # content_version() wrote it: Redis reports its own write, too
    old_state = cache.get(page_cache.VERSION_KEY)
    other_server.delete(key)
    _wait_for_report(watch._listener)
    watch.remember(ticket, old_state)
    assert watch.lookup()[0] is None


def test_made_up_addresses_leave_no_trace_in_the_process_memory(client):
    ArticleFactory()
    client.get("/aktuelles/")
    kept = dict(page_cache._process_pages._entries)
    assert client.get("/gibt-es-nicht/").status_code == 404
    assert dict(page_cache._process_pages._entries) == kept


def test_a_redis_that_refuses_tracking_leaves_every_request_asking_it(caplog):
    class Refusing:
        def connect(self):
            raise redis.ResponseError("unknown command 'CLIENT'")

        def disconnect(self):
            pass

    watch = version_watch.VersionWatch(Refusing, "key")
    assert watch.lookup() == (None, None)
    watch.remember(None, {"token": "t", "until": None})
    assert watch.lookup() == (None, None)
    assert not watch.listening
    assert len([r for r in caplog.records if "does not report changes" in r.message]) == 1


@pytest.mark.urls("tests.performance.uncacheable_urls")
def test_a_page_known_not_to_be_cacheable_is_answered_by_the_stack_alone(
    client, monkeypatch, settings
):
    client.get("/privat/")
    etag = client.get("/privat/")["ETag"]  # now known in this process not to be cacheable
    decided = []
    monkeypatch.setattr(
        page_cache,
        "not_modified_or",
        lambda request, response: decided.append(response) or response,
    )
    known = client.get("/privat/", headers={"if-none-match": etag})
    assert known.status_code == 304
    assert decided == []  # the 304 came from ConditionalGetMiddleware below
    settings.PAGE_CACHE_SECONDS = 0
    without_cache = client.get("/privat/", headers={"if-none-match": etag})
    del known["X-Page-Cache"]
    assert dict(known.headers) == dict(without_cache.headers)
