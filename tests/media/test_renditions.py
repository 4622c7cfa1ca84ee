import io
import os

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image

from apps.media.renditions import WEBP, photo_rendition_files, photo_renditions
from apps.media.services import photo_create_renditions, photo_save
from tests.factories import PhotoFactory
from tests.factories.media import encode_image, image_upload

pytestmark = pytest.mark.django_db


def open_rendition(rendition):
    name = rendition.url.removeprefix("/media/")
    with default_storage.open(name) as stored, Image.open(stored) as image:
        image.load()
        return image


def test_renditions_exist_in_three_widths_as_webp_and_original_format_after_save():
    photo = PhotoFactory(image=image_upload(size=(2000, 1500)), renditions=True)

    for image_format, expected in [(WEBP, "WEBP"), (None, "JPEG")]:
        renditions = photo_renditions(photo, image_format=image_format)
        assert [r.width for r in renditions] == [480, 960, 1600]
        for rendition in renditions:
            image = open_rendition(rendition)
            assert image.format == expected
            assert image.size == (rendition.width, rendition.height)
            assert image.size[1] == round(1500 * rendition.width / 2000)


def test_small_photo_is_never_upscaled():
    photo = PhotoFactory(image=image_upload(size=(700, 500)), renditions=True)

    renditions = photo_renditions(photo, image_format=WEBP)

    assert [r.width for r in renditions] == [480, 700]
    assert open_rendition(renditions[-1]).size == (700, 500)


@pytest.mark.parametrize(
    ("source_format", "fallback"), [("PNG", "PNG"), ("GIF", "PNG"), ("WEBP", "JPEG")]
)
def test_fallback_rendition_matches_the_original_kind(source_format, fallback):
    photo = PhotoFactory(image=image_upload("bild", image_format=source_format), renditions=True)

    renditions = photo_renditions(photo)

    assert {open_rendition(r).format for r in renditions} == {fallback}


def test_landscape_shape_is_cropped_around_the_focal_point():
    # Left half black, right half white; the focal point sits in the white half.
    source = Image.new("RGB", (1200, 400), "black")
    source.paste((255, 255, 255), (600, 0, 1200, 400))
    photo = PhotoFactory(
        image=image_upload("x.png", encode_image(source)), focal_x=90, renditions=True
    )

    rendition = photo_renditions(photo, shape="landscape")[0]
    image = open_rendition(rendition)

    assert (rendition.width, rendition.height) == (480, 320)
    assert image.size == (480, 320)
    assert image.convert("L").getpixel((10, 160)) > 200  # white: cropped from the right


def test_each_rendition_is_made_once():
    photo = PhotoFactory()
    names = photo_create_renditions(photo=photo)
    stamps = {name: os.stat(default_storage.path(name)).st_mtime_ns for name in names}

    assert photo_create_renditions(photo=photo) == names
    assert {name: os.stat(default_storage.path(name)).st_mtime_ns for name in names} == stamps


def test_changed_focal_point_replaces_the_cropped_renditions():
    photo = PhotoFactory(image=image_upload(size=(1200, 400)), renditions=True)
    old = {r.url for r in photo_renditions(photo, shape="landscape")}

    photo.focal_x = 0
    photo_save(photo=photo)

    new = {r.url for r in photo_renditions(photo, shape="landscape")}
    assert old.isdisjoint(new)
    for url in old:
        assert not default_storage.exists(url.removeprefix("/media/"))
    for url in new:
        assert default_storage.exists(url.removeprefix("/media/"))


def test_building_urls_does_not_create_missing_renditions(media_root):
    photo = PhotoFactory(renditions=True)
    rendition = photo_renditions(photo, image_format=WEBP)[0]
    name = rendition.url.removeprefix("/media/")
    assert default_storage.exists(name)
    default_storage.delete(name)

    photo_renditions(photo, image_format=WEBP)

    assert not default_storage.exists(name)


def test_command_recreates_missing_renditions():
    photo = PhotoFactory()
    names = photo_create_renditions(photo=photo)
    default_storage.delete(names[0])

    call_command("create_photo_renditions", stdout=io.StringIO())

    assert all(default_storage.exists(name) for name in names)


def animation(image_format, size=(600, 400)):
    frames = [Image.new("RGB", size, color) for color in ("red", "blue", "green")]
    buffer = io.BytesIO()
    frames[0].save(
        buffer, format=image_format, save_all=True, append_images=frames[1:], duration=100
    )
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("cmyk.jpg", encode_image(Image.new("CMYK", (600, 400)), "JPEG"), id="cmyk"),
        pytest.param("grau.jpg", encode_image(Image.new("L", (600, 400), 90), "JPEG"), id="gray"),
        pytest.param("tief.png", encode_image(Image.new("I;16", (600, 400), 3000)), id="16-bit"),
        pytest.param("sw.png", encode_image(Image.new("1", (600, 400), 1)), id="bilevel"),
        pytest.param(
            "glas.webp",
            encode_image(Image.new("RGBA", (600, 400), (255, 0, 0, 90)), "WEBP"),
            id="webp-with-alpha",
        ),
    ],
)
def test_unusual_colour_modes_still_get_every_rendition(name, content):
    photo = PhotoFactory(image=image_upload(name, content))

    names = photo_create_renditions(photo=photo)

    # 480 and 600 wide, in the original and the 3:2 shape, as WebP and as the fallback.
    assert len(names) == 8
    for shape in ("original", "landscape"):
        for image_format in (WEBP, None):
            for rendition in photo_renditions(photo, shape=shape, image_format=image_format):
                assert rendition.url.removeprefix("/media/") in names
                image = open_rendition(rendition)
                assert image.format == rendition.format
                assert image.size == (rendition.width, rendition.height)


@pytest.mark.parametrize("image_format", ["GIF", "WEBP", "PNG"])
def test_animation_stays_animated_in_the_original_and_still_in_renditions(image_format):
    photo = PhotoFactory(image=image_upload("animation", animation(image_format)), renditions=True)

    with default_storage.open(photo.image.name) as stored, Image.open(stored) as image:
        assert image.n_frames == 3
    rendition = photo_renditions(photo, image_format=WEBP)[0]
    assert getattr(open_rendition(rendition), "n_frames", 1) == 1


def test_webp_effort_changes_the_file_size_but_not_its_name_or_picture(settings):
    photo = PhotoFactory(image=image_upload(size=(1200, 800)))
    made = {}
    for method in (0, 6):
        settings.PHOTO_WEBP_METHOD = method
        (_width, rendition), *_ = photo_rendition_files(photo, image_format=WEBP)
        content = rendition.generator.generate().read()
        with Image.open(io.BytesIO(content)) as image:
            made[method] = (rendition.name, image.format, image.size, len(content))

    (fast_name, fast_format, fast_size, fast_bytes) = made[0]
    (small_name, small_format, small_size, small_bytes) = made[6]
    assert fast_name == small_name  # existing renditions stay valid when the setting changes
    assert fast_format == small_format == "WEBP" and fast_size == small_size == (480, 320)
    assert fast_bytes != small_bytes  # the setting reaches the encoder
