"""Nothing an import keeps hidden (drafts, pending, private, trashed, password-protected and
not yet due posts, and every page) appears on any public page, feed, sitemap or search."""

import datetime
import re

import pytest
from django.utils import timezone

from apps.news.models import Article, Topic

from .wxr import SITE, imported, item

pytestmark = pytest.mark.django_db

HIDDEN = {
    "draft": {"status": "draft"},
    "pending": {"status": "pending"},
    "autodraft": {"status": "auto-draft"},
    "private": {"status": "private"},
    "trash": {"status": "trash"},
    "password": {"status": "publish", "password": "geheim"},
    "future": {"status": "future", "date_gmt": "2999-03-03 09:00:00"},
}


@pytest.fixture(params=[0, 600], ids=["page-cache-off", "page-cache-on"])
def page_cache(request, settings):
    settings.PAGE_CACHE_SECONDS = request.param
    return request.param


@pytest.fixture
def site(run_import, client):
    # Every page once before the import, so that the page cache (when on) holds them.
    for url in public_urls():
        client.get(url)
    posts = [item(post_id=1, title="Sichtbares Sommerfest", slug="sommerfest", tags=["Sichtbar"])]
    for n, (name, options) in enumerate(HIDDEN.items(), start=2):
        options = {"date": "2017-03-03 12:00:00", "date_gmt": "2017-03-03 11:00:00", **options}
        posts.append(
            item(
                post_id=n,
                title=f"Geheimwort{name} im Titel",
                slug=f"geheim-{name}",
                content=f"<p>Geheimwort{name} im Text, Sommerfest.</p>",
                excerpt=f"Geheimwort{name} im Vorspann",
                tags=["Sichtbar", f"Geheimthema{name}"],
                **options,
            )
        )
    page = item(
        post_type="page",
        post_id=50,
        title="Geheimwortseite",
        slug="geheimwortseite",
        link=f"{SITE}/geheimwortseite/",
        content="<p>Geheimwortseite Sommerfest</p>",
    )
    run_import(*posts, page)
    return {name: imported(n) for n, name in enumerate(HIDDEN, start=2)} | {"page": imported(50)}


def public_urls():
    return [
        "/",
        "/aktuelles/",
        "/aktuelles/2017/",
        "/aktuelles/2017/halbjahr-1/",
        "/aktuelles/2017/03/",
        "/aktuelles/2017/03/03/",
        "/aktuelles/2999/",
        "/aktuelles/themen/",
        "/aktuelles/thema/sichtbar/",
        "/aktuelles/feed/",
        "/aktuelles/atom/",
        "/aktuelles/thema/sichtbar/feed/",
        "/aktuelles/thema/sichtbar/atom/",
        "/sitemap.xml",
        "/sitemap-seiten.xml",
        "/sitemap-archiv.xml",
        "/sitemap-artikel.xml",
        "/sitemap-themen.xml",
        "/suche/?q=Geheimwortdraft",
        "/suche/?q=Sommerfest",
        "/suche/?q=Geheimwortseite",
        "/netzwerk/",
    ]


def test_hidden_posts_and_pages_appear_nowhere_in_public(client, page_cache, site):
    published = Article.objects.published()
    assert list(published.values_list("title", flat=True)) == ["Sichtbares Sommerfest"]
    assert site["future"].is_scheduled
    for url in public_urls():
        response = client.get(url)
        assert response.status_code in (200, 404), url
        text = response.content.decode()
        if "?q=" in url:  # the search page repeats what was asked
            text = text.replace(url.split("?q=")[1], "")
        assert not re.search("Geheim", text, re.IGNORECASE), url
        assert all(f"geheim-{name}" not in text for name in HIDDEN), url
    assert "Sichtbares Sommerfest" in client.get("/aktuelles/feed/").content.decode()
    assert "Sichtbares Sommerfest" in client.get("/suche/?q=Sommerfest").content.decode()


def test_hidden_records_and_their_topics_answer_404(client, page_cache, site):
    for name, record in site.items():
        if name in ("page",) or record.published_at is None:
            continue
        assert client.get(record.get_absolute_url()).status_code == 404, name
        assert client.get(record.get_preview_url()).status_code == 404, name
    assert client.get("/geheimwortseite/").status_code == 404
    for topic in Topic.objects.filter(name__startswith="Geheimthema"):
        response = client.get(f"/aktuelles/thema/{topic.slug}/")
        assert response.status_code == 404 or "Geheim" not in response.content.decode()
        assert client.get(f"/aktuelles/thema/{topic.slug}/feed/").status_code == 404


def test_scheduled_import_appears_everywhere_once_due(client, page_cache, site, time_machine):
    time_machine.move_to(datetime.datetime(2999, 3, 3, 9, 0, 1, tzinfo=datetime.UTC))
    assert timezone.now() > site["future"].published_at
    assert "Geheimwortfuture" in client.get("/aktuelles/").content.decode()
    assert client.get(site["future"].get_absolute_url()).status_code == 200
