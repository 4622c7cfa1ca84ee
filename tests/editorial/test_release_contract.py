"""The release contract on every admin path: what a Redaktion member does on released content
reaches visitors only after a Freigabe member releases it, or is refused in German; nothing
saved before is lost."""

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse

from apps.editorial.models import ChangeRequest
from apps.network.models import Institution, Municipality, Programme, Role
from apps.news.models import Article, ArticlePhoto, Topic
from apps.pages.models import Page
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    InstitutionFactory,
    MeetingFactory,
    MeetingParticipationFactory,
    MunicipalityFactory,
    PersonFactory,
    PhotoFactory,
    ProgrammeFactory,
    RoleFactory,
    UserFactory,
)
from tests.factories.admin_forms import article_admin_form, scraped_form

pytestmark = pytest.mark.django_db

WAITING = "wartet auf Freigabe"


@pytest.fixture(params=[0, 600], ids=["page-cache-off", "page-cache-on"])
def page_cache(request, settings):
    settings.PAGE_CACHE_SECONDS = request.param
    return request.param


@pytest.fixture
def visitor():
    return Client()


@pytest.fixture
def as_editor(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def as_publisher(publisher):
    client = Client()
    client.force_login(publisher)
    return client


def admin_url(obj, view="change"):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_{view}", args=[obj.pk])


def edit(client, obj, **changes):
    """Open obj's change form as client, change fields as a person would, and save."""
    form = client.get(admin_url(obj))
    assert form.status_code == 200
    return client.post(admin_url(obj), scraped_form(form.content.decode(), **changes))


def release(client, obj):
    waiting = ChangeRequest.objects.for_object(obj).get()
    url = reverse("admin:editorial_changerequest_change", args=[waiting.pk])
    return client.post(url, {"_release": "Freigeben"})


# (make a released record, the field an editor changes, the text visitors see before and after)
RELEASED_CONTENT = {
    "article": (
        lambda: ArticleFactory(title="Ahlen plant"),
        "title",
        "Ahlen plant",
        "Ahlen hat geplant",
    ),
    "meeting": (
        lambda: MeetingFactory(title="Lernnetzwerk"),
        "title",
        "Lernnetzwerk",
        "Fachtag Übergänge",
    ),
    "person": (
        lambda: PersonFactory(last_name="Mustermann"),
        "last_name",
        "Mustermann",
        "Musterfrau",
    ),
    "page": (
        lambda: Page.objects.get(slug="impressum"),
        "title",
        "Impressum",
        "Anbieterkennzeichnung",
    ),
}


@pytest.mark.parametrize("kind", RELEASED_CONTENT)
def test_editor_change_to_released_record_waits_until_freigabe_releases_it(
    kind, page_cache, as_editor, as_publisher, visitor
):
    make, field, before, after = RELEASED_CONTENT[kind]
    record = make()
    public_url = record.get_absolute_url()
    assert before in visitor.get(public_url).content.decode()  # cached now, with the cache on

    response = edit(as_editor, record, **{field: after})

    assert response.status_code == 302
    record.refresh_from_db()
    assert getattr(record, field) == before
    assert record.is_published if kind != "article" else record.status == "published"
    page = visitor.get(public_url).content.decode()
    assert before in page and after not in page
    # The editor's form shows the waiting change, so nothing they typed is lost.
    assert f'value="{after}"' in as_editor.get(admin_url(record)).content.decode()

    waiting = as_publisher.get(reverse("admin:editorial_changerequest_changelist"))
    assert str(record) in waiting.content.decode()
    assert release(as_publisher, record).status_code == 302

    record.refresh_from_db()
    assert getattr(record, field) == after
    assert after in visitor.get(record.get_absolute_url()).content.decode()
    assert not ChangeRequest.objects.exists()
    latest = record.history.latest("history_date")
    assert latest.history_user.username == "freigeberin"
    assert "redakteurin" in latest.history_change_reason


def test_freigabe_sees_the_change_field_by_field_with_changed_words_marked(as_editor, as_publisher):
    article = ArticleFactory(title="Ahlen plant", lead="Die Stadt plant ihre Präventionskette.")
    edit(as_editor, article, lead="Die Stadt Ahlen plant ihre Präventionskette.")
    waiting = ChangeRequest.objects.get()
    page = as_publisher.get(
        reverse("admin:editorial_changerequest_change", args=[waiting.pk])
    ).content.decode()
    assert '<th scope="row">Vorspann</th>' in page
    assert "<ins>Ahlen</ins>" in page
    assert "Titel</th>" not in page  # unchanged fields are not listed
    assert 'name="_release"' in page


def test_list_editable_save_by_editor_keeps_the_page_online_and_waits(as_editor, visitor):
    impressum = Page.objects.get(slug="impressum")
    changelist = reverse("admin:pages_page_changelist")
    form = scraped_form(as_editor.get(changelist).content.decode())
    index = next(
        i
        for i in range(int(form["form-TOTAL_FORMS"][0]))
        if form[f"form-{i}-id"] == [str(impressum.pk)]
    )
    form[f"form-{index}-position"] = ["99"]
    form["_save"] = ["Sichern"]
    response = as_editor.post(changelist, form)

    assert response.status_code == 302
    said = [str(m) for m in as_editor.get(response.url).context["messages"]]
    assert any("wartet auf Freigabe" in line for line in said)
    assert not any("erfolgreich geändert" in line for line in said), said
    impressum.refresh_from_db()
    assert impressum.is_published and impressum.position != 99
    assert visitor.get("/impressum/").status_code == 200
    assert ChangeRequest.objects.for_object(impressum).get().changes == {"position": 99}


def test_editor_cannot_add_photos_roles_or_participants_to_released_records(as_editor):
    photo = PhotoFactory()
    article = ArticleFactory()
    edit(
        as_editor,
        article,
        **{
            "article_photos-TOTAL_FORMS": "1",
            "article_photos-0-photo": str(photo.pk),
            "article_photos-0-position": "0",
            "article_photos-0-caption": "Neu",
        },
    )
    assert not ArticlePhoto.objects.exists()

    municipality = MunicipalityFactory()
    person = PersonFactory()
    edit(
        as_editor,
        person,
        **{
            "roles-TOTAL_FORMS": "1",
            "roles-0-kind": "coordinator",
            "roles-0-municipality": str(municipality.pk),
        },
    )
    assert not Role.objects.exists()

    meeting = MeetingFactory()
    edit(
        as_editor,
        meeting,
        **{
            "participations-TOTAL_FORMS": "1",
            "participations-0-person": str(person.pk),
            "participations-0-role": "speaker",
            "participations-0-order": "0",
        },
    )
    assert not meeting.participations.exists()


def test_editor_may_still_fill_the_rows_of_a_draft(as_editor):
    photo = PhotoFactory()
    draft = ArticleFactory(draft=True)
    response = edit(
        as_editor,
        draft,
        **{
            "article_photos-TOTAL_FORMS": "1",
            "article_photos-0-photo": str(photo.pk),
            "article_photos-0-position": "0",
        },
    )
    assert response.status_code == 302
    assert draft.article_photos.count() == 1


def test_existing_rows_of_a_released_record_are_read_only_for_editors(as_editor):
    article = ArticleFactory()
    used = ArticlePhotoFactory(article=article, caption="Alt")
    form = as_editor.get(admin_url(article)).content.decode()
    assert 'name="article_photos-0-caption"' not in form
    data = scraped_form(
        form, **{"article_photos-0-caption": "Neu", "article_photos-0-id": str(used.pk)}
    )
    as_editor.post(admin_url(article), data)
    used.refresh_from_db()
    assert used.caption == "Alt"


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: MunicipalityFactory(name="Ahlen"), id="municipality"),
        pytest.param(lambda: InstitutionFactory(name="Jugendamt"), id="institution"),
        pytest.param(lambda: ProgrammeFactory(name="Kinderstark"), id="programme"),
        pytest.param(lambda: Topic.objects.create(name="Schule"), id="topic"),
    ],
)
def test_reference_data_is_read_only_for_editors_with_a_german_refusal(make, as_editor):
    record = make()
    form = as_editor.get(admin_url(record))
    assert form.status_code == 200
    assert 'name="_save"' not in form.content.decode()
    response = as_editor.post(admin_url(record), {"name": "Umbenannt"})
    assert response.status_code == 403
    assert "Keine Berechtigung" in response.content.decode()
    assert type(record).objects.get(pk=record.pk).name != "Umbenannt"
    assert (
        as_editor.get(
            reverse(f"admin:{record._meta.app_label}_{record._meta.model_name}_add")
        ).status_code
        == 403
    )


