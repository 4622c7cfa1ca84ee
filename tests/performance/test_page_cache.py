import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.news.models import Article
from tests.factories import ArticleFactory, StaffUserFactory
from tests.performance.cache_calls import CountingCache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def test_second_anonymous_request_is_served_from_the_cache(client):
    ArticleFactory(title="Erster Artikel")
    assert client.get("/aktuelles/")["X-Page-Cache"] == "miss"
    response = client.get("/aktuelles/")
    assert response["X-Page-Cache"] == "hit"
    assert "Erster Artikel" in response.content.decode()


def test_published_article_is_visible_on_the_next_request(client):
    client.get("/aktuelles/")
    ArticleFactory(title="Neuigkeit aus Ahlen")
    assert "Neuigkeit aus Ahlen" in client.get("/aktuelles/").content.decode()


def test_edited_and_unpublished_articles_change_the_next_response(client):
    article = ArticleFactory(title="Alter Titel")
    client.get("/aktuelles/")
    article.title = "Neuer Titel"
    article.save()
    assert "Neuer Titel" in client.get("/aktuelles/").content.decode()
    article.status = Article.Status.DRAFT
    article.save()
    assert "Neuer Titel" not in client.get("/aktuelles/").content.decode()


def test_tag_change_invalidates_cached_pages(client):
    article = ArticleFactory()
    client.get("/aktuelles/")
    article.tags.add("Frühe Hilfen")
    assert "Frühe Hilfen" in client.get(article.get_absolute_url()).content.decode()


def test_scheduled_article_appears_on_time_although_pages_are_cached(client, time_machine):
    now = timezone.now()
    time_machine.move_to(now, tick=False)
    ArticleFactory(title="Geplanter Artikel", published_at=now + datetime.timedelta(minutes=5))
    assert "Geplanter Artikel" not in client.get("/aktuelles/").content.decode()
    assert client.get("/aktuelles/")["X-Page-Cache"] == "hit"
    # Past the publication but before the stored page expires (a second after it): the miss is
    # the version's end, as with Redis, whose clock this test does not move.
    time_machine.move_to(now + datetime.timedelta(minutes=5, milliseconds=500))
    response = client.get("/aktuelles/")
    assert response["X-Page-Cache"] == "miss"
    assert "Geplanter Artikel" in response.content.decode()


