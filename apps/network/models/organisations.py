from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.core.dates import year_span


class Programme(models.Model):
    """A state programme the network runs under ("Kein Kind zurücklassen!", "Kinderstark")."""

    name = models.CharField(_("Name"), max_length=255)
    short_name = models.CharField(
        _("Kurzname"), max_length=50, blank=True, help_text=_("Zum Beispiel „KeKiz“.")
    )
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=100, unique=True)
    starts_year = models.PositiveSmallIntegerField(
        _("Beginn (Jahr)"),
        null=True,
        blank=True,
        help_text=_("Leer lassen, wenn die Quellen es nicht nennen."),
    )
    ends_year = models.PositiveSmallIntegerField(_("Ende (Jahr)"), null=True, blank=True)
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("Vorgängerprogramm"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
    )
    website = models.URLField(_("Website"), blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)

    updated_at = models.DateTimeField(_("geändert"), auto_now=True)
    history = HistoricalRecords(verbose_name=_("Version eines Programms"))

    class Meta:
        verbose_name = _("Landesprogramm")
        verbose_name_plural = _("Landesprogramme")
        ordering = ["starts_year", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_year__isnull=True) | Q(ends_year__gte=F("starts_year")),
                name="network_programme_ends_after_start",
                violation_error_message=_("Das Programm kann nicht vor seinem Beginn enden."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:programme_detail", kwargs={"slug": self.slug})

    @property
    def years(self):
        """The programme's years as far as known: "2012–2016", "seit 2017", "bis 2016", ""."""
        return year_span(self.starts_year, self.ends_year)


class Municipality(models.Model):
    """A town, city or district (Kreis) building a prevention chain."""

    class Kind(models.TextChoices):
        TOWN = "town", _("Stadt (kreisangehörig)")
        CITY = "city", _("Kreisfreie Stadt")
        COMMUNITY = "community", _("Gemeinde")
        DISTRICT = "district", _("Kreis")

    name = models.CharField(_("Name"), max_length=200, help_text=_("Zum Beispiel „Ahlen“."))
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=100, unique=True)
    kind = models.CharField(
        _("Art"),
        max_length=20,
        choices=Kind.choices,
        blank=True,
        help_text=_("Leer lassen, wenn die Quellen es nicht nennen."),
    )
    district = models.CharField(
        _("Kreis"),
        max_length=200,
        blank=True,
        help_text=_("Der Kreis, zu dem die Kommune gehört, zum Beispiel „Kreis Warendorf“."),
    )
    ags = models.CharField(
        _("Amtlicher Gemeindeschlüssel"),
        max_length=8,
        blank=True,
        help_text=_("Acht Ziffern, wo bekannt (Ahlen: 05570004)."),
        validators=[
            RegexValidator(
                r"^[0-9]{8}$", _("Der Amtliche Gemeindeschlüssel besteht aus genau acht Ziffern.")
            )
        ],
    )
    website = models.URLField(_("Website"), blank=True)
    programmes = models.ManyToManyField(
        Programme,
        through="ProgrammeMembership",
        verbose_name=_("Landesprogramme"),
        related_name="municipalities",
        blank=True,
    )

    updated_at = models.DateTimeField(_("geändert"), auto_now=True)
    history = HistoricalRecords(verbose_name=_("Version einer Kommune"))

    class Meta:
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["ags"],
                condition=~Q(ags=""),
                name="network_municipality_unique_ags",
                violation_error_message=_(
                    "Eine andere Kommune hat schon diesen Amtlichen Gemeindeschlüssel."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:municipality_detail", kwargs={"slug": self.slug})


class ProgrammeMembership(models.Model):
    """A municipality's participation in a programme, from the year it joined."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("Kommune"),
        on_delete=models.CASCADE,
        related_name="programme_memberships",
    )
    programme = models.ForeignKey(
        Programme, verbose_name=_("Programm"), on_delete=models.CASCADE, related_name="memberships"
    )
    joined_year = models.PositiveSmallIntegerField(
        _("Beitritt (Jahr)"),
        null=True,
        blank=True,
        help_text=_("Leer lassen, wenn die Quellen nur die Teilnahme belegen (dann Anmerkung)."),
    )
    left_year = models.PositiveSmallIntegerField(_("Austritt (Jahr)"), null=True, blank=True)
    note = models.CharField(
        _("Anmerkung"), max_length=255, blank=True, help_text=_("Zum Beispiel „Modellkommune“.")
    )

    class Meta:
        verbose_name = _("Programmteilnahme")
        verbose_name_plural = _("Programmteilnahmen")
        ordering = ["programme__starts_year", "joined_year", "municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "programme", "joined_year"],
                name="network_membership_unique_per_year",
                violation_error_message=_(
                    "Diese Kommune ist in diesem Jahr schon als Teilnehmerin des Programms erfasst."
                ),
            ),
            models.CheckConstraint(
                condition=Q(left_year__isnull=True) | Q(left_year__gte=F("joined_year")),
                name="network_membership_left_after_joined",
                violation_error_message=_("Das Austrittsjahr liegt vor dem Beitrittsjahr."),
            ),
        ]

    def __str__(self):
        return f"{self.municipality} – {self.programme} ({self.joined_year or '?'})"

    def get_absolute_url(self):
        return self.municipality.get_absolute_url()

    @property
    def period(self):
        """The membership's years as far as known: "seit 2017", "2012–2016", ""."""
        return year_span(self.joined_year, self.left_year)


class Institution(models.Model):
    """A ministry, institute, youth office, job centre, association, school or company."""

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministerium")
        STATE_AGENCY = "state_agency", _("Landesbehörde oder Landesjugendamt")
        INSTITUTE = "institute", _("Institut oder Verein")
        COORDINATION_OFFICE = "coordination_office", _("Koordinierungsstelle")
        MUNICIPAL_OFFICE = "municipal_office", _("Kommunale Dienststelle")
        EMPLOYMENT_AGENCY = "employment_agency", _("Jobcenter oder Arbeitsagentur")
        WELFARE_ASSOCIATION = "welfare_association", _("Wohlfahrtsverband")
        SCHOOL = "school", _("Schule oder Kita")
        COMPANY = "company", _("Unternehmen oder Agentur")
        OTHER = "other", _("Sonstige")

    name = models.CharField(_("Name"), max_length=255)
    short_name = models.CharField(
        _("Kurzname"), max_length=50, blank=True, help_text=_("Zum Beispiel „ISA“ oder „LVR“.")
    )
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=100, unique=True)
    kind = models.CharField(_("Art"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    website = models.URLField(_("Website"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Übergeordnete Einrichtung"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Zum Beispiel das ISA für die Landeskoordinierungsstelle."),
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("Kommune"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="institutions",
        help_text=_("Bei Ämtern und Einrichtungen einer Kommune."),
    )
    description = models.TextField(_("Beschreibung"), blank=True)

    updated_at = models.DateTimeField(_("geändert"), auto_now=True)
    history = HistoricalRecords(verbose_name=_("Version einer Institution"))

    class Meta:
        verbose_name = _("Institution")
        verbose_name_plural = _("Institutionen")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name

    def get_absolute_url(self):
        return reverse("network:institution_detail", kwargs={"slug": self.slug})
