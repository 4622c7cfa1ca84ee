from django import template
from django.conf import settings
from django.urls import reverse

from apps.media.renditions import structured_data_images

register = template.Library()


@register.simple_tag(takes_context=True)
def article_structured_data(context, article, topics, lead_photo):
    """Return schema.org NewsArticle data for an article (topics and photo: article_parts)."""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.lead,
        "datePublished": article.date_iso,
        "dateModified": article.updated_at.isoformat(),
        "inLanguage": "de",
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "keywords": [tag.name for tag in topics],
    }
    # The site speaks for the municipality; articles name no personal author.
    publisher = {
        "@type": "GovernmentOrganization",
        "name": settings.SITE_PUBLISHER,
        "url": request.build_absolute_uri(reverse("home")),
    }
    data["author"] = data["publisher"] = publisher
    if lead_photo is not None:
        data["image"] = structured_data_images(request, lead_photo)
    return data
