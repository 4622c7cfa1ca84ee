from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from apps.pages.cache import cached_fragment

from ..calendar import build_month_calendar, month_archive_list
from ..models import Article, Topic

register = template.Library()


def _cached_html(name, template_name, build_context):
    """Return a sidebar fragment rendered once per content version (see apps.pages.cache)."""
    return mark_safe(  # noqa: S308 (the output of our own template)
        cached_fragment(name, lambda: render_to_string(template_name, build_context()))
    )


@register.simple_tag
def month_calendar(year=None, month=None):
    """Render the month calendar; the current month unless a month is given."""
    today = timezone.localdate()
    year = int(year or today.year)
    month = int(month or today.month)
    return _cached_html(
        f"calendar:{year}-{month}:{today}",
        "news/includes/month_calendar.html",
        lambda: {"calendar": build_month_calendar(year=year, month=month, today=today)},
    )


@register.simple_tag
def month_archive():
    return _cached_html(
        "month-archive",
        "news/includes/month_archive_list.html",
        lambda: {"months": month_archive_list()},
    )


@register.simple_tag
def popular_tags(limit=12):
    """Render the tags with the most published articles."""
    return _cached_html(
        f"popular-tags:{limit}",
        "news/includes/popular_tags.html",
        lambda: {"tags": _popular_tags(limit)},
    )


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
