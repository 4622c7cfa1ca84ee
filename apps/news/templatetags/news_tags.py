from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.utils import timezone

from apps.pages.cache import cached_fragment

from ..calendar import build_month_calendar, month_archive_list
from ..models import Article, Topic

register = template.Library()


@register.inclusion_tag("news/includes/month_calendar.html")
def month_calendar(year=None, month=None):
    """Render the month calendar; the current month unless a month is given."""
    today = timezone.localdate()
    year = int(year or today.year)
    month = int(month or today.month)
    calendar = cached_fragment(
        f"calendar:{year}-{month}:{today}",
        lambda: build_month_calendar(year=year, month=month, today=today),
    )
    return {"calendar": calendar}


@register.inclusion_tag("news/includes/month_archive_list.html")
def month_archive():
    return {"months": cached_fragment("month-archive", month_archive_list)}


@register.inclusion_tag("news/includes/popular_tags.html")
def popular_tags(limit=12):
    """Render the tags with the most published articles."""
    return {"tags": cached_fragment(f"popular-tags:{limit}", lambda: _popular_tags(limit))}


def _popular_tags(limit):
    tags = (
        Topic.objects.filter(
            tagged_items__content_type=ContentType.objects.get_for_model(Article),
            tagged_items__object_id__in=Article.objects.published().values("pk"),
        )
        .annotate(article_count=Count("tagged_items"))
        .order_by("-article_count", "name")[:limit]
    )
    return list(tags)


@register.simple_tag(takes_context=True)
def article_structured_data(context, article):
    """Return schema.org NewsArticle data for an article."""
    request = context["request"]
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.lead,
        "datePublished": article.published_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "inLanguage": "de",
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "keywords": [tag.name for tag in article.tags.all()],
        "publisher": {"@type": "GovernmentOrganization", "name": "Stadt Ahlen"},
    }
