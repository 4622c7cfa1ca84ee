"""The photo library editors expect: a grid of thumbnails, upload of several files with
progress, choosing from thumbnails, and the focal point set on the image."""

import json

import pytest
from django.contrib import admin
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.media.admin import PhotoChooserMixin
from apps.media.models import Photo
from apps.media.renditions import WEBP, photo_renditions
from apps.media.widgets import PhotoChooserWidget
from apps.news.models import ArticlePhoto
from tests.factories import ArticleFactory, PhotoFactory, UserFactory
from tests.factories.media import image_upload

pytestmark = pytest.mark.django_db

UPLOAD_URL = "admin:media_photo_upload"
NOT_AN_IMAGE = "Diese Datei ist kein Foto im Format JPEG, PNG, WebP oder GIF."


def thumbnail_url(photo):
    return photo_renditions(photo, image_format=WEBP)[0].url


def upload(client, *files, json_answer=True, **data):
    headers = {"Accept": "application/json"} if json_answer else {}
    return client.post(reverse(UPLOAD_URL), {"image": list(files), **data}, headers=headers)


# The grid


def test_photo_list_is_a_grid_of_thumbnails_linking_to_each_photo(editor_client):
    photo = PhotoFactory(caption="Roll-Up beim Fachtag")

    content = editor_client.get(reverse("admin:media_photo_changelist")).content.decode()

    assert 'class="photo-grid"' in content
    assert f'src="{thumbnail_url(photo)}"' in content
    assert reverse("admin:media_photo_change", args=[photo.pk]) in content
    assert "Roll-Up beim Fachtag" in content
    assert reverse(UPLOAD_URL) in content  # "Mehrere Fotos hochladen"


def test_photo_grid_search_shows_only_matching_photos(editor_client):
    found = PhotoFactory(caption="Sommerfest im Familienzentrum")
    other = PhotoFactory(caption="Gruppenfoto Lenkungsgruppe")

    content = editor_client.get(
        reverse("admin:media_photo_changelist"), {"q": "Sommerfest"}
    ).content.decode()

    assert f'src="{thumbnail_url(found)}"' in content
    assert f'src="{thumbnail_url(other)}"' not in content


def test_photo_grid_offers_the_lists_sortable_columns_as_links(editor_client):
    PhotoFactory(caption="B", credit="Zora Zimmer")
    PhotoFactory(caption="A", credit="Anna Abel")
    url = reverse("admin:media_photo_changelist")

    content = editor_client.get(url).content.decode()
    order = content.split('aria-label="Sortierung"')[1].split("</nav>")[0]
    credit_link = order.split("Fotograf/in oder Quelle")[0].rsplit('href="', 1)[1].split('"')[0]
    result = editor_client.get(url + credit_link.replace("&amp;", "&")).context["cl"].result_list

    assert "Verwendungen" in order and "Aufnahmedatum" in order
    assert [photo.credit for photo in result] == ["Anna Abel", "Zora Zimmer"]


def test_photo_grid_keeps_the_delete_action_for_those_who_may_delete(superuser_client, editor):
    editor_client = Client()
    editor_client.force_login(editor)
    photo = PhotoFactory()
    url = reverse("admin:media_photo_changelist")
    checkbox = f'name="_selected_action" value="{photo.pk}"'

    response = superuser_client.post(
        url, {"action": "delete_selected", "_selected_action": [photo.pk], "index": 0}
    )

    assert checkbox in superuser_client.get(url).content.decode()
    assert "Sind Sie sicher" in response.content.decode()
    assert checkbox not in editor_client.get(url).content.decode()


def test_photo_grid_marks_and_filters_photos_without_alt_text(editor_client):
    described = PhotoFactory(caption="Beschrieben")
    undescribed = PhotoFactory(caption="Unbeschrieben", alt_text="")

    response = editor_client.get(
        reverse("admin:media_photo_changelist"), {"alternativtext": "fehlt"}
    )

    assert list(response.context["cl"].result_list) == [undescribed]
    assert "Alternativtext fehlt" in response.content.decode()
    assert described.caption not in response.content.decode()


def test_photo_grid_query_count_does_not_grow_with_the_library(editor_client):
    PhotoFactory.create_batch(2)
    url = reverse("admin:media_photo_changelist")
    with CaptureQueriesContext(connection) as few:
        editor_client.get(url)
    PhotoFactory.create_batch(10)
    with CaptureQueriesContext(connection) as many:
        response = editor_client.get(url)

    assert response.content.decode().count('class="photo-tile"') == 12
    assert len(many) == len(few)


# Upload of several files


def test_upload_page_has_a_drop_zone_with_a_multiple_file_input(editor_client):
    content = editor_client.get(reverse(UPLOAD_URL)).content.decode()

    assert "data-photo-dropzone" in content
    file_input = content[content.index('<input type="file"') :].split(">")[0]
    assert 'name="image"' in file_input and "multiple" in file_input
    assert "admin/js/photo_upload.js" in content
    assert "csrfmiddlewaretoken" in content


