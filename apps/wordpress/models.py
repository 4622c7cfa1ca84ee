from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """Which record import_wordpress made for a post, page or attachment of a WordPress site,
    and the post's old address there.

    The import finds its records again by the WordPress GUID, never by a title or slug that
    editors may change; a key whose record is gone was deleted by an editor and is not made
    again. Old addresses answer with a redirect while the record is public.
    """

    class Kind(models.TextChoices):
        POST = "post", _("Beitrag")
        PAGE = "page", _("Seite")
        ATTACHMENT = "attachment", _("Anhang")

    key = models.CharField(_("WordPress-GUID"), max_length=500, unique=True)
    post_id = models.PositiveBigIntegerField(_("WordPress-ID"), db_index=True)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    # The path of the old permalink, decoded and without its trailing slash ("/2017/03/fest").
    old_path = models.CharField(_("alte Adresse"), max_length=500, blank=True, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    # What the WordPress item said when it was last imported, and what the import wrote:
    # a later run updates a record only if WordPress changed it and editors here did not.
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    written_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("übernommen"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zuletzt abgeglichen"), auto_now=True)

    class Meta:
        verbose_name = _("aus WordPress übernommener Eintrag")
        verbose_name_plural = _("aus WordPress übernommene Einträge")
        ordering = ["kind", "post_id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.post_id}"
