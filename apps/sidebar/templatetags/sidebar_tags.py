import datetime

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from apps.core.cache import cached_fragment
from apps.news.months import archive_by_year, cached_archive_counts
from apps.news.topics import published_topics

from ..calendar import build_month_calendar

register = template.Library()


def _cached_html(name, template_name, build_context):
    """Return a sidebar fragment rendered once per content version (see apps.core.cache)."""
    return mark_safe(  # noqa: S308 (the output of our own template)
        cached_fragment(name, lambda: render_to_string(template_name, build_context()))
    )


@register.simple_tag
def month_calendar(year=None, month=None, viewed=None):
    """Render the month calendar; the current month unless a month is given. `viewed` is the
    day the page shows (a day archive, an article's day), marked in the calendar."""
    today = timezone.localdate()
    year = int(year or today.year)
    month = int(month or today.month)
    if isinstance(viewed, datetime.datetime):
        viewed = timezone.localtime(viewed).date()
    return _cached_html(
        f"calendar:{year}-{month}:{today}:{viewed}",
        "sidebar/includes/month_calendar.html",
        lambda: {
            "calendar": build_month_calendar(year=year, month=month, today=today),
            "viewed": viewed,
        },
    )


@register.simple_tag
def month_archive():
    return _cached_html(
        "month-archive",
        "sidebar/includes/month_archive_list.html",
        lambda: {"years": archive_by_year(cached_archive_counts())},
    )


@register.simple_tag
def popular_tags(limit=12):
    """Render the tags with the most published articles."""
    return _cached_html(
        f"popular-tags:{limit}",
        "sidebar/includes/popular_tags.html",
        lambda: {"tags": _popular_tags(limit)},
    )


def _popular_tags(limit):
    # By count; topics with the same count stay in published_topics()' order, by name.
    return sorted(published_topics(), key=lambda topic: -topic.article_count)[:limit]
