from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SeedRecord(models.Model):
    """Which record the seed loader made for an entry of the seed files.

    The loader finds its records again by this key, never by a slug or name that editors may
    change; a key whose record is gone was deleted by an editor and is not made again.
    """

    key = models.CharField(_("Schlüssel in den Startinhalten"), max_length=300, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)

    class Meta:
        verbose_name = _("Eintrag aus den Startinhalten")
        verbose_name_plural = _("Einträge aus den Startinhalten")

    def __str__(self):
        return self.key