def test_add_popups_of_reference_data_are_refused_and_photo_upload_stays_open(as_editor):
    for model in (Municipality, Institution, Programme):
        url = reverse(f"admin:network_{model._meta.model_name}_add") + "?_popup=1"
        assert as_editor.get(url).status_code == 403
    assert as_editor.get(reverse("admin:media_photo_add") + "?_popup=1").status_code == 200


def test_photo_shown_by_a_released_article_is_read_only_for_editors(as_editor, as_publisher):
    photo = PhotoFactory(caption="Ratssaal")
    ArticlePhotoFactory(photo=photo, article=ArticleFactory())
    page = as_editor.get(admin_url(photo)).content.decode()
    assert "ändern kann es nur die Freigabe" in page
    assert as_editor.post(admin_url(photo), {"caption": "Anders"}).status_code == 403
    photo.refresh_from_db()
    assert photo.caption == "Ratssaal"
    assert 'name="_save"' in as_publisher.get(admin_url(photo)).content.decode()


def test_photo_used_only_by_a_draft_stays_editable_for_editors(as_editor):
    photo = PhotoFactory(caption="Ratssaal")
    ArticlePhotoFactory(photo=photo, article=ArticleFactory(draft=True))
    assert 'name="_save"' in as_editor.get(admin_url(photo)).content.decode()


