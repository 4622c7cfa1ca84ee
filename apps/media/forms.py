"""Admin forms of the photo library: the change form, the drop-zone upload, the alt text."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Photo
from .widgets import FocalPointWidget


class PhotoAdminForm(forms.ModelForm):
    """The change form: the focal point is set by clicking the preview."""

    class Meta:
        model = Photo
        fields = [
            "image",
            "alt_text",
            "caption",
            "credit",
            "licence",
            "taken_on",
            "focal_x",
            "focal_y",
        ]
        widgets = {"focal_x": FocalPointWidget(y_field="focal_y")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "focal_x" in self.fields:
            self.fields["focal_x"].widget.photo = self.instance if self.instance.pk else None


class PhotoUploadForm(forms.ModelForm):
    """One file dropped on the upload page: the same field and checks as the change form.

    The alt text may follow once the file is stored (the upload page asks for it at once).
    """

    class Meta:
        model = Photo
        fields = ["image", "alt_text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alt_text"].required = False


class PhotoAltTextForm(forms.ModelForm):
    """The alt text typed on the upload page right after a file was stored."""

    class Meta:
        model = Photo
        fields = ["alt_text"]
        error_messages = {"alt_text": {"required": _("Bitte einen Alternativtext eingeben.")}}
