"""Staff write, schedule, publish and preview articles in the German admin."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.news.models import Article
from tests.factories import ArticleFactory, StaffUserFactory
from tests.factories.admin_forms import article_admin_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(StaffUserFactory(username="redakteurin"))
    return client


def article_form(**overrides):
    return article_admin_form(
        **{
            "lead": "Eine Woche voller Angebote.",
            "body": "<p>Jede Menge Angebote.</p><script>alert(1)</script>",
            "tags": "Präventionswoche, Partizipation",
            "status": "published",
            **overrides,
        }
    )


def test_admin_pages_are_german(staff_client):
    html = staff_client.get(reverse("admin:news_article_add")).content.decode()
    assert "Artikel hinzufügen" in html
    assert "Veröffentlichungszeitpunkt" in html
    assert "german_urlify.js" in html


def test_staff_publishes_article_and_visitor_finds_it_everywhere(staff_client, client):
    response = staff_client.post(reverse("admin:news_article_add"), article_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get()
    assert article.slug == "praeventionswoche-in-ahlen"
    assert "<script" not in article.body
    assert sorted(article.tags.names()) == ["Partizipation", "Präventionswoche"]

    staff_client.logout()
    day = article.local_published_at
    half = 1 if day.month <= 6 else 2
    for url in [
        "/aktuelles/",
        f"/aktuelles/{day.year}/",
        f"/aktuelles/{day.year}/halbjahr-{half}/",
        f"/aktuelles/{day.year}/{day.month:02d}/",
        f"/aktuelles/{day.year}/{day.month:02d}/{day.day:02d}/",
        article.get_absolute_url(),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Präventionswoche in Ahlen" in response.content.decode(), url


def test_staff_schedules_an_article_for_later(staff_client, client, time_machine):
    later = timezone.localtime() + datetime.timedelta(days=2)
    form = article_form(
        published_at_0=later.strftime("%d.%m.%Y"), published_at_1=later.strftime("%H:%M:%S")
    )
    assert staff_client.post(reverse("admin:news_article_add"), form).status_code == 302
    article = Article.objects.get()
    assert article.is_scheduled
    changelist = staff_client.get(reverse("admin:news_article_changelist")).content.decode()
    assert "geplant ab" in changelist
    assert client.get(article.get_absolute_url()).status_code == 404

    time_machine.move_to(timezone.now() + datetime.timedelta(days=2, minutes=1), tick=False)
    assert client.get(article.get_absolute_url()).status_code == 200


def test_duplicate_slug_on_the_same_day_shows_a_german_error(staff_client):
    existing = ArticleFactory(slug="praeventionswoche-in-ahlen")
    when = existing.local_published_at
    response = staff_client.post(
        reverse("admin:news_article_add"),
        article_form(
            slug="praeventionswoche-in-ahlen",
            published_at_0=when.strftime("%d.%m.%Y"),
            published_at_1=when.strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 200
    assert (
        "Am selben Tag gibt es schon einen Artikel mit diesem Kurznamen"
        in response.content.decode()
    )
    assert Article.objects.count() == 1


def test_bulk_publish_and_unpublish_actions(staff_client):
    drafts = ArticleFactory.create_batch(2, draft=True)
    url = reverse("admin:news_article_changelist")
    staff_client.post(url, {"action": "publish", "_selected_action": [a.pk for a in drafts]})
    assert Article.objects.published().count() == 2
    staff_client.post(url, {"action": "unpublish", "_selected_action": [drafts[0].pk]})
    assert list(Article.objects.published()) == [drafts[1]]


def test_changelist_filters_by_visibility(staff_client):
    ArticleFactory(title="Online-Artikel")
    ArticleFactory(title="Geplanter Artikel", scheduled=True)
    ArticleFactory(title="Entwurfsartikel", draft=True)
    url = reverse("admin:news_article_changelist")
    html = staff_client.get(url, {"sichtbarkeit": "geplant"}).content.decode()
    assert "Geplanter Artikel" in html
    assert "Online-Artikel" not in html and "Entwurfsartikel" not in html


def test_preview_shows_draft_to_staff_only_and_is_never_cached(staff_client, client):
    draft = ArticleFactory(title="Noch geheim", draft=True)
    response = staff_client.get(draft.get_preview_url())
    assert response.status_code == 200
    assert "Noch geheim" in response.content.decode()
    assert "Entwurf" in response.content.decode()
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control

    staff_client.logout()
    anonymous = client.get(draft.get_preview_url())
    # A 404, not a redirect to the login that would name the admin's address.
    assert anonymous.status_code == 404


def test_view_on_site_goes_to_preview_for_drafts_and_to_the_page_when_online(staff_client):
    draft = ArticleFactory(draft=True)
    online = ArticleFactory()
    for article, expected in [
        (draft, draft.get_preview_url()),
        (online, online.get_absolute_url()),
    ]:
        response = staff_client.get(reverse("admin:news_article_change", args=[article.pk]))
        assert expected in response.content.decode()


def test_visitor_without_staff_rights_cannot_open_the_admin(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="besucher"))
    response = client.get(reverse("admin:news_article_changelist"))
    assert response.status_code == 302
