from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from simple_history.models import HistoricalRecords

from apps.core.text import RICH_TEXT_EXTENSIONS, german_slugify, sanitize_rich_text

# The page with this slug is not a page of its own: its text introduces the home page.
HOME_INTRO_SLUG = "startseite"


class PageQuerySet(models.QuerySet):
    def published(self):
        """Return pages that visitors may see."""
        return self.filter(is_published=True)


class Page(models.Model):
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(
        _("Adresse"),
        max_length=100,
        unique=True,
        help_text=_("Die Seite erscheint unter /<Adresse>/, z. B. „impressum“."),
    )
    body = ProseEditorField(
        _("Text"),
        blank=True,
        config={"extensions": RICH_TEXT_EXTENSIONS},
        sanitize=sanitize_rich_text,
    )
    description = models.CharField(
        _("Kurzbeschreibung"), max_length=300, blank=True, help_text=_("Für Suchmaschinen.")
    )
    # New pages start hidden, like articles, meetings and people.
    is_published = models.BooleanField(_("veröffentlicht"), default=False)
    in_footer = models.BooleanField(_("im Fußbereich verlinken"), default=False)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    history = HistoricalRecords(verbose_name=_("Version einer Seite"))

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("Seite")
        verbose_name_plural = _("Seiten")
        ordering = ["position", "title"]
        permissions = [("publish_page", _("Seiten veröffentlichen, verbergen und löschen"))]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = german_slugify(self.title, max_length=100)
        self.body = sanitize_rich_text(self.body or "")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        if self.slug == HOME_INTRO_SLUG:
            return reverse("home")
        return reverse("pages:page_detail", kwargs={"slug": self.slug})