def test_upload_stores_a_valid_jpeg_with_renditions_and_answers_json(editor_client, stored_files):
    response = upload(editor_client, image_upload("Sommerfest.jpg", size=(1200, 800)))

    assert response.status_code == 201
    assert response["Content-Type"] == "application/json"
    answer = response.json()
    photo = Photo.objects.get()
    assert answer["ok"] is True
    assert answer["photo"]["id"] == photo.pk
    assert answer["photo"]["change_url"] == reverse("admin:media_photo_change", args=[photo.pk])
    assert thumbnail_url(photo) in answer["photo"]["thumbnail"]
    assert photo.format == "JPEG" and photo.alt_text == ""
    # The original plus 3 + 2 widths in WebP and in JPEG.
    renditions = [name for name in stored_files() if "renditions" in str(name)]
    assert len(renditions) == 10


def test_upload_refuses_a_renamed_pdf_with_the_admin_forms_message_and_stores_nothing(
    editor_client, stored_files
):
    pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"

    response = upload(editor_client, image_upload("bericht.jpg", pdf))

    assert response.status_code == 400
    answer = response.json()
    assert answer["ok"] is False
    assert any(NOT_AN_IMAGE in error for error in answer["errors"])
    assert Photo.objects.count() == 0
    assert stored_files() == []


def test_upload_is_in_the_admins_history_like_an_added_photo(editor_client, editor):
    from django.contrib.admin.models import ADDITION, CHANGE, LogEntry

    upload(editor_client, image_upload())
    photo = Photo.objects.get()
    editor_client.post(
        reverse("admin:media_photo_alt_text", args=[photo.pk]), {"alt_text": "Ein Plakat"}
    )

    entries = LogEntry.objects.filter(object_id=str(photo.pk), user=editor).order_by("pk")
    assert [entry.action_flag for entry in entries] == [ADDITION, CHANGE]


def test_several_files_in_one_request_get_one_answer_each(editor_client):
    response = upload(editor_client, image_upload("a.jpg"), image_upload("b.jpg", b"kaputt"))

    answer = response.json()
    assert answer["ok"] is False
    assert [(r["name"], r["ok"]) for r in answer["results"]] == [("a.jpg", True), ("b.jpg", False)]
    assert Photo.objects.count() == 1


