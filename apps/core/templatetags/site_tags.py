import json

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from apps.core.text import plain_number

register = template.Library()

# Characters that could end the <script> data block or start markup, escaped as JSON allows.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """Render a dict as a schema.org JSON-LD block (a data block, not script: CSP-safe)."""
    payload = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag(takes_context=True)
def organization_data(context):
    request = context["request"]
    return {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri("/"),
        "parentOrganization": {"@type": "GovernmentOrganization", "name": "Stadt Ahlen"},
        "areaServed": "Ahlen, Nordrhein-Westfalen",
    }


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """Return the page's absolute URL without query string, keeping only ?page=N past page 1."""
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    page = request.GET.get("page", "")
    if plain_number(page) not in (None, 0, 1):
        url = f"{url}?page={page}"
    return url
