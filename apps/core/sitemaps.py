"""The sitemap base the content apps build their sections on."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.functional import cached_property


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