def test_roles_of_published_people_are_refused_on_the_role_pages(as_editor):
    person = PersonFactory()
    role = RoleFactory(person=person, title="Koordination")
    assert as_editor.get(admin_url(role)).status_code == 200
    assert as_editor.post(admin_url(role), {"title": "Anders"}).status_code == 403
    municipality = MunicipalityFactory()
    response = as_editor.post(
        reverse("admin:network_role_add"),
        {"person": person.pk, "kind": "coordinator", "municipality": municipality.pk},
    )
    assert response.status_code == 200
    assert (
        "Funktionen veröffentlichter Personen trägt die Freigabe ein" in response.content.decode()
    )
    assert Role.objects.count() == 1


def test_role_of_an_unpublished_person_can_be_entered_by_an_editor(as_editor):
    person = PersonFactory(hidden=True)
    municipality = MunicipalityFactory()
    response = as_editor.post(
        reverse("admin:network_role_add"),
        {"person": person.pk, "kind": "coordinator", "municipality": municipality.pk},
    )
    assert response.status_code == 302
    assert person.roles.count() == 1


def test_editor_actions_cannot_release_or_withdraw(as_editor):
    online, draft = ArticleFactory(), ArticleFactory(draft=True)
    changelist = reverse("admin:news_article_changelist")
    for action in ("publish", "unpublish"):
        as_editor.post(changelist, {"action": action, "_selected_action": [online.pk, draft.pk]})
    online.refresh_from_db()
    draft.refresh_from_db()
    assert online.status == "published" and draft.status == "draft"


