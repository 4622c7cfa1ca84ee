"""The article form's publish box: publishing means now, scheduling needs a time, and the form
says the state in words."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.news.models import Article
from tests.factories import ArticleFactory
from tests.factories.admin_forms import article_admin_form, scraped_form

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
ADD = reverse("admin:news_article_add")


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def test_add_form_has_no_prefilled_publication_time(publisher_client):
    form = scraped_form(publisher_client.get(ADD).content.decode())
    assert form["published_at_0"] == [""] and form["published_at_1"] == [""]


def test_draft_begun_on_monday_and_published_on_thursday_is_dated_thursday(
    client, editor, publisher, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 11, 30, 9, 0, tzinfo=BERLIN), tick=False)
    client.force_login(editor)
    client.post(ADD, article_admin_form(title="Elterncafé", status="review"))
    draft = Article.objects.get()
    assert draft.published_at is None

    time_machine.move_to(datetime.datetime(2026, 12, 3, 15, 30, tzinfo=BERLIN), tick=False)
    client.force_login(publisher)
    form = client.get(change_url(draft)).content.decode()
    response = client.post(change_url(draft), scraped_form(form, _publish="x"))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published
    assert timezone.localtime(draft.published_at) == datetime.datetime(
        2026, 12, 3, 15, 30, tzinfo=BERLIN
    )
    assert draft.get_absolute_url() == "/aktuelles/2026/12/03/elterncafe/"


def test_publish_with_a_future_time_in_the_field_still_means_now(publisher_client):
    later = timezone.localtime() + datetime.timedelta(days=2)
    response = publisher_client.post(
        ADD,
        article_admin_form(
            published_at_0=later.strftime("%d.%m.%Y"),
            published_at_1=later.strftime("%H:%M:%S"),
            _publish="x",
        ),
        follow=True,
    )
    assert Article.objects.get().is_published
    # … and the editor is told that the time was not used.
    warning = next(str(m) for m in response.context["messages"] if "nicht verwendet" in str(m))
    assert later.strftime("%d.%m.%Y %H:%M") in warning and "„Planen“" in warning


def test_schedule_needs_a_future_time_and_then_schedules(publisher_client):
    response = publisher_client.post(ADD, article_admin_form(_schedule="x"))
    assert response.status_code == 200
    assert "Zum Planen bitte einen Zeitpunkt in der Zukunft eintragen." in response.content.decode()
    assert not Article.objects.exists()

    later = timezone.localtime() + datetime.timedelta(days=2)
    publisher_client.post(
        ADD,
        article_admin_form(
            published_at_0=later.strftime("%d.%m.%Y"),
            published_at_1="10:00:00",
            _schedule="x",
        ),
    )
    article = Article.objects.get()
    assert article.is_scheduled
    page = publisher_client.get(change_url(article)).content.decode()
    assert "Wird veröffentlicht am" in page


def test_editor_cannot_publish_with_the_button_and_submits_instead(editor_client):
    response = editor_client.post(ADD, article_admin_form(_publish="x"))
    assert response.status_code == 200
    assert "darf nur die Freigabe" in response.content.decode()
    assert not Article.objects.exists()

    editor_client.post(ADD, article_admin_form(_submit_review="x"))
    assert Article.objects.get().status == Article.Status.REVIEW


def test_publisher_withdraws_with_the_button(publisher_client):
    article = ArticleFactory()
    form = publisher_client.get(change_url(article)).content.decode()
    assert "Online seit" in form
    assert 'name="_unpublish"' in form and 'name="_publish"' not in form
    publisher_client.post(change_url(article), scraped_form(form, _unpublish="x"))
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_buttons_match_the_role(client, editor, publisher):
    client.force_login(editor)
    editor_page = client.get(ADD).content.decode()
    assert 'name="_submit_review"' in editor_page and 'name="_publish"' not in editor_page
    client.force_login(publisher)
    publisher_page = client.get(ADD).content.decode()
    assert 'name="_publish"' in publisher_page and 'name="_schedule"' in publisher_page
    # "Sichern" comes first, so Enter in a field never publishes.
    assert publisher_page.index('name="_save"') < publisher_page.index('name="_publish"')

    # On a published article an editor's save waits for release, and the preview shows it.
    client.force_login(editor)
    released = client.get(reverse("admin:news_article_change", args=[ArticleFactory().pk]))
    assert 'name="_preview"' in released.content.decode()


def test_save_and_preview_opens_the_preview_of_a_draft_without_time(editor_client):
    response = editor_client.post(ADD, article_admin_form(title="Vorschau-Test", _preview="x"))
    article = Article.objects.get()
    assert response["Location"] == article.get_preview_url()
    preview = editor_client.get(response["Location"])
    assert preview.status_code == 200
    assert "Dieser Artikel ist ein Entwurf" in preview.content.decode()
