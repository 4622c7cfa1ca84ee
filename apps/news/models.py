from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import JSONObject
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager
from taggit.models import GenericTaggedItemBase, NaturalKeyManager, TagBase

from apps.core.dates import DatePrecision, PrecisionDated, date_iso, date_label, half_of
from apps.core.text import RICH_TEXT_EXTENSIONS, german_slugify, sanitize_rich_text, unique_slug
from apps.media.models import Photo

SLUG_CLASH_MESSAGE = _(
    "Am selben Tag gibt es schon einen Artikel mit diesem Kurznamen. "
    "Bitte einen anderen Kurznamen wählen."
)


class Topic(TagBase):
    """A tag shared by articles and meetings, with a German-aware slug."""

    class Meta:
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")
        ordering = ["name"]

    def slugify(self, tag, i=None):
        slug = german_slugify(tag, max_length=90) or "thema"
        return f"{slug}-{i}" if i is not None else slug

    def get_absolute_url(self):
        return reverse("news:article_tag", kwargs={"slug": self.slug})


class TaggedItemQuerySet(models.QuerySet):
    def of(self, model, ids=None):
        """Return the topic assignments of a model's objects, of those with the given ids
        (a list or a subquery) if given."""
        items = self.filter(content_type=ContentType.objects.get_for_model(model))
        return items if ids is None else items.filter(object_id__in=ids)


class TaggedItem(GenericTaggedItemBase):
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="tagged_items")

    # taggit's manager, for natural keys, with the queryset above.
    objects = NaturalKeyManager.from_queryset(TaggedItemQuerySet)()

    class Meta:
        verbose_name = _("Themenzuordnung")
        verbose_name_plural = _("Themenzuordnungen")
        indexes = [models.Index(fields=["content_type", "object_id"])]


# What a teaser's picture needs of a photo (apps.media.templatetags.photo_tags.picture).
TEASER_PHOTO_FIELDS = (
    "id", "image", "format", "width", "height", "alt_text", "caption", "credit", "focal_x",
    "focal_y",
)  # fmt: skip


def _teaser_photo(fields):
    """Return the Photo that teasers() fetched as JSON, or None for an article without one."""
    return Photo(**fields) if fields else None


def topics_with_published_articles():
    """Return the topics of published articles, each with its `article_count`."""
    # One join of the assignments, filtered to published articles and counted: the count
    # reads the rows the filter joined (filter() before annotate(), in one filter() call).
    # Not `tagged_items__in=<assignments of published articles>`: PostgreSQL answered that
    # with a second scan of all assignments and a semi-join (113 ms against 57 ms at 100,000
    # articles, the sidebar's rebuild after every change).
    return Topic.objects.filter(
        tagged_items__content_type=ContentType.objects.get_for_model(Article),
        tagged_items__object_id__in=Article.objects.published().values("pk"),
    ).annotate(article_count=models.Count("tagged_items"))


def topics_field():
    """The topics of an article or a meeting: one vocabulary, suggested while typing."""
    return TaggableManager(
        _("Themen"),
        through=TaggedItem,
        blank=True,
        help_text=_(
            "Beim Tippen werden vorhandene Themen vorgeschlagen; ein neues Thema einfach eintippen."
        ),
    )


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Return articles that visitors may see now."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        """Return released articles whose publication time is still ahead."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def next_publication(self):
        """Return when the next scheduled article becomes public, or None."""
        return (
            self.scheduled().order_by("published_at").values_list("published_at", flat=True).first()
        )

    def dated_to(self, *precisions):
        """Return the articles whose date is known at least as precisely as one of these:
        a day's archive lists only articles of that exact day, a month's also those dated to
        the month, and so on."""
        return self.filter(date_precision__in=precisions)

    def tagged_with(self, topic):
        """Return the articles with a topic: a subquery, so no DISTINCT over whole rows."""
        tagged = TaggedItem.objects.of(self.model).filter(tag=topic).values("object_id")
        return self.filter(pk__in=tagged)

    def with_photos(self):
        """Fetch the photos of all articles in one query, for galleries."""
        return self.prefetch_related(
            models.Prefetch("article_photos", queryset=ArticlePhoto.objects.select_related("photo"))
        )

    def teasers(self):
        """Return what a teaser shows: no body, and the lead photo inside the same query.

        The lead photo comes as a small JSON object from a subquery per row, instead of a
        second query that fetches every photo of every article.
        """
        first = ArticlePhoto.objects.filter(article=models.OuterRef("pk")).order_by(
            "position", "pk"
        )
        fields = {name: f"photo__{name}" for name in TEASER_PHOTO_FIELDS}
        return self.defer("body", "editorial_note").annotate(
            lead_photo_fields=models.Subquery(
                first.values(fields=JSONObject(**fields))[:1], output_field=models.JSONField()
            )
        )


