"""Old WordPress addresses answer 301 to the new address while the record is public, and 404
like any hidden article otherwise; the page cache never gets in the way."""

import datetime

import pytest
from django.utils import timezone

from apps.news.models import Article
from apps.news.services import articles_unpublish

from .wxr import SITE, imported, item

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[0, 600], ids=["page-cache-off", "page-cache-on"])
def page_cache(request, settings):
    settings.PAGE_CACHE_SECONDS = request.param
    return request.param


def assert_redirects(response, url):
    assert response.status_code == 301
    assert response["Location"] == url


def test_old_permalink_and_post_id_answer_301_to_the_article(client, run_import, page_cache):
    run_import(item(post_id=12, slug="sommerfest", date="2017-06-10 15:00:00"))
    url = imported(12).get_absolute_url()
    for _twice in range(2):  # and never from the page cache
        assert_redirects(client.get("/2017/06/10/sommerfest/"), url)
        assert_redirects(client.get("/2017/06/10/sommerfest"), url)
        assert_redirects(client.get("/?p=12"), url)
        assert_redirects(client.get("/index.php?p=12"), url)
        assert_redirects(client.head("/?p=12"), url)
    assert client.get(url).status_code == 200


def test_cached_home_page_does_not_swallow_the_redirect(client, run_import, settings):
    settings.PAGE_CACHE_SECONDS = 600
    assert client.get("/?p=12").status_code == 200  # the home page, before the import
    assert client.get("/?p=12")["X-Page-Cache"] == "hit"
    run_import(item(post_id=12))
    assert_redirects(client.get("/?p=12"), imported(12).get_absolute_url())


def test_unknown_post_id_shows_the_home_page(client, run_import):
    run_import(item(post_id=12))
    assert client.get("/?p=999").status_code == 200
    assert client.get("/?p=abc").status_code == 200


def test_scheduled_post_answers_404_until_it_is_public_then_301(
    client, run_import, page_cache, time_machine
):
    now = timezone.now()
    time_machine.move_to(now, tick=False)
    when = now + datetime.timedelta(hours=3)
    run_import(
        item(
            post_id=12,
            slug="fachtag",
            link=f"{SITE}/fachtag/",
            status="future",
            date_gmt=when.strftime("%Y-%m-%d %H:%M:%S"),
        )
    )
    assert client.get("/fachtag/").status_code == 404
    assert client.get("/?p=12").status_code == 404
    time_machine.move_to(when + datetime.timedelta(seconds=1))
    url = imported(12).get_absolute_url()
    assert_redirects(client.get("/fachtag/"), url)
    assert_redirects(client.get("/?p=12"), url)


@pytest.mark.parametrize(
    "options",
    [
        {"status": "draft"},
        {"status": "pending"},
        {"status": "private"},
        {"status": "trash"},
        {"password": "geheim"},
    ],
)
def test_hidden_post_answers_404_at_every_old_address(client, run_import, page_cache, options):
    run_import(item(post_id=12, slug="intern", date="2017-06-10 15:00:00", **options))
    assert client.get("/2017/06/10/intern/").status_code == 404
    assert client.get("/?p=12").status_code == 404


def test_unpublished_article_stops_redirecting(client, run_import, page_cache):
    run_import(item(post_id=12, slug="sommerfest", date="2017-06-10 15:00:00"))
    assert client.get("/2017/06/10/sommerfest/").status_code == 301
    articles_unpublish(articles=Article.objects.all())
    assert client.get("/2017/06/10/sommerfest/").status_code == 404
    assert client.get("/?p=12").status_code == 404


def test_old_address_with_umlauts_redirects(client, run_import):
    run_import(item(post_id=12, slug="gr%c3%bc%c3%9fe", link=f"{SITE}/2017/06/gr%c3%bc%c3%9fe/"))
    url = imported(12).get_absolute_url()
    assert_redirects(client.get("/2017/06/grüße/"), url)
    assert_redirects(client.get("/2017/06/gr%C3%BC%C3%9Fe/"), url)


def test_a_route_of_this_site_wins_over_an_old_address(client, run_import):
    run_import(item(post_id=12, link=f"{SITE}/aktuelles/"))
    assert client.get("/aktuelles/").status_code == 200


def test_imported_page_redirects_once_an_editor_publishes_it(client, run_import):
    run_import(
        item(post_type="page", post_id=5, title="Über uns", slug="wir", link=f"{SITE}/verein/wir/")
    )
    page = imported(5)
    assert page.get_absolute_url() == "/wir/"
    assert client.get("/verein/wir/").status_code == 404
    assert client.get("/?page_id=5").status_code == 404
    page.is_published = True
    page.save()
    assert_redirects(client.get("/verein/wir/"), page.get_absolute_url())
    assert_redirects(client.get("/?page_id=5"), page.get_absolute_url())
    assert client.get(page.get_absolute_url()).status_code == 200
