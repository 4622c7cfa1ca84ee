import posixpath
import uuid

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .fields import PhotoImageField

EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}


def photo_upload_to(instance, filename):
    """Name the stored file by a random token: file names often carry people's names."""
    extension = EXTENSIONS.get(instance.format) or posixpath.splitext(filename)[1].lower()
    return timezone.localdate().strftime(f"photos/%Y/%m/{uuid.uuid4().hex}{extension}")


class Photo(models.Model):
    class Format(models.TextChoices):
        JPEG = "JPEG", "JPEG"
        PNG = "PNG", "PNG"
        WEBP = "WEBP", "WebP"
        GIF = "GIF", "GIF"

    # Declared first: saving it derives format, width, height and file_size below.
    image = PhotoImageField(
        _("Bilddatei"),
        upload_to=photo_upload_to,
        max_length=255,
        help_text=_(
            "JPEG, PNG, WebP oder GIF. Das Foto wird aufrecht gedreht; Aufnahmeort (GPS) "
            "und andere Metadaten werden entfernt."
        ),
    )
    format = models.CharField(_("Format"), max_length=4, choices=Format.choices, editable=False)
    width = models.PositiveIntegerField(_("Breite (Pixel)"), editable=False)
    height = models.PositiveIntegerField(_("Höhe (Pixel)"), editable=False)
    file_size = models.PositiveBigIntegerField(_("Dateigröße (Bytes)"), editable=False)
    alt_text = models.CharField(
        _("Alternativtext"),
        max_length=300,
        help_text=_(
            "Beschreibt in einem Satz, was auf dem Foto zu sehen ist, für Menschen, die es "
            "nicht sehen können (Pflicht nach BITV 2.0). Nicht mit „Foto von“ beginnen."
        ),
    )
    caption = models.CharField(
        _("Bildunterschrift"),
        max_length=500,
        blank=True,
        help_text=_("Wird unter dem Foto gezeigt, zum Beispiel wer darauf zu sehen ist."),
    )
    credit = models.CharField(
        _("Fotograf/in oder Quelle"),
        max_length=200,
        blank=True,
        help_text=_("Erscheint als „Foto: …“ unter dem Bild."),
    )
    licence = models.CharField(
        _("Lizenz oder Nutzungshinweis"),
        max_length=500,
        blank=True,
        help_text=_(
            "Zum Beispiel „CC BY 4.0“ oder „Nur für die Website der Präventionskette; "
            "Einwilligungen der Abgebildeten liegen vor“. Nur intern sichtbar."
        ),
    )
    taken_on = models.DateField(_("Aufnahmedatum"), null=True, blank=True)
    focal_x = models.PositiveSmallIntegerField(
        _("Bildmittelpunkt waagerecht (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Wo das Wichtigste im Bild liegt, in Prozent von links (0–100). Zuschnitte "
            "bleiben darum zentriert. Leer bedeutet Bildmitte."
        ),
    )
    focal_y = models.PositiveSmallIntegerField(
        _("Bildmittelpunkt senkrecht (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("In Prozent von oben (0–100). Leer bedeutet Bildmitte."),
    )
    # A stable name for photos made by an import (the seed loader), so re-runs reuse them.
    source_key = models.CharField(
        _("Importschlüssel"), max_length=200, blank=True, db_index=True, editable=False
    )
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Foto")
        verbose_name_plural = _("Fotos")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        text = self.caption or self.alt_text or _("Foto")
        return f"{Truncator(text).chars(80)} (#{self.pk})" if self.pk else str(text)

    @property
    def focal_point(self):
        """Return the focal point in percent, the centre when none is set."""
        x = 50 if self.focal_x is None else self.focal_x
        y = 50 if self.focal_y is None else self.focal_y
        return (x, y)

    @property
    def megapixels(self):
        return round(self.width * self.height / 1_000_000, 1)
