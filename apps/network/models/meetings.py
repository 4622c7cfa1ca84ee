import datetime

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.core.dates import DatePrecision, PrecisionDated, date_iso, date_label
from apps.core.text import german_slugify, unique_slug
from apps.news.models import topics_field

from .organisations import Institution, Municipality, Programme
from .people import Person


class CountQualifier(models.TextChoices):
    """The word a text puts before a number, kept with it: "Fast 50" is not "ca. 50"."""

    EXACT = "", _("genau so genannt")
    ABOUT = "ca.", _("ca.")
    AROUND = "etwa", _("etwa")
    ROUGHLY = "rund", _("rund")
    OVER = "über", _("über")
    ALMOST = "fast", _("fast")


def count_as_written(count, qualifier):
    """Return a count with its qualifier, as the text gives it: "fast 50", "70"."""
    if count is None:
        return ""
    return f"{qualifier} {count}" if qualifier else str(count)


def _day(date, *, with_month=True, with_year=True):
    return date_format(date, "j." + (" F" if with_month else "") + (" Y" if with_year else ""))


class MeetingQuerySet(models.QuerySet):
    def published(self):
        """Return meetings that visitors may see."""
        return self.filter(is_published=True)

    def dated_to_the_day(self):
        """Return meetings whose days are known: only they go on a calendar day or into an
        iCalendar file, which cannot say "November 2017"."""
        return self.filter(date_precision=DatePrecision.DAY)

    def overlapping(self, first: datetime.date, last: datetime.date):
        """Return meetings held on at least one day from first to last."""
        return self.filter(starts_on__lte=last, ends_on__gte=first)

    def upcoming(self, today: datetime.date | None = None):
        """Return meetings not yet over, soonest first."""
        return self.filter(ends_on__gte=today or timezone.localdate()).order_by("starts_on", "pk")

    def past(self, today: datetime.date | None = None):
        """Return meetings that are over, latest first."""
        return self.filter(ends_on__lt=today or timezone.localdate()).order_by("-starts_on", "-pk")


