import pytest
from django.test import Client
from django.urls import reverse

from apps.network.models import Meeting
from apps.news.models import Article
from apps.pages.models import Page
from tests.factories import ArticleFactory, MeetingFactory, StaffUserFactory
from tests.factories.admin_forms import article_admin_form, scraped_form

pytestmark = pytest.mark.django_db


def change_form(article, token, **overrides):
    return article_admin_form(article, edit_token=token, **overrides)


@pytest.fixture
def staff_client(client):
    client.force_login(StaffUserFactory(username="presse"))
    return client


def test_every_admin_save_is_kept_as_a_revision_with_its_author(staff_client):
    article = ArticleFactory(title="Erste Fassung")
    url = reverse("admin:news_article_change", args=[article.pk])
    response = staff_client.post(
        url, change_form(article, article.updated_at.isoformat(), title="Zweite Fassung")
    )
    assert response.status_code == 302
    versions = list(article.history.order_by("history_date"))
    assert [v.title for v in versions] == ["Erste Fassung", "Zweite Fassung"]
    assert versions[-1].history_user.username == "presse"
    page = staff_client.get(
        reverse("admin:news_article_history", args=[article.pk])
    ).content.decode()
    assert "Erste Fassung" in page and "Zweite Fassung" in page


def test_staff_restores_an_earlier_revision(staff_client):
    article = ArticleFactory(title="Original")
    article.title = "Fehlerhafte Änderung"
    article.save()
    original = article.history.earliest("history_date")
    revert_url = reverse(
        "admin:news_article_simple_history", args=[article.pk, original.history_id]
    )
    form = staff_client.get(revert_url)
    assert form.status_code == 200
    # Posted as the browser would: with the token the restore form carries.
    response = staff_client.post(revert_url, scraped_form(form.content.decode()))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Original"
    assert article.history.count() == 3


def test_second_save_of_the_same_article_is_refused_and_both_versions_survive(client):
    article = ArticleFactory(title="Ausgangstext")
    token_seen_by_both = article.updated_at.isoformat()
    url = reverse("admin:news_article_change", args=[article.pk])

    client.force_login(StaffUserFactory(username="anna"))
    first = client.post(url, change_form(article, token_seen_by_both, title="Fassung von Anna"))
    assert first.status_code == 302

    client.force_login(StaffUserFactory(username="ben"))
    second = client.post(url, change_form(article, token_seen_by_both, title="Fassung von Ben"))
    assert second.status_code == 200
    html = second.content.decode()
    assert "Jemand anderes hat diesen Eintrag gespeichert" in html
    assert 'value="Fassung von Ben"' in html  # Ben's text is still in his form
    assert Article.objects.get(pk=article.pk).title == "Fassung von Anna"


def test_concurrent_edit_of_a_meeting_is_refused_too(client):
    meeting = MeetingFactory(title="Alt")
    client.force_login(StaffUserFactory(username="carla"))
    stale = meeting.updated_at.isoformat()
    Meeting.objects.filter(pk=meeting.pk).update(title="Neu von jemand anderem")
    meeting.title = "Neu von jemand anderem"
    meeting.save()
    response = client.post(
        reverse("admin:network_meeting_change", args=[meeting.pk]),
        {
            "kind": meeting.kind,
            "sequence_number": meeting.sequence_number,
            "title": "Meine Fassung",
            "slug": meeting.slug,
            "starts_on": meeting.starts_on.strftime("%d.%m.%Y"),
            "participations-TOTAL_FORMS": "0",
            "participations-INITIAL_FORMS": "0",
            "edit_token": stale,
        },
    )
    assert response.status_code == 200
    assert "Jemand anderes hat diesen Eintrag gespeichert" in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).title == "Neu von jemand anderem"


def list_form(client, **changes):
    """The pages list's editable column as the browser posts it, with `changes` applied."""
    page = client.get(reverse("admin:pages_page_changelist")).content.decode()
    return scraped_form(page, _save="Sichern", **changes)


def row_of(data, slug):
    """The form prefix of the list row that shows the page with this slug."""
    page = Page.objects.get(slug=slug)
    return next(key.removesuffix("-id") for key, value in data.items() if value == [str(page.pk)])


def test_list_save_of_a_row_a_colleague_saved_meanwhile_is_refused_in_german(client, publisher):
    client.force_login(publisher)
    seen = list_form(client)
    row = row_of(seen, "impressum")
    other = Client()
    other.force_login(StaffUserFactory(username="kollegin"))
    assert (
        other.post(
            reverse("admin:pages_page_changelist"), {**list_form(other), f"{row}-position": ["50"]}
        ).status_code
        == 302
    )

    response = client.post(
        reverse("admin:pages_page_changelist"), {**seen, f"{row}-position": ["51"]}
    )

    assert response.status_code == 200
    assert "Jemand anderes hat diesen Eintrag gespeichert" in response.content.decode()
    assert Page.objects.get(slug="impressum").position == 50


def test_list_save_is_not_refused_for_rows_only_a_colleague_changed(client, publisher):
    client.force_login(publisher)
    seen = list_form(client)
    Page.objects.get(slug="datenschutz").save()  # a colleague's save of another row
    row = row_of(seen, "impressum")

    response = client.post(
        reverse("admin:pages_page_changelist"), {**seen, f"{row}-position": ["7"]}
    )

    assert response.status_code == 302
    assert Page.objects.get(slug="impressum").position == 7
    assert Page.objects.get(slug="datenschutz").history.count() == 1  # not saved again
