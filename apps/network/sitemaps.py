from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Institution, Meeting, Municipality, Person, Programme


class NetworkIndexSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "network:overview",
            "network:meeting_list",
            "network:municipality_list",
            "network:institution_list",
        ]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        stamps = [
            model.objects.aggregate(latest=Max("updated_at"))["latest"]
            for model in (Municipality, Institution, Programme)
        ] + [
            model.objects.published().aggregate(latest=Max("updated_at"))["latest"]
            for model in (Meeting, Person)
        ]
        return max((stamp for stamp in stamps if stamp), default=None)


class MeetingSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Meeting.objects.published().order_by("-starts_on")

    def lastmod(self, item):
        return item.updated_at


class NetworkRecordSitemap(Sitemap):
    """The pages of people, municipalities, institutions and programmes."""

    changefreq = "monthly"

    def lastmod(self, item):
        return item.updated_at

    def items(self):
        return [
            *Municipality.objects.order_by("name"),
            *Institution.objects.order_by("name"),
            *Person.objects.published().order_by("last_name", "first_name"),
            *Programme.objects.order_by("starts_year"),
        ]