def test_bulk_actions_write_a_revision_and_a_new_updated_at(as_publisher, as_editor):
    online = ArticleFactory()
    draft = ArticleFactory(draft=True)
    before = online.updated_at
    changelist = reverse("admin:news_article_changelist")
    as_publisher.post(changelist, {"action": "unpublish", "_selected_action": [online.pk]})
    as_editor.post(changelist, {"action": "submit_for_review", "_selected_action": [draft.pk]})
    online.refresh_from_db()
    draft.refresh_from_db()
    assert online.status == "draft" and online.updated_at > before
    assert online.history.latest("history_date").history_user.username == "freigeberin"
    assert draft.status == "review"
    assert draft.history.latest("history_date").history_change_reason == "Zur Freigabe eingereicht"


def test_publisher_with_a_stale_form_cannot_republish_what_a_colleague_withdrew(
    as_publisher, publisher
):
    article = ArticleFactory(title="Zurückgezogen")
    form = as_publisher.get(admin_url(article)).content.decode()
    colleague = Client()
    colleague.force_login(publisher)
    colleague.post(
        reverse("admin:news_article_changelist"),
        {"action": "unpublish", "_selected_action": [article.pk]},
    )
    response = as_publisher.post(admin_url(article), scraped_form(form))
    assert response.status_code == 200
    assert "Jemand anderes hat diesen Eintrag gespeichert" in response.content.decode()
    article.refresh_from_db()
    assert article.status == "draft"


def test_restore_by_editor_waits_and_restore_by_publisher_is_a_revision(
    as_editor, as_publisher, visitor
):
    article = ArticleFactory(title="Erste Fassung")
    article.title = "Zweite Fassung"
    article.save()
    first = article.history.earliest("history_date")
    url = reverse("admin:news_article_simple_history", args=[article.pk, first.history_id])

    form = as_editor.get(url)
    assert form.status_code == 200
    assert as_editor.post(url, scraped_form(form.content.decode())).status_code == 302
    article.refresh_from_db()
    assert article.title == "Zweite Fassung"
    assert ChangeRequest.objects.for_object(article).get().changes["title"] == "Erste Fassung"
    ChangeRequest.objects.all().delete()

    form = as_publisher.get(url)
    response = as_publisher.post(url, scraped_form(form.content.decode()))
    assert response.status_code == 302, response.content.decode()[:3000]
    article.refresh_from_db()
    assert article.title == "Erste Fassung"
    assert article.history.count() == 3
    assert article.history.latest("history_date").history_change_reason == (
        "Frühere Fassung wiederhergestellt"
    )
    assert "Erste Fassung" in visitor.get(article.get_absolute_url()).content.decode()


def test_editor_restoring_a_draft_revision_proposes_no_status_change(as_editor, as_publisher):
    article = ArticleFactory(title="Entwurf", status="draft", published_at=None)
    article.status = "published"
    article.title = "Veröffentlicht"
    article.save()
    draft = article.history.earliest("history_date")
    url = reverse("admin:news_article_simple_history", args=[article.pk, draft.history_id])

    form = as_editor.get(url).content.decode()
    assert as_editor.post(url, scraped_form(form)).status_code == 302

    assert ChangeRequest.objects.for_object(article).get().changes == {"title": "Entwurf"}
    release(as_publisher, article)
    article.refresh_from_db()
    assert (article.title, article.status) == ("Entwurf", "published")


def test_editor_saving_a_released_record_in_a_popup_closes_the_popup(as_editor):
    person = PersonFactory(last_name="Mustermann")
    url = admin_url(person) + "?_popup=1"
    form = as_editor.get(url).content.decode()
    response = as_editor.post(url, scraped_form(form, last_name="Musterfrau"))
    assert response.status_code == 200
    assert "popup_response" in response.content.decode()
    assert ChangeRequest.objects.for_object(person).get().changes == {"last_name": "Musterfrau"}
    person.refresh_from_db()
    assert person.last_name == "Mustermann"


