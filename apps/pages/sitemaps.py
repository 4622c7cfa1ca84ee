from django.contrib.sitemaps import Sitemap
from django.utils.functional import cached_property

from .models import HOME_INTRO_SLUG, Page


class PageSitemap(Sitemap):
    """The editable pages (Impressum, Datenschutz, …), read once per request: a handful of
    rows, so the index counts them without a query of its own."""

    changefreq = "monthly"

    @cached_property
    def _pages(self):
        return list(
            Page.objects.published().exclude(slug=HOME_INTRO_SLUG).only("slug", "updated_at")
        )

    def items(self):
        return self._pages

    def lastmod(self, item):
        return item.updated_at
