"""The image field of a photo: checked on upload, stored without metadata."""

from django import forms
from django.core.files.base import ContentFile
from django.db import models

from .processing import photo_clean_original
from .validators import ACCEPT_ATTRIBUTE, MESSAGES, validate_photo_file


class PhotoUploadField(forms.FileField):
    """A form field that refuses bad photos with the library's own German messages."""

    default_validators = [validate_photo_file]
    default_error_messages = {"empty": MESSAGES["empty"]}

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs.setdefault("accept", ACCEPT_ATTRIBUTE)
        return attrs


class PhotoImageField(models.ImageField):
    """An ImageField whose new files are stored upright and stripped of EXIF and GPS.

    Cleaning happens here rather than in a form so that no way of saving a photo (admin,
    shell, import) can put an original with personal metadata into the storage.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [validate_photo_file])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("validators") == [validate_photo_file]:
            del kwargs["validators"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhotoUploadField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            clean = photo_clean_original(file.file)
            model_instance.format = clean.format
            model_instance.width = clean.width
            model_instance.height = clean.height
            model_instance.file_size = len(clean.content)
            file.file = ContentFile(clean.content, name=file.name)
        return super().pre_save(model_instance, add)
