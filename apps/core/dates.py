"""How precisely a date is known, and how to say it: "15. November 2022", "November 2017",
"2. Halbjahr 2017", "2015", with "vermutlich" when the source does not give it at all.

Articles and meetings keep a full date for sorting (the archive needs one); these helpers make
sure visitors, feeds, structured data and calendars see only what is known.
"""

import datetime

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("Tag")
    MONTH = "month", _("Monat")
    HALF_YEAR = "half_year", _("Halbjahr")
    YEAR = "year", _("Jahr")


PRECISION_HELP = _(
    "Wie genau die Quelle den Zeitpunkt nennt. Ist er ungenauer als ein Tag, zeigt die Website "
    "nur Monat, Halbjahr oder Jahr; das Datum oben dient dann nur der Einordnung im Archiv."
)
INFERRED_HELP = _(
    "Die Quelle nennt den Zeitpunkt nicht; er ist aus dem Zusammenhang erschlossen "
    "(Begründung in der internen Notiz). Besucher lesen „vermutlich“ davor."
)


class PrecisionDated(models.Model):
    """A record whose date may be known less precisely than a day (articles, meetings): how
    precisely, and whether the sources give it at all."""

    date_precision = models.CharField(
        _("Genauigkeit des Datums"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=PRECISION_HELP,
    )
    date_inferred = models.BooleanField(
        _("Zeitpunkt erschlossen"), default=False, help_text=INFERRED_HELP
    )

    class Meta:
        abstract = True

    @property
    def is_dated_to_the_day(self):
        return self.date_precision == DatePrecision.DAY


def half_of(day: datetime.date) -> int:
    return 1 if day.month <= 6 else 2


def date_label(day: datetime.date, precision: str, inferred: bool = False) -> str:
    """Return the date as far as it is known, in German."""
    if precision == DatePrecision.MONTH:
        text = date_format(day, "F Y")
    elif precision == DatePrecision.HALF_YEAR:
        text = f"{half_of(day)}. Halbjahr {day.year}"
    elif precision == DatePrecision.YEAR:
        text = str(day.year)
    else:
        text = date_format(day, "j. F Y")
    return f"vermutlich {text}" if inferred else text


def year_span(first: int | None, last: int | None) -> str:
    """Return years as far as they are known: "2012–2016", "seit 2017", "bis 2016" or ""."""
    if first and last:
        return f"{first}–{last}"
    if first:
        return f"seit {first}"
    return f"bis {last}" if last else ""


def date_iso(day: datetime.date, precision: str) -> str:
    """Return the date as ISO 8601 to the precision known (a half-year as its year): for
    `<time datetime>` and schema.org, which both accept "2017-11" and "2017"."""
    if precision == DatePrecision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    if precision in (DatePrecision.HALF_YEAR, DatePrecision.YEAR):
        return f"{day.year:04d}"
    return day.isoformat()


class DatePrecisionFormMixin:
    """For model forms with a precision field: a post without it (an older form, a script that
    posts the fields it knows) keeps the record's own precision instead of failing."""

    precision_fields = ("date_precision", "mentioned_precision")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.precision_fields:
            if name in self.fields:
                self.fields[name].required = False

    def _clean_precision(self, name):
        return self.cleaned_data.get(name) or getattr(self.instance, name)

    def clean_date_precision(self):
        return self._clean_precision("date_precision")

    def clean_mentioned_precision(self):
        return self._clean_precision("mentioned_precision")
