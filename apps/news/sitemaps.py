from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import TruncDay, TruncMonth, TruncYear
from django.urls import reverse
from django.utils import timezone

from .models import Article


class HomeSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["home"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return Article.objects.published().aggregate(m=Max("updated_at"))["m"]


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "published_at", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class ArchiveSitemap(Sitemap):
    """Every year, half-year, month and day archive that has published articles."""

    changefreq = "weekly"
    limit = 5000

    def items(self):
        tz = timezone.get_current_timezone()
        published = Article.objects.published().order_by()
        items = [("news:article_list", {}, published.aggregate(m=Max("updated_at"))["m"])]
        for trunc, kind in [(TruncYear, "year"), (TruncMonth, "month"), (TruncDay, "day")]:
            rows = (
                published.annotate(period=trunc("published_at", tzinfo=tz))
                .values("period")
                .annotate(m=Max("updated_at"))
                .order_by("period")
            )
            half_years = {}
            for row in rows:
                period = row["period"]
                items.append(_archive_item(kind, period, row["m"]))
                if kind == "month":
                    key = (period.year, 1 if period.month <= 6 else 2)
                    half_years[key] = max(half_years.get(key, row["m"]), row["m"])
            for (year, half), modified in half_years.items():
                items.append(
                    ("news:archive_half_year", {"year": str(year), "half": half}, modified)
                )
        return items

    def location(self, item):
        name, kwargs, _ = item
        return reverse(name, kwargs=kwargs)

    def lastmod(self, item):
        return item[2]


def _archive_item(kind, period, modified):
    kwargs = {"year": str(period.year)}
    if kind in ("month", "day"):
        kwargs["month"] = f"{period.month:02d}"
    if kind == "day":
        kwargs["day"] = f"{period.day:02d}"
    return (f"news:archive_{kind}", kwargs, modified)
