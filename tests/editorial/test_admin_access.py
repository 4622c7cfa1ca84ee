"""Walk every admin URL of every model as each kind of user."""

import pytest
from django.contrib import admin
from django.urls import reverse

from apps.editorial.roles import EDITED_MODELS
from tests.factories import ArticleFactory, MeetingFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

REGISTERED = sorted(
    (model._meta.app_label, model._meta.model_name) for model in admin.site._registry
)


def model_urls(app_label, model_name):
    return [
        reverse(f"admin:{app_label}_{model_name}_changelist"),
        reverse(f"admin:{app_label}_{model_name}_add"),
    ]


@pytest.fixture
def objects():
    return {
        ("news", "article"): ArticleFactory(draft=True),
        ("network", "meeting"): MeetingFactory(is_published=False),
        ("network", "person"): PersonFactory(is_published=False),
    }


def object_urls(objects):
    urls = []
    for (app_label, model_name), obj in objects.items():
        for view in ("change", "delete", "history"):
            urls.append(
                (
                    (app_label, model_name),
                    reverse(f"admin:{app_label}_{model_name}_{view}", args=[obj.pk]),
                )
            )
    return urls


def test_every_model_is_covered_by_the_walk():
    assert ("news", "article") in REGISTERED
    assert ("network", "meeting") in REGISTERED
    assert len(REGISTERED) >= 15


@pytest.mark.parametrize(("app_label", "model_name"), REGISTERED)
def test_anonymous_visitor_is_sent_to_the_login(client, app_label, model_name):
    for url in model_urls(app_label, model_name):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_staff_without_permissions_is_refused_everywhere(client, objects):
    client.force_login(UserFactory(username="ohne-rechte", is_staff=True))
    for app_label, model_name in REGISTERED:
        for url in model_urls(app_label, model_name):
            assert client.get(url).status_code == 403, url
    for _model, url in object_urls(objects):
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("user_fixture", ["editor", "publisher"])
def test_editorial_groups_reach_exactly_their_models(client, objects, request, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    for app_label, model_name in REGISTERED:
        expected = 200 if (app_label, model_name) in EDITED_MODELS else 403
        for url in model_urls(app_label, model_name):
            assert client.get(url).status_code == expected, (user_fixture, url)
    for _model, url in object_urls(objects):
        assert client.get(url).status_code == 200, (user_fixture, url)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
