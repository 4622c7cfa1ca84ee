from django import template
from django.db.models import Count
from django.utils import timezone
from taggit.models import Tag

from ..calendar import build_month_calendar, month_archive_list
from ..models import Article

register = template.Library()


@register.inclusion_tag("news/includes/month_calendar.html")
def month_calendar(year=None, month=None):
    """Render the month calendar; the current month unless a month is given."""
    today = timezone.localdate()
    year = int(year or today.year)
    month = int(month or today.month)
    return {"calendar": build_month_calendar(year=year, month=month, today=today)}


@register.inclusion_tag("news/includes/month_archive_list.html")
def month_archive():
    return {"months": month_archive_list()}


@register.inclusion_tag("news/includes/popular_tags.html")
def popular_tags(limit=12):
    """Render the tags with the most published articles."""
    tags = (
        Tag.objects.filter(taggit_taggeditem_items__content_type__app_label="news")
        .filter(
            taggit_taggeditem_items__object_id__in=Article.objects.published().values("pk")
        )
        .annotate(article_count=Count("taggit_taggeditem_items"))
        .order_by("-article_count", "name")[:limit]
    )
    return {"tags": tags}
