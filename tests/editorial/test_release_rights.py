"""Editors write drafts; only the "Freigabe" group releases — enforced on the server."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from apps.editorial.roles import EDITORS, PUBLISHERS
from apps.editorial.services import edit_token
from apps.network.models import Meeting
from apps.news.models import Article
from tests.factories import ArticleFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def article_form(article=None, **overrides):
    data = {
        "title": article.title if article else "Präventionswoche",
        "slug": article.slug if article else "",
        "lead": "Vorspann",
        "body": "<p>Text</p>",
        "tags": "",
        "status": "draft",
        "author": "",
        "article_photos-TOTAL_FORMS": "0",
        "article_photos-INITIAL_FORMS": "0",
        "meetings": [],
    }
    if article:
        data["edit_token"] = article.updated_at.isoformat()
    data.update(overrides)
    return data


def test_groups_exist_with_german_names_and_only_publishers_may_release():
    editors = Group.objects.get(name=EDITORS)
    publishers = Group.objects.get(name=PUBLISHERS)
    editor_perms = set(editors.permissions.values_list("codename", flat=True))
    publisher_perms = set(publishers.permissions.values_list("codename", flat=True))
    assert {"add_article", "change_article", "add_meeting", "add_photo"} <= editor_perms
    assert "publish_article" not in editor_perms
    assert {"publish_article", "publish_meeting", "delete_photo"} <= publisher_perms
    assert editor_perms < publisher_perms


def test_editor_post_that_publishes_is_refused_and_nothing_is_stored(editor_client):
    future = timezone.localtime() + datetime.timedelta(days=5)
    response = editor_client.post(
        reverse("admin:news_article_add"),
        article_form(
            status="published",
            published_at_0=future.strftime("%d.%m.%Y"),
            published_at_1="10:00:00",
        ),
    )
    assert response.status_code == 200
    assert "published ist keine gültige Auswahl" in response.content.decode()
    assert Article.objects.count() == 0


def test_editor_cannot_set_a_publication_date(editor_client):
    future = timezone.localtime() + datetime.timedelta(days=5)
    response = editor_client.post(
        reverse("admin:news_article_add"),
        article_form(published_at_0=future.strftime("%d.%m.%Y"), published_at_1="10:00:00"),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.published_at is None  # no time until it is released or one is chosen


def test_editor_submits_draft_for_release_and_publishers_see_it_waiting(
    editor_client, client, publisher
):
    response = editor_client.post(reverse("admin:news_article_add"), article_form(status="review"))
    assert response.status_code == 302
    assert Article.objects.get().status == Article.Status.REVIEW
    assert not Article.objects.published().exists()

    client.force_login(publisher)
    waiting = client.get(reverse("admin:news_article_changelist"), {"sichtbarkeit": "freigabe"})
    assert "Präventionswoche" in waiting.content.decode()


def test_editor_bulk_publish_action_is_refused(editor_client):
    draft = ArticleFactory(draft=True)
    changelist = reverse("admin:news_article_changelist")
    assert 'value="publish"' not in editor_client.get(changelist).content.decode()
    editor_client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_editor_post_on_published_article_changes_nothing_visitors_see(editor_client, client):
    online = ArticleFactory(title="Online")
    change_url = reverse("admin:news_article_change", args=[online.pk])
    response = editor_client.post(
        change_url,
        article_form(online, title="Verändert", edit_token=edit_token(Article, online.pk)),
    )
    assert response.status_code == 302
    online.refresh_from_db()
    assert online.title == "Online" and online.status == Article.Status.PUBLISHED
    assert "Verändert" not in client.get(online.get_absolute_url()).content.decode()


def test_meeting_entered_by_editor_stays_unpublished_until_released(
    editor_client, client, publisher
):
    response = editor_client.post(
        reverse("admin:network_meeting_add"),
        {
            "kind": Meeting.Kind.LEARNING_NETWORK,
            "sequence_number": "22",
            "title": "Neues Treffen",
            "slug": "",
            "starts_on": "12.03.2019",
            "is_published": "on",
            "participations-TOTAL_FORMS": "0",
            "participations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = Meeting.objects.get(title="Neues Treffen")
    assert meeting.is_published is False
    assert client.get(meeting.get_absolute_url()).status_code == 404


def test_publisher_releases_article_with_the_bulk_action(publisher_client, client):
    draft = ArticleFactory(draft=True, published_at=None)
    backdated = ArticleFactory(
        draft=True, published_at=timezone.now() - datetime.timedelta(days=400)
    )
    publisher_client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish", "_selected_action": [draft.pk, backdated.pk]},
    )
    draft.refresh_from_db()
    backdated.refresh_from_db()
    assert draft.is_published and backdated.is_published
    # Released without a chosen time: today is its day in the archive.
    assert draft.publication_date == timezone.localdate()
    assert client.get(draft.get_absolute_url()).status_code == 200
    # A time chosen on purpose (an older story entered later) is kept.
    assert backdated.publication_date < timezone.localdate()


def test_publisher_can_change_and_delete_published_meeting(publisher_client):
    meeting = MeetingFactory()
    response = publisher_client.post(
        reverse("admin:network_meeting_delete", args=[meeting.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


def test_new_meetings_and_people_start_unpublished_like_articles(publisher_client):
    for model in ("meeting", "person"):
        page = publisher_client.get(reverse(f"admin:network_{model}_add")).content.decode()
        checkbox = re.search(r'<input[^>]*name="is_published"[^>]*>', page).group()
        assert "checked" not in checkbox, model
