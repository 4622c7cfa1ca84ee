"""The sidebar month calendar of articles and meetings, built with a fixed number of queries."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.formats import date_format

from apps.core.dates import DatePrecision
from apps.network.models import Meeting
from apps.news.models import Article
from apps.news.months import MonthLink, local_midnight, month_after


@dataclass(frozen=True)
class CalendarDay:
    date: datetime.date
    article_count: int = 0
    is_today: bool = False
    meeting_slugs: tuple = ()

    @property
    def meeting_count(self):
        return len(self.meeting_slugs)

    @property
    def url(self):
        # A day with only meetings leads to its meeting, or to the list when there are several.
        if not self.article_count and self.meeting_slugs:
            if self.meeting_count == 1:
                return reverse("network:meeting_detail", kwargs={"slug": self.meeting_slugs[0]})
            return reverse("network:meeting_list") + f"?jahr={self.date.year}"
        return reverse(
            "news:archive_day",
            kwargs={
                "year": self.date.year,
                "month": f"{self.date.month:02d}",
                "day": f"{self.date.day:02d}",
            },
        )

    @property
    def label(self):
        parts = []
        if self.article_count or not self.meeting_slugs:
            parts.append(f"{self.article_count} Artikel")
        if self.meeting_slugs:
            parts.append(f"{self.meeting_count} Treffen")
        return f"{date_format(self.date, 'j. F Y')}: {', '.join(parts)}"


@dataclass
class MonthCalendar:
    year: int
    month: int
    weeks: list = field(default_factory=list)  # lists of seven CalendarDay or None
    previous: MonthLink | None = None
    next: MonthLink | None = None

    @property
    def name(self):
        return MonthLink(self.year, self.month).name

    @property
    def has_meetings(self):
        return any(day and day.meeting_slugs for week in self.weeks for day in week)

    @property
    def weekdays(self):
        """Return (short, long) German names of the weekdays, Monday first."""
        return [(str(WEEKDAYS_ABBR[day]), str(WEEKDAYS[day])) for day in range(7)]


def _month_bounds(year, month):
    """Return the aware start of the month and of the next month in the site's time zone."""
    following = datetime.date(*month_after(year, month), 1)
    return local_midnight(datetime.date(year, month, 1)), local_midnight(following)


def _month_of(moment):
    local = timezone.localtime(moment)
    return MonthLink(local.year, local.month)


def build_month_calendar(*, year: int, month: int, today: datetime.date | None = None):
    """Return the calendar of one month with its article days and the nearest months with articles.

    Four queries, whatever the number of articles and meetings: the day counts of the month,
    the latest article before and the earliest after it, and the meetings overlapping the month.
    """
    today = today or timezone.localdate()
    start, following = _month_bounds(year, month)
    # Months link to their archive, which lists articles dated to the day or the month; a day
    # only counts articles known to be of that day.
    published = Article.objects.published().dated_to(DatePrecision.DAY, DatePrecision.MONTH)
    counts = dict(
        published.filter(published_at__gte=start, published_at__lt=following)
        .dated_to(DatePrecision.DAY)
        .annotate(day=TruncDate("published_at", tzinfo=timezone.get_default_timezone()))
        .order_by()
        .values("day")
        .annotate(n=Count("id"))
        .values_list("day", "n")
    )
    before = (
        published.filter(published_at__lt=start)
        .order_by("-published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    after = (
        published.filter(published_at__gte=following)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    meeting_days = _meeting_days(year, month)
    weeks = [
        [
            CalendarDay(day, counts.get(day, 0), day == today, tuple(meeting_days.get(day, ())))
            if day.month == month
            else None
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    ]
    return MonthCalendar(
        year=year,
        month=month,
        weeks=weeks,
        previous=_month_of(before) if before else None,
        next=_month_of(after) if after else None,
    )


def _meeting_days(year, month):
    """Return {day: [meeting slugs]} for the published meetings held in the month."""
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    days = {}
    meetings = (
        Meeting.objects.published()
        .dated_to_the_day()
        .overlapping(first, last)
        .order_by("starts_on", "pk")
        .values_list("starts_on", "ends_on", "slug")
    )
    for starts_on, ends_on, slug in meetings:
        day = max(starts_on, first)
        while day <= min(ends_on, last):
            days.setdefault(day, []).append(slug)
            day += datetime.timedelta(days=1)
    return days
