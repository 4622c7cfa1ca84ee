import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.media.models import Photo
from tests.factories import ArticleFactory, PhotoFactory
from tests.factories.media import image_upload

pytestmark = pytest.mark.django_db


def changelist(client, **params):
    return client.get(reverse("admin:media_photo_changelist"), params)


def test_photo_list_shows_thumbnails(editor_client):
    photo = PhotoFactory()

    content = changelist(editor_client).content.decode()

    assert f"renditions/{photo.image.name.rsplit('.', 1)[0]}/" in content
    assert 'class="photo-grid"' in content
    assert 'width="200"' in content


def test_photo_list_searches_caption_credit_and_alt_text(editor_client):
    PhotoFactory(caption="Roll-Up ISA", credit="Stadt Ahlen", alt_text="Ein Plakat")
    PhotoFactory(caption="Gruppenfoto", credit="Marina Bänke", alt_text="Zwölf Menschen")

    for term, expected in [
        ("Roll-Up", "Roll-Up ISA"),
        ("Bänke", "Gruppenfoto"),
        ("Zwölf", "Gruppenfoto"),
    ]:
        result = changelist(editor_client, q=term).context["cl"].result_list
        assert [photo.caption for photo in result] == [expected]


def test_photo_list_filters_by_format_and_year(editor_client):
    PhotoFactory(caption="Sommerfest", taken_on=datetime.date(2019, 7, 1))
    PhotoFactory(caption="Grafik", image=image_upload("g.png", image_format="PNG"))

    by_format = changelist(editor_client, format__exact="PNG").context["cl"].result_list
    by_year = changelist(editor_client, jahr="2019").context["cl"].result_list

    assert [photo.caption for photo in by_format] == ["Grafik"]
    assert [photo.caption for photo in by_year] == ["Sommerfest"]


def test_year_filter_falls_back_to_the_upload_year(editor_client):
    PhotoFactory(caption="Ohne Aufnahmedatum")
    this_year = str(timezone.localdate().year)

    result = changelist(editor_client, jahr=this_year).context["cl"].result_list

    assert [photo.caption for photo in result] == ["Ohne Aufnahmedatum"]
    assert not changelist(editor_client, jahr="2019").context["cl"].result_list


def test_photo_list_query_count_does_not_grow_with_the_library(editor_client):
    PhotoFactory.create_batch(2)
    with CaptureQueriesContext(connection) as few:
        changelist(editor_client)
    PhotoFactory.create_batch(10)
    with CaptureQueriesContext(connection) as many:
        changelist(editor_client)

    assert len(many) == len(few)


def test_article_form_does_not_list_the_whole_library(editor_client):
    photos = PhotoFactory.create_batch(3)
    article = ArticleFactory(draft=True)  # editors edit drafts

    content = editor_client.get(reverse("admin:news_article_change", args=[article.pk]))
    content = content.content.decode()

    # A search box (autocomplete) or the thumbnail chooser (apps/media/widgets.py).
    assert "admin-autocomplete" in content or "data-photo-chooser" in content
    photo_fields = content[content.index('id="article_photos-group"') :]
    for photo in photos:
        assert f'<option value="{photo.pk}"' not in photo_fields


def test_photo_add_form_shows_required_alt_text_in_german(editor_client):
    response = editor_client.post(
        reverse("admin:media_photo_add"), {"image": image_upload(), "alt_text": ""}
    )

    assert response.context["adminform"].form.errors["alt_text"]
    assert Photo.objects.count() == 0


def test_photo_can_be_uploaded_in_place_from_the_article_form_popup(editor_client):
    response = editor_client.post(
        reverse("admin:media_photo_add") + "?_to_field=id&_popup=1",
        {"image": image_upload(), "alt_text": "Ein Gruppenfoto", "_popup": "1", "_to_field": "id"},
    )

    photo = Photo.objects.get()
    assert response.status_code == 200
    assert "popup_response" in response.content.decode()
    assert f"&quot;value&quot;: &quot;{photo.pk}&quot;" in response.content.decode()


def test_year_filter_offers_the_photo_years_newest_first_and_ignores_a_typed_word(editor_client):
    PhotoFactory(caption="Alt", taken_on=datetime.date(2017, 7, 1))
    PhotoFactory(caption="Neu", taken_on=datetime.date(2019, 7, 1))

    response = changelist(editor_client, jahr="zweitausend")
    year_filter = next(
        spec
        for spec in response.context["cl"].filter_specs
        if getattr(spec, "parameter_name", "") == "jahr"
    )

    assert [value for value, _label in year_filter.lookup_choices] == ["2019", "2017"]
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 2


@pytest.mark.parametrize("odd", ["²²²²", "①①①①", "99999999999", "0000", "-5"])
def test_odd_year_or_photo_number_shows_the_whole_list_not_an_error(editor_client, odd):
    PhotoFactory(caption="Alt", taken_on=datetime.date(2017, 7, 1))
    response = changelist(editor_client, jahr=odd)
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 1
    chooser = editor_client.get(reverse("admin:media_photo_chooser"), {"id": odd})
    assert chooser.status_code == 200