def test_upload_without_a_file_says_so_in_german(editor_client):
    response = upload(editor_client)

    assert response.status_code == 400
    assert "Dieses Feld ist zwingend erforderlich." in response.json()["errors"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_upload_is_refused_to_staff_without_add_photo(client, method):
    client.force_login(UserFactory(username="ohne-rechte", is_staff=True))

    data = {"image": image_upload()} if method == "post" else {}
    response = getattr(client, method)(reverse(UPLOAD_URL), data)

    assert response.status_code == 403
    assert Photo.objects.count() == 0


def test_upload_without_script_stores_every_file_and_lists_those_without_alt_text(
    editor_client,
):
    response = upload(
        editor_client,
        image_upload("a.jpg"),
        image_upload("b.png", image_format="PNG"),
        image_upload("kaputt.jpg", b"kein Bild"),
        json_answer=False,
    )

    assert response.status_code == 302
    assert response["Location"].endswith("?alternativtext=fehlt")
    assert sorted(Photo.objects.values_list("format", flat=True)) == ["JPEG", "PNG"]
    shown = [str(m) for m in response.wsgi_request._messages]
    assert any("kaputt.jpg" in m and NOT_AN_IMAGE in m for m in shown)


def test_alt_text_typed_after_upload_is_stored_and_required(editor_client):
    photo = PhotoFactory(alt_text="")
    url = reverse("admin:media_photo_alt_text", args=[photo.pk])

    empty = editor_client.post(url, {"alt_text": ""})
    saved = editor_client.post(url, {"alt_text": "Zwei Kinder malen ein Bild"})

    assert empty.status_code == 400
    assert empty.json()["errors"] == ["Bitte einen Alternativtext eingeben."]
    assert saved.json()["ok"] is True
    photo.refresh_from_db()
    assert photo.alt_text == "Zwei Kinder malen ein Bild"


def test_alt_text_of_a_photo_in_a_published_article_is_refused_to_editors(editor_client):
    photo = PhotoFactory(alt_text="Alt")
    ArticlePhoto.objects.create(article=ArticleFactory(), photo=photo)

    response = editor_client.post(
        reverse("admin:media_photo_alt_text", args=[photo.pk]), {"alt_text": "Neu"}
    )

    assert response.status_code == 403
    photo.refresh_from_db()
    assert photo.alt_text == "Alt"


# Choosing a photo from thumbnails


def test_chooser_lists_photos_with_thumbnails_and_searches(editor_client):
    wanted = PhotoFactory(caption="Elterncafé in der Kita")
    other = PhotoFactory(caption="Lenkungsgruppe")
    url = reverse("admin:media_photo_chooser")

    everything = editor_client.get(url).content.decode()
    searched = editor_client.get(url, {"q": "Elterncafé"}).content.decode()

    for photo in (wanted, other):
        assert f'data-photo-choice="{photo.pk}"' in everything
        assert f'src="{thumbnail_url(photo)}"' in everything
    assert f'data-photo-choice="{wanted.pk}"' in searched
    assert f'data-photo-choice="{other.pk}"' not in searched


def test_chooser_offers_photos_without_alt_text_only_after_it_is_added(editor_client):
    photo = PhotoFactory(alt_text="")

    content = editor_client.get(reverse("admin:media_photo_chooser")).content.decode()

    assert f'data-photo-choice="{photo.pk}"' not in content
    assert "Alternativtext fehlt" in content


def test_chooser_answers_one_photo_by_id_for_the_widgets_preview(editor_client):
    photo, other = PhotoFactory.create_batch(2)

    content = editor_client.get(
        reverse("admin:media_photo_chooser"), {"id": photo.pk}
    ).content.decode()

    assert f'data-photo-choice="{photo.pk}"' in content
    assert f'data-photo-choice="{other.pk}"' not in content


def test_chooser_is_refused_to_staff_without_view_photo(client):
    client.force_login(UserFactory(username="ohne-rechte", is_staff=True))

    assert client.get(reverse("admin:media_photo_chooser")).status_code == 403


def test_chooser_widget_shows_the_chosen_photo_and_keeps_its_id():
    photo = PhotoFactory(caption="Netzwerktreffen")

    html = PhotoChooserWidget().render("photo", photo.pk, attrs={"id": "id_photo"})

    assert f'<input type="hidden" name="photo" value="{photo.pk}" id="id_photo">' in html
    assert f'src="{thumbnail_url(photo)}"' in html
    assert f'data-chooser-url="{reverse("admin:media_photo_chooser")}"' in html
    assert "Foto aus der Bibliothek wählen" in html
    assert PhotoChooserWidget().value_from_datadict({"photo": "7"}, {}, "photo") == "7"


def test_chooser_mixin_puts_the_widget_on_an_inline_with_upload_in_place(editor):
    class ChooserInline(PhotoChooserMixin, admin.TabularInline):
        model = ArticlePhoto
        photo_chooser_fields = ["photo"]

    request = RequestFactory().get("/")
    request.user = editor
    inline = ChooserInline(ArticlePhoto, admin.site)
    field = inline.formfield_for_dbfield(ArticlePhoto._meta.get_field("photo"), request)
    photo = PhotoFactory()

    assert isinstance(field.widget.widget, PhotoChooserWidget)
    assert field.widget.can_add_related  # the "+" uploads a photo in place
    assert field.clean(str(photo.pk)) == photo
    html = field.widget.render("article_photos-0-photo", photo.pk, {"id": "id_x"})
    assert 'id="add_id_article_photos-0-photo"' in html
    assert "<option" not in html
    assert "admin/js/photo_chooser.js" in str(field.widget.media)


# The focal point and saving


def test_focal_point_widget_shows_the_preview_and_round_trips_the_values(editor_client):
    photo = PhotoFactory(focal_x=20, focal_y=80, renditions=True)
    url = reverse("admin:media_photo_change", args=[photo.pk])

    content = editor_client.get(url).content.decode()

    assert 'data-focal-point data-x-input="id_focal_x" data-y-input="id_focal_y"' in content
    assert f'src="{photo_renditions(photo, image_format=WEBP)[-1].url}"' in content
    assert 'name="focal_x" value="20"' in content and 'name="focal_y" value="80"' in content
    assert "admin/js/photo_focal_point.js" in content
    assert "admin/js/photo_library.js" in content  # "Foto wird gespeichert …"

    response = editor_client.post(
        url,
        {
            "alt_text": photo.alt_text,
            "caption": photo.caption,
            "credit": photo.credit,
            "focal_x": "30",
            "focal_y": "65",
            "_continue": "1",
        },
    )

    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.focal_point == (30, 65)
    assert 'name="focal_x" value="30"' in editor_client.get(url).content.decode()


def test_focal_point_above_100_is_refused(editor_client):
    photo = PhotoFactory(focal_x=20, focal_y=80)

    response = editor_client.post(
        reverse("admin:media_photo_change", args=[photo.pk]),
        {"alt_text": photo.alt_text, "focal_x": "130", "focal_y": "50"},
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["focal_x"]
    photo.refresh_from_db()
    assert photo.focal_x == 20


def test_upload_answer_is_valid_json_for_a_script(editor_client):
    response = upload(editor_client, image_upload())

    assert json.loads(response.content)["photo"]["alt_text_url"] == reverse(
        "admin:media_photo_alt_text", args=[Photo.objects.get().pk]
    )
