import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.core.dates import DatePrecision, date_label

from .organisations import Institution, Municipality


class PersonQuerySet(models.QuerySet):
    def published(self):
        """Return people whom visitors may see."""
        return self.filter(is_published=True)


class Person(models.Model):
    """Someone who coordinates, governs, speaks or moderates in the network."""

    academic_title = models.CharField(
        _("Akademischer Titel"), max_length=50, blank=True, help_text=_("Zum Beispiel „Dr.“.")
    )
    first_name = models.CharField(_("Vorname"), max_length=100)
    last_name = models.CharField(_("Nachname"), max_length=100)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=200, unique=True)
    other_names = models.CharField(
        _("Weitere Namen"),
        max_length=255,
        blank=True,
        help_text=_(
            "Wie die Person in Texten auch genannt wird, zum Beispiel „Ulla Woltering“; "
            "durch Komma getrennt. Die Suche findet sie auch so; ihre Seite nennt sie."
        ),
    )
    is_published = models.BooleanField(
        _("öffentlich sichtbar"),
        default=False,
        help_text=_("Neue Personen sind zunächst nicht sichtbar; mit Haken erscheinen sie."),
    )

    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    history = HistoricalRecords(verbose_name=_("Version einer Person"))

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        ordering = ["last_name", "first_name"]
        permissions = [("publish_person", _("Personen veröffentlichen, verbergen und löschen"))]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("network:person_detail", kwargs={"slug": self.slug})

    @property
    def full_name(self):
        return " ".join(
            part for part in (self.academic_title, self.first_name, self.last_name) if part
        )

    @property
    def other_names_list(self):
        return [name.strip() for name in self.other_names.split(",") if name.strip()]

    def role_on(self, day: datetime.date):
        """Return the role held on a day, read from prefetched roles when there are any."""
        return first_role_on(self.roles.all(), day)


def first_role_on(roles, day: datetime.date):
    """Return the first of the roles that is held on a day, or None."""
    return next((role for role in roles if role.is_active_on(day)), None)


# "genannt am 13. September 2017", "genannt im September 2017", "genannt 2017".
MENTION_PREPOSITIONS = {
    DatePrecision.DAY: "am ",
    DatePrecision.MONTH: "im ",
    DatePrecision.HALF_YEAR: "im ",
}


class RoleQuerySet(models.QuerySet):
    def active_on(self, day: datetime.date):
        """Return roles held on the given day; open ends count as ongoing."""
        return self.filter(
            Q(starts_on__isnull=True) | Q(starts_on__lte=day),
            Q(ends_on__isnull=True) | Q(ends_on__gte=day),
        )

    def coordinators(self):
        """Return the roles coordinating a municipality's prevention chain."""
        return self.filter(kind=Role.Kind.COORDINATOR, municipality__isnull=False)

    def of_published_people(self):
        """Return roles whose person visitors may see."""
        return self.filter(person__in=Person.objects.published())