class Article(PrecisionDated):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        REVIEW = "review", _("Zur Freigabe eingereicht")
        PUBLISHED = "published", _("Veröffentlicht")

    title = models.CharField(_("Titel"), max_length=255)
    slug = models.SlugField(
        _("Kurzname in der Adresse"),
        max_length=200,
        blank=True,
        help_text=_("Wird aus dem Titel gebildet, wenn leer. Eindeutig pro Veröffentlichungstag."),
    )
    lead = models.TextField(
        _("Vorspann"), blank=True, help_text=_("Kurzer Anreißer für Listen, Feeds und Vorschauen.")
    )
    body = ProseEditorField(
        _("Text"),
        blank=True,
        config={"extensions": RICH_TEXT_EXTENSIONS},
        sanitize=sanitize_rich_text,
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("Veröffentlichungszeitpunkt"),
        null=True,
        blank=True,
        help_text=_(
            "Leer lassen: der Artikel erscheint, sobald er veröffentlicht wird. Ein Zeitpunkt "
            "in der Zukunft plant ihn; er erscheint dann automatisch."
        ),
    )
    # The publication day in the site's time zone, derived from published_at (none while a
    # draft has no time); it keeps slugs unique per day (the day in the article's URL).
    publication_date = models.DateField(_("Veröffentlichungstag"), null=True, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Autor/in"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    tags = topics_field()
    editorial_note = models.TextField(
        _("Interne Notiz"),
        blank=True,
        help_text=_(
            "Nur intern sichtbar, zum Beispiel wie ein nicht genanntes Datum erschlossen wurde."
        ),
    )
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)
    # What the article is about in the network (issue 4).
    meetings = models.ManyToManyField(
        "network.Meeting", verbose_name=_("Treffen"), blank=True, related_name="articles"
    )
    municipalities = models.ManyToManyField(
        "network.Municipality", verbose_name=_("Kommunen"), blank=True, related_name="articles"
    )
    people = models.ManyToManyField(
        "network.Person", verbose_name=_("Personen"), blank=True, related_name="articles"
    )
    institutions = models.ManyToManyField(
        "network.Institution", verbose_name=_("Institutionen"), blank=True, related_name="articles"
    )

    history = HistoricalRecords(
        verbose_name=_("Version eines Artikels"), excluded_fields=["publication_date"]
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("Artikel")
        verbose_name_plural = _("Artikel")
        ordering = ["-published_at", "-id"]
        get_latest_by = "published_at"
        permissions = [
            ("publish_article", _("Artikel freigeben, planen, zurückziehen und löschen")),
        ]
        indexes = [
            # Serves published() in the order lists use, so a deep page walks the index
            # instead of sorting the table.
            # On PostgreSQL it also carries date_precision, so the month archive's counts
            # (months.archive_counts, rebuilt after every change) read the index alone
            # instead of the whole table.
            models.Index(
                fields=["status", "-published_at", "-id"],
                include=["date_precision"],
                name="news_article_pub_idx",
            ),
            # The admin list shows every status in the same order; its date filter reads the
            # first and last date from here.
            models.Index(fields=["-published_at", "-id"], name="news_article_date_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["publication_date", "slug"],
                name="news_article_unique_slug_per_day",
                violation_error_message=SLUG_CLASH_MESSAGE,
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self._derive_fields()
        self.body = sanitize_rich_text(self.body or "")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "publication_date", "slug", "body"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        if self.published_at is None:
            # A draft without a publication time has no public address yet.
            return self.get_preview_url()
        # The address names no more of the date than is known: /2017/11/13/…, /2017/11/…
        # or /2017/… (addresses by day of articles dated less precisely redirect here).
        day = self.local_published_at
        kwargs = {"year": day.year, "slug": self.slug}
        if self.date_precision == DatePrecision.DAY:
            kwargs.update(month=f"{day.month:02d}", day=f"{day.day:02d}")
            return reverse("news:article_detail", kwargs=kwargs)
        if self.date_precision == DatePrecision.MONTH:
            kwargs.update(month=f"{day.month:02d}")
            return reverse("news:article_detail_month", kwargs=kwargs)
        return reverse("news:article_detail_year", kwargs=kwargs)

    @property
    def date_label(self):
        """The publication date as far as it is known: "13. November 2017", "2016"."""
        day = self.local_published_at
        return date_label(day.date(), self.date_precision, self.date_inferred) if day else ""

    @property
    def date_iso(self):
        """The publication date for `<time datetime>` and schema.org, to the known precision."""
        day = self.local_published_at
        if day is None:
            return ""
        if self.date_precision == DatePrecision.DAY:
            return day.isoformat()
        return date_iso(day.date(), self.date_precision)

    @property
    def half_year(self):
        day = self.local_published_at
        return half_of(day.date()) if day else None

    @property
    def lead_photo(self):
        """Return the first photo by position, or None; from teasers() or prefetched photos."""
        if hasattr(self, "lead_photo_fields"):
            return _teaser_photo(self.lead_photo_fields)
        first = next(iter(self.article_photos.all()), None)
        return first.photo if first else None

    def clean(self):
        self._derive_fields()
        # The form leaves publication_date (not editable) out of its constraint checks.
        clash = Article.objects.filter(
            publication_date=self.publication_date, slug=self.slug
        ).exclude(pk=self.pk)
        if self.slug and self.publication_date is not None and clash.exists():
            raise ValidationError({"slug": SLUG_CLASH_MESSAGE})

    @property
    def is_published(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def local_published_at(self):
        return timezone.localtime(self.published_at) if self.published_at else None

    def get_preview_url(self):
        return reverse("news:article_preview", kwargs={"pk": self.pk})

    def _derive_fields(self):
        # Released without a chosen time: published now, by whatever path released it.
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
            if self.slug:
                self.publication_date = timezone.localdate(self.published_at)
                self.slug = self.unique_slug(self.slug)
        self.publication_date = (
            timezone.localdate(self.published_at) if self.published_at is not None else None
        )
        if not self.slug and self.title:
            self.slug = self.unique_slug(german_slugify(self.title) or "artikel")

    def unique_slug(self, base):
        """Return base, or base with a number, so that no other article has it on this day."""
        if self.publication_date is None:
            return base
        same_day = Article.objects.filter(publication_date=self.publication_date)
        max_length = self._meta.get_field("slug").max_length
        return unique_slug(base, same_day.exclude(pk=self.pk), max_length)


class ArticlePhoto(models.Model):
    """One photo in an article's gallery; the first by position is the lead photo."""

    article = models.ForeignKey(
        Article, verbose_name=_("Artikel"), on_delete=models.CASCADE, related_name="article_photos"
    )
    photo = models.ForeignKey(
        "media.Photo", verbose_name=_("Foto"), on_delete=models.PROTECT, related_name="article_uses"
    )
    position = models.PositiveSmallIntegerField(
        _("Reihenfolge"),
        default=0,
        help_text=_(
            "Kleinere Zahl zuerst. Das erste Foto erscheint auch in Listen und Vorschauen."
        ),
    )
    caption = models.CharField(
        _("Bildunterschrift in diesem Artikel"),
        max_length=500,
        blank=True,
        help_text=_("Leer lassen, um die Bildunterschrift aus der Foto-Bibliothek zu zeigen."),
    )

    class Meta:
        verbose_name = _("Foto im Artikel")
        verbose_name_plural = _("Fotos im Artikel")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "photo"],
                name="news_articlephoto_unique_photo_per_article",
                violation_error_message=_("Dieses Foto ist dem Artikel schon zugeordnet."),
            ),
        ]

    def __str__(self):
        return str(self.photo)

    @property
    def display_caption(self):
        return self.caption or self.photo.caption