def test_staff_never_get_cached_pages(client):
    ArticleFactory()
    assert client.get("/aktuelles/")["X-Page-Cache"] == "miss"
    assert client.get("/aktuelles/")["X-Page-Cache"] == "hit"
    client.force_login(StaffUserFactory())
    response = client.get("/aktuelles/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_staff_preview_stays_private_and_uncached(client):
    article = ArticleFactory(draft=True)
    client.force_login(StaffUserFactory())
    response = client.get(reverse("news:article_preview", kwargs={"pk": article.pk}))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize(
    "url",
    ["/", "/aktuelles/", "/aktuelles/feed/", "/aktuelles/atom/", "/netzwerk/treffen.ics"],
)
def test_pages_and_feeds_answer_304_when_nothing_changed(client, url):
    ArticleFactory()
    first = client.get(url)
    etag = first["ETag"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304


def test_etag_changes_when_content_changes(client):
    ArticleFactory()
    etag = client.get("/aktuelles/")["ETag"]
    ArticleFactory(title="Noch ein Artikel")
    assert client.get("/aktuelles/", headers={"if-none-match": etag}).status_code == 200


def test_uncached_pages_still_send_an_etag(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    ArticleFactory()
    etag = client.get("/aktuelles/")["ETag"]
    assert client.get("/aktuelles/", headers={"if-none-match": etag}).status_code == 304


def test_a_cache_hit_is_one_round_trip_to_the_cache(client, monkeypatch):
    ArticleFactory()
    client.get("/aktuelles/")
    counting = CountingCache(monkeypatch)
    assert client.get("/aktuelles/")["X-Page-Cache"] == "hit"
    assert [name for name, _key in counting.calls] == ["get_many"]


def test_an_uncacheable_anonymous_request_reads_the_version_once_with_its_page(client, monkeypatch):
    client.get("/bench/trivial/")  # no-store: looked up, never stored
    counting = CountingCache(monkeypatch)
    assert client.get("/bench/trivial/")["X-Page-Cache"] == "miss"
    assert counting.calls == [("get_many", counting.calls[0][1])]


def test_a_page_rendered_under_an_old_version_is_not_served_under_the_new_one(client):
    from django.core.cache import cache

    from apps.core.cache import VERSION_KEY

    ArticleFactory(title="Erster Artikel")
    client.get("/aktuelles/")
    cache.delete(VERSION_KEY)  # another server saw a change
    response = client.get("/aktuelles/")
    assert response["X-Page-Cache"] == "miss"
    assert client.get("/aktuelles/")["X-Page-Cache"] == "hit"


def test_a_host_outside_allowed_hosts_gets_400_and_never_a_cached_page(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    ArticleFactory(title="Nur für erlaubte Hosts")
    assert client.get("/aktuelles/").status_code == 200
    assert client.get("/aktuelles/")["X-Page-Cache"] == "hit"
    response = client.get("/aktuelles/", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert "Nur für erlaubte Hosts" not in response.content.decode()
    assert client.get("/aktuelles/", headers={"host": "evil.example"}).status_code == 400


def test_a_cache_hit_leaves_before_the_rest_of_the_stack(client, monkeypatch):
    from django.middleware.clickjacking import XFrameOptionsMiddleware
    from django.middleware.security import SecurityMiddleware

    ArticleFactory()
    client.get("/aktuelles/")
    passed = []
    for middleware in (SecurityMiddleware, XFrameOptionsMiddleware):
        real = middleware.process_response

        def counting(self, request, response, _real=real):
            passed.append(type(self).__name__)
            return _real(self, request, response)

        monkeypatch.setattr(middleware, "process_response", counting)
    assert client.get("/aktuelles/")["X-Page-Cache"] == "hit"
    assert passed == []
    client.get("/bench/trivial/")  # not cacheable: the whole stack
    assert passed == ["XFrameOptionsMiddleware", "SecurityMiddleware"]


def test_static_files_and_redirected_plain_http_never_ask_the_page_cache(
    client, settings, monkeypatch
):
    settings.SECURE_SSL_REDIRECT = True  # before the first request: the stack reads it once
    counting = CountingCache(monkeypatch)
    assert client.get(settings.STATIC_URL + "gibt-es-nicht.css", secure=True).status_code == 404
    assert client.get("/aktuelles/").status_code == 301
    # (The 404 page reads its footer fragment; no page is looked up or stored.)
    looked_up = [
        key for name, key in counting.calls if name == "get_many" or key.startswith("page")
    ]
    assert looked_up == []
    assert client.get("/aktuelles/", secure=True)["X-Page-Cache"] == "miss"


@pytest.mark.parametrize("failing", ["get_many", "set"], ids=["lookup", "store"])
def test_a_page_cache_that_cannot_be_reached_still_gives_the_page_with_every_header(
    client, settings, monkeypatch, failing
):
    from django.core.cache import cache
    from redis.exceptions import ConnectionError as RedisConnectionError

    settings.SECURE_HSTS_SECONDS = 3600  # as in production
    ArticleFactory(title="Trotz Ausfall")
    real = getattr(cache, failing)

    def unreachable(keys, *args, **kwargs):
        names = [keys] if isinstance(keys, str) else keys
        if any(name.startswith("page") for name in names):
            raise RedisConnectionError("Redis antwortet nicht")
        return real(keys, *args, **kwargs)

    monkeypatch.setattr(cache, failing, unreachable)
    for _ in range(2):
        response = client.get("/aktuelles/", secure=True)
        assert response.status_code == 200
        assert "Trotz Ausfall" in response.content.decode()
        for header in [
            "Strict-Transport-Security",
            "Permissions-Policy",
            "Content-Security-Policy",
        ]:
            assert response.has_header(header), header
