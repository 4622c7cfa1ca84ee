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
    """A stored photo; with `renditions=True` saved through photo_save, renditions and all.

    Making the renditions costs about half a second a photo, so only tests that read, serve
    or count rendition files ask for them. Pages, feeds and query counts need only their
    names, which come from the photo's row without touching the storage.
    """

    class Meta:
        model = Photo

    image = factory.LazyFunction(lambda: image_upload())
    alt_text = factory.Sequence(lambda n: f"Fachkräfte im Gespräch beim Netzwerktreffen {n}")
    caption = factory.Faker("sentence", locale="de_DE")
    credit = "Marina Bänke"

    @classmethod
    def _create(cls, model_class, *args, renditions=False, **kwargs):
        photo = model_class(*args, **kwargs)
        if renditions:
            return photo_save(photo=photo)
        # What photo_save does for a new photo, short of making its renditions.
        photo.save()
        return photo
