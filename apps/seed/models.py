from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SeedText(models.Model):
    """One of the texts the seed content was taken from (fixtures/seed/texts.toml)."""

    key = models.CharField(_("Kennung"), max_length=10, unique=True)
    title = models.CharField(_("Titel"), max_length=300)
    site = models.CharField(_("Website"), max_length=300)
    filename = models.CharField(_("Datei"), max_length=200)

    class Meta:
        ordering = ["key"]
        verbose_name = _("Quelltext der Startinhalte")
        verbose_name_plural = _("Quelltexte der Startinhalte")

    def __str__(self):
        return f"Text {self.key}: „{self.title}“ ({self.site})"


class SeedRecord(models.Model):
    """Which record the seed loader made for an entry of the seed files, and from which texts.

    The loader finds its records again by this key, never by a slug or name that editors may
    change; a key whose record is gone was deleted by an editor and is not made again.
    """

    key = models.CharField(_("Schlüssel in den Startinhalten"), max_length=300, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    sources = models.ManyToManyField(
        SeedText, blank=True, related_name="records", verbose_name=_("Quellen")
    )
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)

    class Meta:
        verbose_name = _("Eintrag aus den Startinhalten")
        verbose_name_plural = _("Einträge aus den Startinhalten")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.key
