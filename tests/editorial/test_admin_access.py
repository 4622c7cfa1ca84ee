"""Walk every admin page of every registered model, with a record, as each kind of user:
never a 500, and each group reaches exactly what apps/editorial/roles.py gives it."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse

from apps.editorial.models import ChangeRequest
from apps.editorial.roles import EDITED_MODELS, REFERENCE_MODELS
from apps.news.models import Topic
from apps.pages.models import Page
from tests.factories import (
    ArticleFactory,
    InstitutionFactory,
    MeetingFactory,
    PersonFactory,
    PhotoFactory,
    ProgrammeFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

REGISTERED = sorted(
    (model._meta.app_label, model._meta.model_name) for model in admin.site._registry
)
PAGES = ("changelist", "add", "change", "history", "delete", "simple_history")


@pytest.fixture
def records(editor):
    """One record of every registered model (and a published one of each content model)."""
    article = ArticleFactory(tags=["Schule"])
    article.title = "Zweite Fassung"
    article.save()
    ChangeRequest.objects.create(
        content_type=ContentType.objects.get_for_model(article),
        object_id=article.pk,
        object_repr=str(article),
        changes={"title": "Vorschlag"},
        base={"title": "Zweite Fassung"},
        author=editor,
    )
    RoleFactory(person=PersonFactory(), institution=InstitutionFactory(), municipality=None)
    MeetingFactory()
    ProgrammeFactory()
    PhotoFactory()
    assert Page.objects.exists() and Topic.objects.exists()
    UserFactory(username="jemand")


def admin_pages(app_label, model_name):
    """Return the model's admin URLs, for its first record where a page needs one."""
    model = apps.get_model(app_label, model_name)
    record = model._default_manager.order_by("pk").first()
    urls = []
    for page in PAGES:
        name = f"admin:{app_label}_{model_name}_{page}"
        try:
            if page in ("changelist", "add"):
                urls.append((page, reverse(name)))
            elif record is not None and page == "simple_history":
                version = record.history.order_by("history_date").first()
                urls.append((page, reverse(name, args=[record.pk, version.history_id])))
            elif record is not None:
                urls.append((page, reverse(name, args=[record.pk])))
        except (NoReverseMatch, AttributeError):
            continue  # a page this model's admin does not have (history of a model without it)
    return urls


def test_the_walk_covers_every_model_and_every_page_kind(records):
    assert ("network", "role") in REGISTERED and ("editorial", "changerequest") in REGISTERED
    walked = {page for key in REGISTERED for page, _url in admin_pages(*key)}
    assert walked == set(PAGES)


@pytest.mark.parametrize("who", ["anonymous", "staff without group", "Redaktion", "Freigabe"])
def test_every_admin_page_answers_without_error_for_every_kind_of_user(
    client, records, who, editor, publisher
):
    user = {
        "anonymous": None,
        "staff without group": UserFactory(username="ohne-gruppe", is_staff=True),
        "Redaktion": editor,
        "Freigabe": publisher,
    }[who]
    if user is not None:
        client.force_login(user)
    groups = set(user.groups.values_list("name", flat=True)) if user else set()
    for key in REGISTERED:
        for page, url in admin_pages(*key):
            status = client.get(url).status_code
            assert status in (200, 302, 403), (who, url, status)
            assert status == expected_status(groups, user, key, page), (who, url, status)


def expected_status(groups, user, key, page):
    if user is None:
        return 302  # to the login
    editorial = set(EDITED_MODELS) | set(REFERENCE_MODELS) | {("editorial", "changerequest")}
    if key not in editorial or not groups:
        return 403
    if "Freigabe" in groups:
        return 403 if key == ("editorial", "changerequest") and page == "add" else 200
    # Redaktion: content it edits fully; reference data and waiting changes only to view.
    if key in EDITED_MODELS:
        # The records above are released and not theirs: they may not delete them.
        return 403 if page == "delete" else 200
    return 403 if page in ("add", "delete") else 200


def test_view_only_staff_sees_rich_text_rendered_not_as_markup(client):
    viewer = UserFactory(username="leserin", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    article = ArticleFactory(body="<p>Ein <strong>wichtiger</strong> Satz.</p>")
    client.force_login(viewer)
    page = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "<p>Ein <strong>wichtiger</strong> Satz.</p>" in page
    assert "&lt;p&gt;" not in page