def test_view_only_user_cannot_save_through_the_restore_form(as_editor):
    ahlen = MunicipalityFactory(name="Ahlen")
    ahlen.name = "Ahlen (Westf.)"
    ahlen.save()
    first = ahlen.history.earliest("history_date")
    url = reverse("admin:network_municipality_simple_history", args=[ahlen.pk, first.history_id])
    assert as_editor.get(url).status_code == 200
    assert as_editor.post(url, {"name": "Ahlen"}).status_code == 403
    ahlen.refresh_from_db()
    assert ahlen.name == "Ahlen (Westf.)"


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: ArticleFactory(), id="article"),
        pytest.param(lambda: MeetingFactory(), id="meeting"),
        pytest.param(lambda: PersonFactory(), id="person"),
        pytest.param(lambda: Page.objects.get(slug="impressum"), id="page"),
    ],
)
def test_editor_cannot_delete_released_records(make, as_editor):
    record = make()
    assert as_editor.post(admin_url(record, "delete"), {"post": "yes"}).status_code == 403
    assert type(record).objects.filter(pk=record.pk).exists()


def test_editor_deletes_own_drafts_only(as_editor, editor):
    mine = as_editor.post(
        reverse("admin:news_article_add"),
        {
            "title": "Mein Entwurf",
            "slug": "",
            "lead": "",
            "body": "",
            "tags": "",
            "status": "draft",
            "author": "",
            "article_photos-TOTAL_FORMS": "0",
            "article_photos-INITIAL_FORMS": "0",
        },
    )
    assert mine.status_code == 302
    own = Article.objects.get(title="Mein Entwurf")
    colleagues = ArticleFactory(draft=True, title="Entwurf einer Kollegin")

    assert as_editor.post(admin_url(colleagues, "delete"), {"post": "yes"}).status_code == 403
    assert as_editor.post(admin_url(own, "delete"), {"post": "yes"}).status_code == 302
    assert list(Article.objects.values_list("title", flat=True)) == ["Entwurf einer Kollegin"]


def test_release_is_refused_when_the_field_changed_on_the_record_meanwhile(as_editor, as_publisher):
    article = ArticleFactory(title="Alt")
    edit(as_editor, article, title="Vorschlag")
    article.refresh_from_db()
    article.title = "Von der Freigabe selbst geändert"
    article.save()

    response = release(as_publisher, article)
    assert response.status_code == 302
    messages = as_publisher.get(response["Location"]).content.decode()
    assert (
        "Seit dem Vorschlag hat jemand diese Felder am Eintrag selbst geändert: Titel" in messages
    )
    article.refresh_from_db()
    assert article.title == "Von der Freigabe selbst geändert"
    assert ChangeRequest.objects.exists()


def test_editor_may_not_release_or_reject_waiting_changes(as_editor):
    article = ArticleFactory(title="Alt")
    edit(as_editor, article, title="Neu")
    waiting = ChangeRequest.objects.get()
    url = reverse("admin:editorial_changerequest_change", args=[waiting.pk])
    assert 'name="_release"' not in as_editor.get(url).content.decode()
    assert as_editor.post(url, {"_release": "Freigeben"}).status_code == 403
    assert as_editor.post(url, {"_reject": "Verwerfen"}).status_code == 403
    article.refresh_from_db()
    assert article.title == "Alt" and ChangeRequest.objects.exists()


def test_a_second_edit_by_an_editor_continues_the_waiting_change(as_editor):
    meeting = MeetingFactory(title="Alt", motto="Motto")
    edit(as_editor, meeting, title="Neu")
    edit(as_editor, meeting, motto="Neues Motto")
    assert ChangeRequest.objects.get().changes == {"title": "Neu", "motto": "Neues Motto"}
    # Setting a field back to the published value drops it from the waiting change.
    edit(as_editor, meeting, title="Alt")
    assert ChangeRequest.objects.get().changes == {"motto": "Neues Motto"}
    edit(as_editor, meeting, motto="Motto")
    assert not ChangeRequest.objects.exists()


