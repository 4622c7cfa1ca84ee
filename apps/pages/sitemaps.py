from django.contrib.sitemaps import Sitemap
from django.urls import reverse
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


class RouteSitemap(Sitemap):
    """A sitemap of (URL name, URL kwargs, last change) entries, built once per request by the
    subclass's `entries` (the URLconf passes classes, so each request gets a fresh one)."""

    @cached_property
    def entries(self):
        raise NotImplementedError

    def items(self):
        return self.entries

    def location(self, item):
        name, kwargs, _ = item
        return reverse(name, kwargs=kwargs)

    def lastmod(self, item):
        return item[2]