class Meeting(PrecisionDated):
    """A meeting of the network: a Lernnetzwerktreffen, an academy, a workshop, a conference."""

    class Kind(models.TextChoices):
        LEARNING_NETWORK = "learning_network", _("Lernnetzwerktreffen")
        SPRING_ACADEMY = "spring_academy", _("Frühjahrsakademie")
        PLANNING_WORKSHOP = "planning_workshop", _("Planungsworkshop")
        CONFERENCE = "conference", _("Fachkonferenz")
        STEERING_GROUP = "steering_group", _("Steuerungsgruppe")
        EXCHANGE = "exchange", _("Austauschtreffen")
        OTHER = "other", _("Sonstiges")

    kind = models.CharField(_("Art"), max_length=30, choices=Kind.choices, db_index=True)
    sequence_number = models.PositiveSmallIntegerField(
        _("laufende Nummer"),
        null=True,
        blank=True,
        help_text=_("Bei gezählten Treffen, zum Beispiel 21 für das „21. Lernnetzwerktreffen“."),
    )
    title = models.CharField(
        _("Titel"),
        max_length=255,
        blank=True,
        help_text=_("Zum Beispiel „Bedingungen gelingenden Aufwachsens“."),
    )
    motto = models.CharField(
        _("Motto"),
        max_length=255,
        blank=True,
        help_text=_("Zum Beispiel „Netzwerken ist kein Luxus“."),
    )
    slug = models.SlugField(
        _("Kurzname in der Adresse"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("Wird aus Nummer und Art oder aus Art und Datum gebildet, wenn leer."),
    )
    starts_on = models.DateField(_("erster Tag"))
    ends_on = models.DateField(
        _("letzter Tag"), blank=True, help_text=_("Leer bei eintägigen Treffen.")
    )
    start_time = models.TimeField(_("Beginn (Uhrzeit)"), null=True, blank=True)
    end_time = models.TimeField(_("Ende (Uhrzeit)"), null=True, blank=True)
    venue = models.CharField(
        _("Veranstaltungsort"),
        max_length=255,
        blank=True,
        help_text=_("Zum Beispiel „Wissenschaftspark“ oder „Ratssaal“."),
    )
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    host_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("Gastgebende Kommune"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_meetings",
    )
    organisers = models.ManyToManyField(
        Institution,
        verbose_name=_("Veranstalter"),
        blank=True,
        related_name="organised_meetings",
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("Landesprogramm"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
    )
    participant_count = models.IntegerField(_("Zahl der Teilnehmenden"), null=True, blank=True)
    participants_qualifier = models.CharField(
        _("Angabe zur Teilnehmerzahl"),
        max_length=5,
        choices=CountQualifier.choices,
        blank=True,
        help_text=_("Wie der Text die Zahl nennt: „über 30“, „fast 50“, „rund 150“."),
    )
    municipality_count = models.IntegerField(_("Zahl der Kommunen"), null=True, blank=True)
    municipalities_qualifier = models.CharField(
        _("Angabe zur Zahl der Kommunen"),
        max_length=5,
        choices=CountQualifier.choices,
        blank=True,
    )
    attending_municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("Teilnehmende Kommunen"),
        blank=True,
        related_name="attended_meetings",
    )
    summary = models.TextField(_("Zusammenfassung"), blank=True)
    editorial_note = models.TextField(
        _("Interne Notiz"),
        blank=True,
        help_text=_(
            "Nur intern sichtbar, zum Beispiel wie ein nicht genanntes Datum erschlossen wurde."
        ),
    )
    external_url = models.URLField(
        _("Weitere Informationen (Adresse)"),
        blank=True,
        help_text=_("Zum Beispiel der Bericht des ISA."),
    )
    tags = topics_field()
    is_published = models.BooleanField(
        _("öffentlich sichtbar"),
        default=False,
        help_text=_(
            "Neue Treffen sind zunächst nicht sichtbar; mit Haken erscheinen sie auf der "
            "Website und im Kalender."
        ),
    )
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    history = HistoricalRecords(verbose_name=_("Version eines Treffens"))

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("Treffen")
        verbose_name_plural = _("Treffen")
        ordering = ["-starts_on", "-pk"]
        get_latest_by = "starts_on"
        permissions = [("publish_meeting", _("Treffen veröffentlichen, zurückziehen und löschen"))]
        indexes = [models.Index(fields=["starts_on", "ends_on"], name="network_meeting_dates_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="network_meeting_ends_after_start",
                violation_error_message=_(
                    "Der letzte Tag des Treffens liegt vor dem ersten Tag. Bitte die Daten prüfen."
                ),
            ),
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=False, ends_on__gt=F("starts_on"))
                | Q(start_time__isnull=False, end_time__gte=F("start_time")),
                name="network_meeting_end_time_after_start_time",
                violation_error_message=_(
                    "Eine Endzeit braucht eine Beginnzeit und darf am selben Tag "
                    "nicht vor ihr liegen."
                ),
            ),
            models.CheckConstraint(
                condition=Q(participant_count__isnull=True) | Q(participant_count__gte=0),
                name="network_meeting_participant_count_not_negative",
                violation_error_message=_("Die Zahl der Teilnehmenden darf nicht negativ sein."),
            ),
            models.CheckConstraint(
                condition=Q(municipality_count__isnull=True) | Q(municipality_count__gte=0),
                name="network_meeting_municipality_count_not_negative",
                violation_error_message=_("Die Zahl der Kommunen darf nicht negativ sein."),
            ),
            models.UniqueConstraint(
                fields=["kind", "programme", "sequence_number"],
                condition=Q(sequence_number__isnull=False, programme__isnull=False),
                name="network_meeting_unique_number_per_programme",
                violation_error_message=_(
                    "Im selben Programm gibt es schon ein Treffen dieser Art mit dieser Nummer."
                ),
            ),
            # Local series outside a programme (a town's steering group, its conferences)
            # are counted per host municipality.
            models.UniqueConstraint(
                fields=["kind", "host_municipality", "sequence_number"],
                condition=Q(sequence_number__isnull=False, programme__isnull=True),
                name="network_meeting_unique_number_per_host",
                violation_error_message=_(
                    "Diese Kommune hat schon ein Treffen dieser Art mit dieser Nummer "
                    "außerhalb eines Programms."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.starts_on:%d.%m.%Y})" if self.starts_on else self.name

    def save(self, *args, **kwargs):
        self._derive_fields()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "ends_on", "slug"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("network:meeting_detail", kwargs={"slug": self.slug})

    @property
    def name(self):
        """The numbered kind ("21. Lernnetzwerktreffen"), or the kind with its year."""
        kind = self.get_kind_display()
        if self.sequence_number:
            return f"{self.sequence_number}. {kind}"
        return f"{kind} {self.starts_on.year}" if self.starts_on else kind

    @property
    def heading(self):
        """The meeting's title as written: the title alone, or after its number where the
        title does not say what kind of meeting it is ("21. Lernnetzwerktreffen: Bedingungen
        gelingenden Aufwachsens"); never kind and year glued to a title ("Sonstiges 2017: …")."""
        if not self.title:
            return self.name
        if self.sequence_number and self.get_kind_display().lower() not in self.title.lower():
            return f"{self.name}: {self.title}"
        return self.title

    @property
    def is_all_day(self):
        return self.start_time is None

    @property
    def is_multi_day(self):
        return self.ends_on is not None and self.ends_on > self.starts_on

    @property
    def place(self):
        return ", ".join(part for part in (self.venue, self.city) if part)

    @property
    def participants_as_written(self):
        return count_as_written(self.participant_count, self.participants_qualifier)

    @property
    def municipalities_as_written(self):
        return count_as_written(self.municipality_count, self.municipalities_qualifier)

    @property
    def date_label(self):
        """The days in German as far as they are known: "29. und 30. November 2018",
        "3. April 2017, 10:00 Uhr", "November 2017", "vermutlich 2016"."""
        if not self.is_dated_to_the_day:
            return date_label(self.starts_on, self.date_precision, self.date_inferred)
        start, end = self.starts_on, self.ends_on or self.starts_on
        if start == end:
            text = _day(start)
        else:
            same_year = start.year == end.year
            same_month = same_year and start.month == end.month
            joiner = " und " if (end - start).days == 1 else "–"
            text = (
                _day(start, with_month=not same_month, with_year=not same_year) + joiner + _day(end)
            )
        if self.start_time:
            text += f", {self.start_time:%H:%M}"
            text += f"–{self.end_time:%H:%M} Uhr" if self.end_time else " Uhr"
        return f"vermutlich {text}" if self.date_inferred else text

    @property
    def date_iso(self):
        """The first day for `<time datetime>` and schema.org, to the precision known."""
        return date_iso(self.starts_on, self.date_precision)

    def get_ical_url(self):
        return reverse("network:meeting_ical", kwargs={"slug": self.slug})

    def clean(self):
        self._derive_fields()

    def _derive_fields(self):
        if self.ends_on is None:
            self.ends_on = self.starts_on
        if not self.slug and self.starts_on:
            # Numbered meetings are known by their number; others by kind and day.
            text = (
                self.name if self.sequence_number else f"{self.get_kind_display()} {self.starts_on}"
            )
            base = german_slugify(text, max_length=180) or "treffen"
            max_length = self._meta.get_field("slug").max_length
            self.slug = unique_slug(base, Meeting.objects.exclude(pk=self.pk), max_length)


