import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from apps.media.models import Photo
from apps.media.services import photo_create_renditions, photo_delete, photo_save
from tests.factories import ArticlePhotoFactory, PhotoFactory
from tests.factories.media import image_upload

pytestmark = pytest.mark.django_db


def test_admin_refuses_to_delete_a_photo_an_article_uses_and_names_the_article(
    superuser_client, stored_files
):
    use = ArticlePhotoFactory(article__title="Lernnetzwerktreffen in Neuss", photo__renditions=True)
    files_before = stored_files()
    assert len(files_before) == 1 + 8

    response = superuser_client.post(
        reverse("admin:media_photo_delete", args=[use.photo.pk]), {"post": "yes"}
    )

    content = response.content.decode()
    assert "Lernnetzwerktreffen in Neuss" in content
    assert "wird noch in diesen Artikeln verwendet" in content
    assert Photo.objects.filter(pk=use.photo.pk).exists()
    assert stored_files() == files_before


def test_bulk_delete_refuses_used_photos_too(superuser_client):
    use = ArticlePhotoFactory(article__title="Fachtag Kinderstark")

    response = superuser_client.post(
        reverse("admin:media_photo_changelist"),
        {"action": "delete_selected", "_selected_action": [use.photo.pk], "post": "yes"},
    )

    assert "Fachtag Kinderstark" in response.content.decode()
    assert Photo.objects.filter(pk=use.photo.pk).exists()


def test_admin_deletes_an_unused_photo_with_its_files(
    superuser_client, stored_files, django_capture_on_commit_callbacks
):
    photo = PhotoFactory(renditions=True)
    assert len(stored_files()) == 1 + 8  # 480 and 640 wide, two shapes, two formats

    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(
            reverse("admin:media_photo_delete", args=[photo.pk]), {"post": "yes"}
        )

    assert response.status_code == 302
    assert not Photo.objects.exists()
    assert stored_files() == []


def test_service_refuses_to_delete_a_used_photo():
    use = ArticlePhotoFactory()

    with pytest.raises(ProtectedError):
        photo_delete(photo=use.photo)


def test_replacing_the_image_removes_the_old_files(
    stored_files, django_capture_on_commit_callbacks
):
    photo = PhotoFactory(renditions=True)
    old_name = photo.image.name
    assert len(stored_files()) == 1 + 8  # the old original and renditions, to be removed

    with django_capture_on_commit_callbacks(execute=True):
        photo.image = image_upload("neu.png", image_format="PNG", size=(500, 400))
        photo_save(photo=photo)

    names = [str(path) for path in stored_files()]
    assert old_name not in names
    assert sorted(names) == sorted([photo.image.name, *photo_create_renditions(photo=photo)])


def test_deleting_an_article_keeps_its_photos_in_the_library():
    use = ArticlePhotoFactory()

    use.article.delete()

    assert Photo.objects.filter(pk=use.photo.pk).exists()
