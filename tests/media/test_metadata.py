import io

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import ExifTags, Image

from apps.media.models import Photo
from apps.media.renditions import WEBP, photo_renditions
from apps.media.services import photo_create_renditions
from tests.factories.media import image_upload

pytestmark = pytest.mark.django_db

ORIENTATION = 0x0112


def phone_jpeg():
    """A 300×200 JPEG stored sideways (Orientation 6) with a GPS position and a comment."""
    image = Image.new("RGB", (300, 200), (30, 120, 200))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[ExifTags.Base.Make] = "Telefon"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (51.0, 45.0, 30.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (7.0, 53.0, 10.0),
    }
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, comment=b"Kita Sonnenschein, Lisa M.")
    return buffer.getvalue()


def assert_no_metadata(image):
    exif = image.getexif()
    assert ORIENTATION not in exif
    assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert "exif" not in image.info
    assert "comment" not in image.info
    assert "xmp" not in image.info


def test_test_photo_really_carries_orientation_and_gps():
    with Image.open(io.BytesIO(phone_jpeg())) as image:
        assert image.getexif()[ORIENTATION] == 6
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] == "N"


def test_uploaded_photo_is_stored_upright_without_gps_or_exif(client, admin_user):
    client.force_login(admin_user)

    response = client.post(
        reverse("admin:media_photo_add"),
        {"image": image_upload("IMG_0042.jpg", phone_jpeg()), "alt_text": "Ein blaues Bild"},
    )

    assert response.status_code == 302
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (200, 300)
    with default_storage.open(photo.image.name) as stored, Image.open(stored) as image:
        assert image.size == (200, 300)
        assert_no_metadata(image)
    assert photo.file_size == default_storage.size(photo.image.name)


def test_renditions_carry_no_metadata(client, admin_user):
    client.force_login(admin_user)
    client.post(
        reverse("admin:media_photo_add"),
        {"image": image_upload("IMG_0042.jpg", phone_jpeg()), "alt_text": "Ein blaues Bild"},
    )
    photo = Photo.objects.get()

    names = photo_create_renditions(photo=photo)

    assert names
    for name in names:
        with default_storage.open(name) as stored, Image.open(stored) as image:
            assert_no_metadata(image)
    for rendition in photo_renditions(photo, image_format=WEBP):
        assert rendition.height > rendition.width  # upright, like the corrected original