class ParticipationQuerySet(models.QuerySet):
    def public(self):
        """Return participations of published people in published meetings."""
        return self.filter(
            person__in=Person.objects.published(), meeting__in=Meeting.objects.published()
        )


class MeetingParticipation(models.Model):
    """A person's part in a meeting: a talk, the moderation, a greeting."""

    class Role(models.TextChoices):
        GREETING = "greeting", _("Begrüßung")
        SPEAKER = "speaker", _("Vortrag oder Impuls")
        MODERATOR = "moderator", _("Moderation")
        HOST = "host", _("Gastgeber/in")
        GUEST = "guest", _("Teilnahme")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("Treffen"), on_delete=models.CASCADE, related_name="participations"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        related_name="meeting_participations",
    )
    role = models.CharField(_("Rolle beim Treffen"), max_length=20, choices=Role.choices)
    note = models.CharField(
        _("Anmerkung"),
        max_length=255,
        blank=True,
        help_text=_("Zum Beispiel „per Videobotschaft“ oder das Thema des Beitrags."),
    )
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Mitwirkung")
        verbose_name_plural = _("Mitwirkende")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person", "role"],
                name="network_participation_unique_role",
                violation_error_message=_("Diese Person ist mit dieser Rolle schon eingetragen."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}"

    def get_absolute_url(self):
        return self.meeting.get_absolute_url()

    @property
    def description(self):
        """The part in words, without saying the role twice: "Begrüßung als Gastgeber" rather
        than "Gastgeber/in (Begrüßung als Gastgeber)"; the note alone when it names the role."""
        role = self.get_role_display()
        if not self.note:
            return role
        stem = role.split("/")[0].split()[0].lower()
        if stem in self.note.lower():
            return self.note[:1].upper() + self.note[1:]
        return f"{role} ({self.note})"
