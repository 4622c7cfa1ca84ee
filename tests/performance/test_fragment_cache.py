"""Site-wide fragments: one look at the shared cache per request, and never stale."""

import datetime
import logging
import sys
import threading
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from redis.exceptions import ConnectionError as RedisConnectionError

from apps.core import cache as page_cache
from apps.news.models import Article
from tests.factories import (
    ArticleFactory,
    MunicipalityFactory,
    ProgrammeFactory,
    ProgrammeMembershipFactory,
)

pytestmark = pytest.mark.django_db


def _version_reads(client, url):
    real_get = cache.get
    keys = []

    def counting_get(key, *args, **kwargs):
        keys.append(key)
        return real_get(key, *args, **kwargs)

    with mock.patch.object(cache, "get", side_effect=counting_get):
        assert client.get(url).status_code == 200
    return keys.count(page_cache.VERSION_KEY)


def test_a_page_asks_the_shared_cache_for_the_content_version_once(client):
    ArticleFactory.create_batch(3)
    client.get("/aktuelles/")  # fragments built and kept by this process
    # The list page uses five fragments (calendar, month list, topics, footer, count).
    assert _version_reads(client, "/aktuelles/") == 1


def test_fragments_kept_in_memory_are_dropped_when_another_server_changes_content(client):
    article = ArticleFactory(published_at=datetime.datetime(2024, 3, 5, tzinfo=datetime.UTC))
    assert "März 2024" in client.get("/aktuelles/").content.decode()
    # Another server changes the article (no signal reaches this process) and bumps the
    # version in the shared cache; this process's memory still holds the old fragments.
    Article.objects.filter(pk=article.pk).update(
        published_at=datetime.datetime(2025, 9, 1, tzinfo=datetime.UTC)
    )
    assert "März 2024" in client.get("/aktuelles/").content.decode()
    cache.delete(page_cache.VERSION_KEY)
    page = client.get("/aktuelles/").content.decode()
    assert "September 2025" in page and "März 2024" not in page


def test_fragments_in_memory_expire_like_the_shared_ones(monkeypatch):
    fragments = page_cache.ProcessFragments()
    clock = [1000.0]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: clock[0])
    fragments.put("v1", "month-list", "<ul>…</ul>", 300)
    assert fragments.get("v1", "month-list") == "<ul>…</ul>"
    clock[0] += 301
    assert fragments.get("v1", "month-list") is None


def test_fragments_in_memory_belong_to_one_version_and_keep_no_large_values():
    fragments = page_cache.ProcessFragments(size=2, largest=10)
    fragments.put("v1", "a", "eins", 300)
    assert fragments.get("v2", "a") is None
    fragments.put("v2", "b", "zwei", 300)
    assert fragments.get("v1", "a") is None  # the new version emptied it
    fragments.put("v2", "ics", "x" * 11, 300)
    assert fragments.get("v2", "ics") is None
    fragments.put("v2", "c", "drei", 300)
    fragments.put("v2", "d", "vier", 300)
    assert [fragments.get("v2", n) for n in "bcd"] == [None, "drei", "vier"]


def test_a_fragment_the_shared_cache_refuses_to_store_is_built_once_per_request(monkeypatch):
    builds = []

    def build():
        builds.append(1)
        return len(builds)

    store = cache.set

    def refuse_fragments(key, *args, **kwargs):
        if key.startswith("fragment:"):
            raise RedisConnectionError("Redis ist voll")
        return store(key, *args, **kwargs)

    with page_cache.request_scope():
        page_cache.content_version()
        monkeypatch.setattr(cache, "set", refuse_fragments)
        assert [page_cache.cached_fragment("test-fragment", build) for _ in range(3)] == [1, 1, 1]
    with page_cache.request_scope():  # the next request builds it again
        assert page_cache.cached_fragment("test-fragment", build) == 2


