from django.utils.functional import SimpleLazyObject

from apps.core.cache import cached_fragment

from .models import Page


def footer_pages(request):
    """Offer the pages linked in the footer to every template, queried only when rendered."""
    return {
        "footer_pages": SimpleLazyObject(
            lambda: cached_fragment(
                "footer-pages",
                lambda: list(Page.objects.published().filter(in_footer=True).only("title", "slug")),
            )
        )
    }
