"""The months with published articles: the sidebar's month list, the archive's neighbours."""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from apps.core.cache import cached_fragment
from apps.core.dates import DatePrecision

from .models import Article


def local_midnight(day: datetime.date) -> datetime.datetime:
    """Return the aware start of a day in the site's time zone: archives count Berlin days."""
    return datetime.datetime.combine(day, datetime.time.min, timezone.get_default_timezone())


def month_after(year: int, month: int) -> tuple[int, int]:
    """Return (year, month) of the month that follows."""
    return year + month // 12, month % 12 + 1


# The short forms WordPress's German calendar uses: "Mrz", where Django's MONTHS_3 has "Mär".
MONTH_ABBREVIATIONS = [
    "Jan", "Feb", "Mrz", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez",
]  # fmt: skip


@dataclass(frozen=True)
class MonthLink:
    year: int
    month: int

    @property
    def name(self):
        return date_format(datetime.date(self.year, self.month, 1), "F Y")

    @property
    def abbreviation(self):
        return MONTH_ABBREVIATIONS[self.month - 1]

    @property
    def url(self):
        return reverse(
            "news:archive_month", kwargs={"year": self.year, "month": f"{self.month:02d}"}
        )


# Which archives list an article, by how precisely its date is known: a month's page those
# dated to the day or the month, a half-year's also those dated to the half-year, a year's all.
MONTH_PRECISIONS = (DatePrecision.DAY, DatePrecision.MONTH)
HALF_YEAR_PRECISIONS = (*MONTH_PRECISIONS, DatePrecision.HALF_YEAR)


def archive_counts():
    """Return (MonthLink, date precision, article count) for every month with published
    articles, newest first: one query, from which every archive list and neighbour is read."""
    rows = (
        Article.objects.published()
        .annotate(month=TruncMonth("published_at", tzinfo=timezone.get_default_timezone()))
        .order_by()
        .values("month", "date_precision")
        .annotate(n=Count("id"))
        .values_list("month", "date_precision", "n")
    )
    # Sorted here, not in SQL: an ORDER BY on the grouped expression makes PostgreSQL sort
    # every article (on disk, at 100,000 of them) before grouping, where a hash of the ~200
    # groups suffices. The rows come from the index news_article_pub_idx alone (it carries
    # date_precision), not from the table.
    rows = sorted(rows, key=lambda row: (-row[0].year, -row[0].month, row[1]))
    return [(MonthLink(month.year, month.month), precision, n) for month, precision, n in rows]


def cached_archive_counts():
    """Return archive_counts() cached until public content changes (no query when warm)."""
    return cached_fragment("archive-counts", archive_counts)


def _months(counts):
    months = {}
    for month, precision, n in counts:
        if precision in MONTH_PRECISIONS:
            months[month] = months.get(month, 0) + n
    return list(months.items())


def month_archive_list():
    """Return (MonthLink, article count) for every month with articles in its archive (dated
    to the day or the month), newest first."""
    return _months(archive_counts())


def cached_month_archive_list():
    """Return month_archive_list() cached until public content changes (no query when warm)."""
    return _months(cached_archive_counts())


def months_with_articles_in(year):
    """Return the months of `year` with published articles, newest first, from the cached list."""
    return [month for month, _ in cached_month_archive_list() if month.year == year]


def half_years_with_articles_in(year):
    """Return the half-years (1, 2) of `year` whose archive lists articles."""
    return sorted(
        {
            1 if month.month <= 6 else 2
            for month, precision, _ in cached_archive_counts()
            if month.year == year and precision in HALF_YEAR_PRECISIONS
        }
    )


def _neighbours(periods, current):
    """Return (the latest earlier, the earliest later) of periods around current, or None."""
    return (
        max((p for p in periods if p < current), default=None),
        min((p for p in periods if p > current), default=None),
    )


def neighbour_years(year):
    """Return (the latest earlier, the earliest later) year with published articles, or None."""
    return _neighbours({month.year for month, _, _ in cached_archive_counts()}, year)


def neighbour_half_years(year, half):
    """Return ((year, half) before, (year, half) after) with published articles, or None each."""
    halves = {
        (month.year, 1 if month.month <= 6 else 2)
        for month, precision, _ in cached_archive_counts()
        if precision in HALF_YEAR_PRECISIONS
    }
    return _neighbours(halves, (year, half))


@dataclass
class ArchiveYear:
    """A year of the sidebar's archive: its count, its half-years and months with articles."""

    year: int
    count: int = 0
    halves: dict = None  # {1 or 2: article count}, the first half-year first
    months: list = None  # [(MonthLink, article count)], newest first

    @property
    def url(self):
        return reverse("news:archive_year", kwargs={"year": self.year})

    def half_years(self):
        """Return (label, URL, count) for each half-year with articles, the first one first."""
        return [
            (
                f"{half}. Halbjahr",
                reverse("news:archive_half_year", kwargs={"year": self.year, "half": half}),
                count,
            )
            for half, count in sorted(self.halves.items())
        ]


def archive_by_year(counts):
    """Group archive_counts() by year, newest first, for the sidebar: each year with all its
    articles, its half-years and months with those their archives list."""
    years = {}
    for month, precision, count in counts:
        entry = years.setdefault(month.year, ArchiveYear(month.year, halves={}, months=[]))
        entry.count += count
        if precision in HALF_YEAR_PRECISIONS:
            half = 1 if month.month <= 6 else 2
            entry.halves[half] = entry.halves.get(half, 0) + count
    for month, count in _months(counts):
        years[month.year].months.append((month, count))
    return list(years.values())