def test_a_value_too_large_to_keep_in_memory_is_logged_once(caplog):
    fragments = page_cache.ProcessFragments(largest=10)
    with caplog.at_level(logging.WARNING, logger="apps.core.cache"):
        for version in ("v1", "v1", "v2"):
            fragments.put(version, "meetings-ical", "x" * 11, 300)
        fragments.put("v2", "month-list", "x" * 10, 300)  # at the limit: kept, not logged
    (record,) = caplog.records
    assert "meetings-ical (11 Zeichen)" in record.getMessage()
    assert fragments.get("v2", "month-list") == "x" * 10


def test_fragments_in_memory_keep_to_their_budget_counting_text_inside_tuples(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: clock[0])
    fragments = page_cache.ProcessFragments(size=10, largest=8, budget=12)
    fragments.put("v1", "file", (b"x" * 9, "etag"), 300)  # 13 bytes of text: over `largest`
    assert fragments.get("v1", "file") is None
    fragments.put("v1", "a", (b"12345", "67"), 300)  # 7
    fragments.put("v1", "b", "1234", 300)  # 11 in all
    assert fragments.get("v1", "a") == (b"12345", "67")  # now b is the least recently used
    fragments.put("v1", "c", "12", 300)  # 13: over the budget, b goes
    assert [fragments.get("v1", n) for n in "abc"] == [(b"12345", "67"), None, "12"]
    fragments.put("v1", "a", "1", 300)  # replacing a frees its bytes: 3 in all
    fragments.put("v1", "d", "1234567", 300)  # 10
    assert [fragments.get("v1", n) for n in "acd"] == ["1", "12", "1234567"]
    fragments.put("v1", "e", "1", 100)  # 11
    clock[0] += 101
    assert fragments.get("v1", "e") is None  # expired: its byte is free again
    fragments.put("v1", "f", "12", 300)  # 12: within the budget, nothing else goes
    assert [fragments.get("v1", n) for n in "acdf"] == ["1", "12", "1234567", "12"]


def test_fragments_in_memory_survive_many_threads():
    # Switch threads as often as possible, so that one evicts what another is reading.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    fragments = page_cache.ProcessFragments(size=8)
    errors = []

    def work(n):
        try:
            for i in range(2000):
                fragments.put("v1", f"f{(n + i) % 20}", i, 300)
                fragments.get("v1", f"f{i % 20}")
        except Exception as error:  # noqa: BLE001 - any error fails the test below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []


def test_a_request_between_save_and_commit_cannot_keep_old_content_under_the_new_version(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        ArticleFactory()
        # A concurrent request now reads a fresh version but, before the commit, the
        # old rows; what it caches must not outlive the commit.
        seen_before_commit = page_cache.content_version()
    assert page_cache.content_version() != seen_before_commit


def test_archive_pages_count_their_articles_once_per_content_version(client):
    for day in range(1, 4):
        ArticleFactory(published_at=datetime.datetime(2023, 5, day, 9, tzinfo=datetime.UTC))
    url = reverse("news:archive_year", kwargs={"year": 2023})
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert not [q for q in queries if "COUNT(" in q["sql"].upper()]
    ArticleFactory(
        title="Nachzügler", published_at=datetime.datetime(2023, 6, 1, 9, tzinfo=datetime.UTC)
    )
    response = client.get(url)
    assert response.context["paginator"].count == 4
    assert "Nachzügler" in response.content.decode()


def test_municipality_page_lists_its_programmes_and_a_new_membership_at_once(client):
    town = MunicipalityFactory(name="Ahlen")
    kekiz = ProgrammeFactory(name="Kein Kind zurücklassen!")
    ProgrammeMembershipFactory(municipality=town, programme=kekiz, joined_year=2012)
    ProgrammeMembershipFactory(programme=kekiz, joined_year=2014)  # another town's
    page = client.get(town.get_absolute_url()).content.decode()
    assert "Kein Kind zurücklassen!" in page and "seit 2012" in page
    assert "seit 2014" not in page
    ProgrammeMembershipFactory(
        municipality=town, programme=ProgrammeFactory(name="Kinderstark"), joined_year=2020
    )
    assert "Kinderstark" in client.get(town.get_absolute_url()).content.decode()