def test_topics_and_relations_of_a_released_article_wait_too(as_editor, as_publisher, visitor):
    article = ArticleFactory(title="Ahlen", tags=["Schule"])
    meeting = MeetingFactory()
    edit(as_editor, article, tags="Schule, Kita", meetings=[str(meeting.pk)])
    assert sorted(article.tags.names()) == ["Schule"]
    assert not article.meetings.exists()
    assert visitor.get("/aktuelles/thema/kita/").status_code == 404

    release(as_publisher, article)
    assert sorted(article.tags.names()) == ["Kita", "Schule"]
    assert list(article.meetings.all()) == [meeting]
    assert visitor.get("/aktuelles/thema/kita/").status_code == 200


def test_participants_of_a_draft_meeting_stay_hidden_from_person_pages(visitor):
    person = PersonFactory(last_name="Muster")
    MeetingParticipationFactory(person=person, meeting=MeetingFactory(hidden=True, title="Geheim"))
    assert "Geheim" not in visitor.get(person.get_absolute_url()).content.decode()


def test_deleting_a_record_drops_its_waiting_change(as_editor, as_publisher):
    article = ArticleFactory(title="Alt")
    edit(as_editor, article, title="Neu")
    assert as_publisher.post(admin_url(article, "delete"), {"post": "yes"}).status_code == 302
    assert not ChangeRequest.objects.exists()


def test_article_list_says_which_articles_wait_for_release(as_publisher):
    ArticleFactory(title="Eingereicht", status=Article.Status.REVIEW)
    page = as_publisher.get(reverse("admin:news_article_changelist")).content.decode()
    assert '<td class="field-state">Zur Freigabe eingereicht</td>' in page
    assert '<td class="field-state">online</td>' not in page


def test_preview_of_hidden_articles_only_for_those_who_may_view_them(client, editor):
    draft = ArticleFactory(draft=True, title="Geheimer Entwurf")
    url = draft.get_preview_url()
    assert client.get(url).status_code == 404  # never a redirect naming the admin
    client.force_login(UserFactory(username="ohne-gruppe", is_staff=True))
    assert client.get(url).status_code == 403
    client.force_login(editor)
    assert "Geheimer Entwurf" in client.get(url).content.decode()


def test_feed_of_a_topic_only_drafts_use_is_not_found(visitor):
    ArticleFactory(draft=True, tags=["Vertraulich"])
    assert visitor.get("/aktuelles/thema/vertraulich/").status_code == 404
    assert visitor.get("/aktuelles/thema/vertraulich/feed/").status_code == 404
    ArticleFactory(tags=["Vertraulich"])
    assert visitor.get("/aktuelles/thema/vertraulich/feed/").status_code == 200


@pytest.mark.parametrize(
    ("model_name", "field_name"),
    [("article", "meetings"), ("article", "people"), ("meeting", "host_municipality")],
)
def test_autocomplete_answers_editors_and_refuses_staff_without_group(
    client, editor, model_name, field_name
):
    app_label = "news" if model_name == "article" else "network"
    MunicipalityFactory(name="Ahlen")
    url = reverse("admin:autocomplete")
    query = {
        "app_label": app_label,
        "model_name": model_name,
        "field_name": field_name,
        "term": "A",
    }
    client.force_login(UserFactory(username="ohne-gruppe", is_staff=True))
    assert client.get(url, query).status_code == 403
    client.force_login(editor)
    assert client.get(url, query).status_code == 200


def test_release_whose_linked_record_was_deleted_is_refused_in_german(as_editor, as_publisher):
    article = ArticleFactory(title="Mit Treffen")
    meeting = MeetingFactory()
    edit(as_editor, article, meetings=[str(meeting.pk)])
    meeting.delete()
    response = release(as_publisher, article)
    assert response.status_code == 302
    page = as_publisher.get(response["Location"]).content.decode()
    assert "wurde inzwischen gelöscht" in page
    assert not article.meetings.exists()


