from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ChangeRequestQuerySet(models.QuerySet):
    def for_model(self, model):
        """Return the waiting changes of a model's records."""
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        return self.filter(content_type=content_type)

    def for_object(self, obj):
        """Return the waiting change of one record (at most one row)."""
        return self.for_model(type(obj)).filter(object_id=obj.pk)


class ChangeRequest(models.Model):
    """A change a Redaktion member made to a released record, waiting for Freigabe.

    The record itself stays as visitors see it. `changes` holds the proposed value of each
    changed field, `base` the value it had when the change was proposed, so that a release
    can tell when someone changed the same field on the record in the meantime. Values are
    stored as JSON by apps.editorial.changes.
    """

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("Art des Eintrags"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("Nummer des Eintrags"))
    content_object = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(_("Eintrag"), max_length=300)
    changes = models.JSONField(_("vorgeschlagene Werte"), default=dict)
    base = models.JSONField(_("Werte beim Vorschlag"), default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vorgeschlagen von"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("vorgeschlagen am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    objects = ChangeRequestQuerySet.as_manager()
    # Every version of a proposal (a second editor continuing it, a rejection) stays.
    history = HistoricalRecords(verbose_name=_("Fassung einer wartenden Änderung"))

    class Meta:
        verbose_name = _("wartende Änderung")
        verbose_name_plural = _("wartende Änderungen")
        ordering = ["created_at", "id"]
        permissions = [("release_changerequest", _("Änderungen freigeben"))]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="editorial_one_change_per_record"
            )
        ]

    def __str__(self):
        return self.object_repr
