import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from PIL import Image

from apps.media.models import Photo
from apps.media.validators import JPEG_MAX_PIXELS_PER_BYTE, jpeg_scan_bytes
from tests.factories.media import image_bytes, image_upload

pytestmark = pytest.mark.django_db


def noise_jpeg(size=(400, 300)):
    buffer = io.BytesIO()
    Image.effect_noise(size, 80).convert("RGB").save(buffer, format="JPEG", quality=95)
    return buffer.getvalue()


def png_claiming(width, height):
    """Return a small real PNG whose IHDR claims another size, with a valid CRC."""
    data = bytearray(image_bytes(size=(8, 8), image_format="PNG"))
    # Signature (8) + chunk length (4) + b"IHDR" (4), then width and height.
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def jpeg_claiming(width, height):
    """A small, sound JPEG whose header says width × height (libjpeg would fill the rest grey)."""
    data = bytearray(image_bytes((16, 16)))
    start = data.find(b"\xff\xc0")  # the frame header: length, precision, height, width
    struct.pack_into(">HH", data, start + 5, height, width)
    return bytes(data)


def padded_with_a_comment(data, size=60_000):
    """The JPEG with a comment segment of size bytes after its start marker."""
    comment = b"\xff\xfe" + (size + 2).to_bytes(2, "big") + b"x" * size
    return data[:2] + comment + data[2:]


def animated_gif(size=(60, 60), frames=5):
    images = [Image.new("RGB", size, (40 * n, 255 - 40 * n, 90)) for n in range(frames)]
    buffer = io.BytesIO()
    images[0].save(buffer, format="GIF", save_all=True, append_images=images[1:], duration=100)
    return buffer.getvalue()


def post_photo(client, upload):
    return client.post(
        reverse("admin:media_photo_add"),
        {"image": upload, "alt_text": "Zwei Koordinatorinnen vor einem Roll-Up", "caption": ""},
    )


NOT_AN_IMAGE = "kein Foto im Format JPEG, PNG, WebP oder GIF"
BROKEN = "beschädigt oder unvollständig"
TOO_MANY_PIXELS = "Megapixel"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param(
            "bericht.jpg",
            b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n",
            NOT_AN_IMAGE,
            id="renamed-pdf",
        ),
        pytest.param(
            "foto.png",
            b"<!DOCTYPE html><html><body><script>alert(1)</script>",
            NOT_AN_IMAGE,
            id="renamed-html",
        ),
        pytest.param(
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            b"<script>alert(document.cookie)</script></svg>",
            NOT_AN_IMAGE,
            id="svg-with-script",
        ),
        pytest.param(
            "ebene.jpg",
            b"8BPS\x00\x01" + b"\x00" * 6 + b"\x00\x03" + b"\x00" * 64,
            NOT_AN_IMAGE,
            id="psd-header",
        ),
        pytest.param("foto.jpg", noise_jpeg()[:6000], BROKEN, id="truncated-jpeg"),
        pytest.param("foto.jpg", jpeg_claiming(7000, 7000), BROKEN, id="jpeg-header-claims-49mp"),
        pytest.param(
            "foto.jpg",
            padded_with_a_comment(jpeg_claiming(7000, 7000), size=65000),
            BROKEN,
            id="jpeg-header-claims-49mp-padded-with-a-comment",
        ),
        pytest.param(
            "foto.jpg",
            jpeg_claiming(7000, 7000) + b"\0" * 200_000,
            BROKEN,
            id="jpeg-header-claims-49mp-padded-after-its-end",
        ),
        pytest.param(
            "riesig.png",
            png_claiming(30000, 30000),
            TOO_MANY_PIXELS,
            id="png-header-claims-30000x30000",
        ),
        pytest.param(
            "gross.png",
            png_claiming(8000, 8000),
            "64 Megapixeln",
            id="png-header-above-our-limit",
        ),
        pytest.param("leer.jpg", b"", "Die Datei ist leer", id="zero-bytes"),
    ],
)
def test_admin_refuses_bad_file_and_stores_nothing(
    editor_client, stored_files, name, content, message
):
    response = post_photo(editor_client, image_upload(name, content))

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["image"]
    assert any(message in error for error in errors), errors
    assert message in response.content.decode()
    assert Photo.objects.count() == 0
    assert stored_files() == []


