from django.contrib.sitemaps import Sitemap

from .models import HOME_INTRO_SLUG, Page


class PageSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.published().exclude(slug=HOME_INTRO_SLUG)

    def lastmod(self, item):
        return item.updated_at
