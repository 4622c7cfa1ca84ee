from django import template

register = template.Library()


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