def test_list_editable_logs_each_row_for_what_happened_to_it(as_editor):
    from django.contrib.admin.models import LogEntry

    online = Page.objects.get(slug="impressum")
    draft = Page.objects.create(title="Entwurf", slug="entwurf", is_published=False)
    changelist = reverse("admin:pages_page_changelist")
    form = scraped_form(as_editor.get(changelist).content.decode())
    for index in range(int(form["form-TOTAL_FORMS"][0])):
        form[f"form-{index}-position"] = [str(70 + index)]
    form["_save"] = ["Sichern"]
    as_editor.post(changelist, form)
    messages = dict(
        LogEntry.objects.filter(object_id__in=[online.pk, draft.pk]).values_list(
            "object_id", "change_message"
        )
    )
    assert "Freigabe vorgeschlagen" in messages[str(online.pk)]
    assert "Freigabe vorgeschlagen" not in messages[str(draft.pk)]


def test_read_only_pages_show_no_edit_token_and_deletes_list_no_link_rows(as_editor, as_publisher):
    municipality = MunicipalityFactory()
    assert "Edit token" not in as_editor.get(admin_url(municipality)).content.decode()
    article = ArticleFactory()
    article.meetings.add(MeetingFactory())
    page = as_publisher.get(admin_url(article, "delete")).content.decode()
    assert "object (" not in page and "Beziehung" not in page


def test_author_is_chosen_from_the_staff_without_an_autocomplete(as_editor, editor):
    page = as_editor.get(reverse("admin:news_article_add")).content.decode()
    assert f'<option value="{editor.pk}" selected>' in page


def test_topic_admin_refuses_a_name_that_differs_only_in_case(as_publisher):
    Topic.objects.create(name="Schule")
    response = as_publisher.post(reverse("admin:news_topic_add"), {"name": "schule", "slug": ""})
    assert response.status_code == 200
    assert "gibt es schon" in response.content.decode()
    assert Topic.objects.count() == 1


def test_preview_shows_the_waiting_change_and_visitors_the_live_text(as_editor, visitor):
    article = ArticleFactory(title="Ahlen plant")
    edit(as_editor, article, title="Ahlen hat geplant", _preview="Sichern und Vorschau")
    preview = as_editor.get(article.get_preview_url()).content.decode()
    assert "Ahlen hat geplant" in preview and "auf Freigabe wartet" in preview
    public = visitor.get(article.get_absolute_url()).content.decode()
    assert "Ahlen hat geplant" not in public and "Ahlen plant" in public


def test_every_version_of_a_proposal_and_its_rejection_stay_on_record(
    as_editor, as_publisher, publisher
):
    article = ArticleFactory(title="Ahlen plant")
    edit(as_editor, article, title="Fassung A")
    edit(as_editor, article, title="Fassung B")
    waiting = ChangeRequest.objects.for_object(article).get()
    url = reverse("admin:editorial_changerequest_change", args=[waiting.pk])
    assert as_publisher.post(url, {"_reject": "Verwerfen"}).status_code == 302

    versions = ChangeRequest.history.filter(id=waiting.pk).order_by("history_date")
    assert [v.changes.get("title") for v in versions] == ["Fassung A", "Fassung B", "Fassung B"]
    assert versions.last().history_type == "-"
    logged = LogEntry.objects.filter(object_id=str(article.pk)).latest("action_time")
    assert logged.user == publisher
    assert "Vorgeschlagene Änderung von redakteurin verworfen: Titel" in logged.get_change_message()


def test_freigabe_finds_new_records_waiting_for_a_first_release_beside_the_changes(
    as_publisher, as_editor
):
    as_editor.post(reverse("admin:news_article_add"), article_admin_form(_submit_review="x"))
    MeetingFactory(is_published=False)
    PersonFactory(is_published=True)
    page = as_publisher.get(reverse("admin:editorial_changerequest_changelist")).content.decode()
    assert "Neu und noch nicht freigegeben" in page
    assert "?status__exact=review" in page and "Artikel: 1" in page
    assert "Treffen: 1" in page and "Personen: " not in page
    assert as_publisher.get(reverse("admin:news_article_changelist") + "?status__exact=review")
