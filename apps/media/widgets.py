"""Admin widgets of the photo library: thumbnails, the photo chooser, the focal point."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Photo
from .renditions import WEBP, photo_renditions

THUMBNAIL_WIDTH = 120
PREVIEW_WIDTH = 480

PHOTO_LIBRARY_CSS = {"all": ["admin/css/photo_library.css"]}
JQUERY = ["admin/js/vendor/jquery/jquery.min.js", "admin/js/jquery.init.js"]


def photo_thumbnail(photo, *, width=THUMBNAIL_WIDTH):
    """Return an <img> of the smallest WebP rendition for admin lists and inlines."""
    if photo is None or not photo.pk:
        return "–"
    smallest = photo_renditions(photo, image_format=WEBP)[0]
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}" loading="lazy">',
        smallest.url,
        width,
        round(smallest.height * width / smallest.width),
        photo.alt_text,
    )


def photo_preview(photo, *, max_width=PREVIEW_WIDTH):
    """Return the largest WebP rendition of a photo with the width and height to show it."""
    largest = photo_renditions(photo, image_format=WEBP)[-1]
    width = min(largest.width, max_width)
    return largest, width, round(largest.height * width / largest.width)


class PhotoChooserWidget(forms.Widget):
    """A foreign key to a photo: the chosen photo's thumbnail and a searchable thumbnail grid.

    The value travels in a hidden input whose id the admin's "+" link (upload in place) and
    its popup answer use, so a photo uploaded there is chosen at once.
    """

    template_name = "media/widgets/photo_chooser.html"

    class Media:
        css = PHOTO_LIBRARY_CSS
        js = [*JQUERY, "admin/js/photo_chooser.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        photo = None
        if value not in (None, ""):
            photo = Photo.objects.filter(pk=value).first()
        context["photo"] = photo
        context["thumbnail"] = photo_thumbnail(photo) if photo else ""
        context["chooser_url"] = reverse("admin:media_photo_chooser")
        return context

    def value_from_datadict(self, data, files, name):
        return data.get(name)


class FocalPointWidget(forms.NumberInput):
    """The horizontal focal point, set by clicking the preview (or arrow keys on its marker).

    The two numbers stay visible and editable; the script keeps them and the marker in step.
    """

    template_name = "media/widgets/focal_point.html"

    class Media:
        css = PHOTO_LIBRARY_CSS
        js = ["admin/js/photo_focal_point.js"]

    def __init__(self, *, y_field, attrs=None):
        super().__init__(attrs={"min": 0, "max": 100, **(attrs or {})})
        self.y_field = y_field
        self.photo = None

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["y_id"] = widget["attrs"].get("id", "").replace(name, self.y_field)
        widget["help"] = _(
            "Klicken Sie auf das Wichtigste im Bild, oder wählen Sie die Markierung mit der "
            "Tabulatortaste und verschieben Sie sie mit den Pfeiltasten. Die Zahlen darunter "
            "bleiben einzeln änderbar."
        )
        if self.photo is not None:
            rendition, width, height = photo_preview(self.photo)
            widget["preview"] = {"url": rendition.url, "width": width, "height": height}
        return context