class Role(models.Model):
    """A position a person holds at a municipality or an institution for a time."""

    class Kind(models.TextChoices):
        COORDINATOR = "coordinator", _("Koordination der Präventionskette")
        MAYOR = "mayor", _("Bürgermeister/in oder Landrat/Landrätin")
        DEPUTY_MAYOR = "deputy_mayor", _("Stellvertretung der Verwaltungsspitze")
        MINISTER = "minister", _("Minister/in")
        STATE_SECRETARY = "state_secretary", _("Staatssekretär/in")
        DIRECTOR = "director", _("Leitung oder Vorstand")
        HEAD_OF_DEPARTMENT = "head_of_department", _("Fachbereichs- oder Dezernatsleitung")
        STAFF = "staff", _("Mitarbeit")
        OTHER = "other", _("Sonstige")

    person = models.ForeignKey(
        Person, verbose_name=_("Person"), on_delete=models.CASCADE, related_name="roles"
    )
    kind = models.CharField(_("Art"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(
        _("Bezeichnung"),
        max_length=255,
        blank=True,
        help_text=_("Wie im Text, zum Beispiel „Fachbereichsleiterin Kinder-Jugend-Familie“."),
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("Kommune"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("Institution"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
    )
    starts_on = models.DateField(_("von"), null=True, blank=True)
    ends_on = models.DateField(_("bis"), null=True, blank=True, help_text=_("Leer: bis heute."))
    as_mentioned = models.BooleanField(
        _("nur aus Erwähnungen bekannt"),
        default=False,
        help_text=_(
            "Die Quellen nennen die Funktion nur an einzelnen Tagen, nicht Beginn und Ende: "
            "„von“ und „bis“ sind dann die erste und die letzte Erwähnung, und die Website "
            "schreibt „genannt im September 2017“."
        ),
    )
    mentioned_precision = models.CharField(
        _("Genauigkeit der Erwähnungen"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("Wie genau die Quellen den Tag der Erwähnung nennen."),
    )
    mentioned_inferred = models.BooleanField(
        _("Zeitpunkt der Erwähnung erschlossen"),
        default=False,
        help_text=_(
            "Die Quelle nennt kein Datum; der Zeitpunkt ist aus anderen Texten erschlossen. "
            "Die Website schreibt dann „genannt vermutlich …“."
        ),
    )
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    history = HistoricalRecords(verbose_name=_("Version einer Funktion"))

    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = _("Funktion")
        verbose_name_plural = _("Funktionen")
        ordering = [F("starts_on").desc(nulls_last=True), "pk"]
        constraints = [
            # A Staatssekretär whose ministry no source names has no organisation.
            models.CheckConstraint(
                condition=Q(municipality__isnull=True) | Q(institution__isnull=True),
                name="network_role_at_most_one_organisation",
                violation_error_message=_(
                    "Eine Funktion gehört zu einer Kommune oder zu einer Institution, nicht zu "
                    "beiden: bitte höchstens eines angeben."
                ),
            ),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="network_role_ends_after_start",
                violation_error_message=_("Eine Funktion kann nicht enden, bevor sie beginnt."),
            ),
        ]
        indexes = [models.Index(fields=["kind", "municipality"], name="network_role_kind_idx")]

    def __str__(self):
        return f"{self.person}: {self.label}"

    def get_absolute_url(self):
        return self.person.get_absolute_url()

    @property
    def organisation(self):
        return self.municipality or self.institution

    @property
    def label(self):
        """The title as written, else the kind with the organisation."""
        if self.title or self.organisation is None:
            return self.title or self.get_kind_display()
        return f"{self.get_kind_display()}, {self.organisation}"

    @property
    def period_label(self):
        """When the role is known to be held: "genannt im September 2017", "genannt zwischen
        September 2017 und März 2018" for roles known from mentions; otherwise "Januar 2017
        bis Mai 2019", "seit Januar 2017", "bis Mai 2019" or ""."""
        if self.as_mentioned and self.starts_on:
            end = self.ends_on or self.starts_on
            first = date_label(self.starts_on, self.mentioned_precision)
            last = date_label(end, self.mentioned_precision)
            guess = "vermutlich " if self.mentioned_inferred else ""
            if first != last:
                return f"genannt {guess}zwischen {first} und {last}"
            preposition = MENTION_PREPOSITIONS.get(self.mentioned_precision, "")
            return f"genannt {guess}{preposition}{first}"
        start = date_format(self.starts_on, "F Y") if self.starts_on else ""
        end = date_format(self.ends_on, "F Y") if self.ends_on else ""
        if start and end:
            return f"{start} bis {end}"
        if start:
            return f"seit {start}"
        return f"bis {end}" if end else ""

    def clean(self):
        # A prevention chain is coordinated for a municipality; other roles may stand
        # without an organisation where no source names one.
        if self.kind == self.Kind.COORDINATOR and self.municipality_id is None:
            raise ValidationError(
                {"municipality": _("Eine Koordination gehört zu einer Kommune: bitte angeben.")}
            )

    def is_active_on(self, day: datetime.date) -> bool:
        return (self.starts_on is None or self.starts_on <= day) and (
            self.ends_on is None or self.ends_on >= day
        )