def test_admin_refuses_animated_gif_whose_frames_add_up_past_the_limit(
    editor_client, stored_files, settings
):
    settings.PHOTO_MAX_PIXELS = 10_000  # one 60×60 frame fits, five do not

    response = post_photo(editor_client, image_upload("animation.gif", animated_gif()))

    errors = response.context["adminform"].form.errors["image"]
    assert "bei Animationen alle Einzelbilder zusammen" in errors[0]
    assert Photo.objects.count() == 0
    assert stored_files() == []


def test_admin_refuses_oversize_file(editor_client, stored_files, settings):
    settings.PHOTO_MAX_UPLOAD_BYTES = 1000

    response = post_photo(editor_client, image_upload("foto.jpg", noise_jpeg()))

    errors = response.context["adminform"].form.errors["image"]
    assert "erlaubt sind höchstens 1000" in errors[0]
    assert Photo.objects.count() == 0
    assert stored_files() == []


def test_admin_accepts_each_allowed_format(editor_client, stored_files):
    for name, image_format in [
        ("a.jpg", "JPEG"),
        ("b.png", "PNG"),
        ("c.webp", "WEBP"),
        ("d.gif", "GIF"),
    ]:
        response = post_photo(editor_client, image_upload(name, image_format=image_format))
        assert response.status_code == 302, response.context["adminform"].form.errors

    assert sorted(Photo.objects.values_list("format", flat=True)) == ["GIF", "JPEG", "PNG", "WEBP"]


def test_stored_name_follows_the_content_not_the_uploaded_name(editor_client):
    post_photo(editor_client, image_upload("Lisa Kalendruschat.png", image_format="JPEG"))

    photo = Photo.objects.get()
    assert photo.format == "JPEG"
    assert photo.image.name.endswith(".jpg")
    assert "Kalendruschat" not in photo.image.name


def test_model_validation_refuses_a_bad_file_outside_the_admin(stored_files):
    photo = Photo(image=ContentFile(b"<svg><script/></svg>", name="x.jpg"), alt_text="Logo")

    with pytest.raises(ValidationError) as error:
        photo.full_clean()

    assert NOT_AN_IMAGE in error.value.message_dict["image"][0]
    assert stored_files() == []


def test_saving_a_bad_file_directly_stores_nothing(stored_files):
    with pytest.raises(ValidationError), transaction.atomic():
        Photo(image=ContentFile(b"%PDF-1.4", name="x.jpg"), alt_text="x").save()

    assert Photo.objects.count() == 0
    assert stored_files() == []


def test_evenly_grey_large_jpeg_is_still_accepted():
    """The forged-size check leaves the most compressible real JPEG alone."""
    from apps.media.validators import check_photo_file

    grey = io.BytesIO()
    Image.new("L", (3000, 3000), 128).save(grey, "JPEG", optimize=True)
    checked = check_photo_file(ContentFile(grey.getvalue(), name="grau.jpg"))
    assert (checked.width, checked.height) == (3000, 3000)


@pytest.mark.parametrize("progressive", [False, True], ids=["baseline", "progressive"])
def test_scan_bytes_count_the_picture_data_not_comments_metadata_or_trailing_bytes(progressive):
    buffer = io.BytesIO()
    Image.new("RGB", (2000, 2000), (128, 128, 128)).save(
        buffer, "JPEG", optimize=True, progressive=progressive, exif=b"Exif\0\0" + b"x" * 5000
    )
    flat_grey = buffer.getvalue()
    scanned = jpeg_scan_bytes(flat_grey)
    assert 0 < scanned < len(flat_grey) - 5000
    # The flattest real picture stays well inside the limit, so it is accepted.
    assert scanned * JPEG_MAX_PIXELS_PER_BYTE > 2000 * 2000
    assert jpeg_scan_bytes(padded_with_a_comment(flat_grey) + b"\0" * 1000) == scanned
