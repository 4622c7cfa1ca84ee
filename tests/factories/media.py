import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from apps.media.models import Photo
from apps.media.services import photo_save


def image_bytes(size=(640, 480), image_format="JPEG", color=(200, 80, 40), **save_options):
    """Return the bytes of a plain image made by Pillow."""
    mode = "RGBA" if image_format in ("PNG", "WEBP") and save_options.pop("alpha", False) else "RGB"
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format=image_format, **save_options)
    return buffer.getvalue()


def encode_image(image, image_format="PNG"):
    """Return the bytes of a Pillow image."""
    buffer = io.BytesIO()
    image.save(buffer, format=image_format)
    return buffer.getvalue()


def image_upload(name="foto.jpg", content=None, **kwargs):
    return SimpleUploadedFile(name, content if content is not None else image_bytes(**kwargs))


class PhotoFactory(factory.django.DjangoModelFactory):
    """A stored photo with its renditions, saved the way the admin saves it."""

    class Meta:
        model = Photo

    image = factory.LazyFunction(lambda: image_upload())
    alt_text = factory.Sequence(lambda n: f"Fachkräfte im Gespräch beim Netzwerktreffen {n}")
    caption = factory.Faker("sentence", locale="de_DE")
    credit = "Marina Bänke"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return photo_save(photo=model_class(*args, **kwargs))
