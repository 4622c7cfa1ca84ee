from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.db.models.functions import TruncDay
from django.utils import timezone
from django.utils.functional import cached_property

from apps.core.dates import DatePrecision
from apps.core.sitemaps import RouteSitemap

from .models import Article
from .months import HALF_YEAR_PRECISIONS, MONTH_PRECISIONS

# The sitemaps are instantiated per request (the URLconf passes the classes), so what they
# cache below lives for one request only.


class ArticleSitemap(Sitemap):
    """Every published article, 5,000 to a section page; the sitemap index links each page."""

    changefreq = "monthly"
    limit = 5000

    @cached_property
    def _stats(self):
        # How many pages and how fresh: one query for the index and for every section page.
        return Article.objects.published().aggregate(count=Count("id"), latest=Max("updated_at"))

    def items(self):
        return Article.objects.published().only(
            "slug", "published_at", "date_precision", "updated_at"
        )

    @property
    def paginator(self):
        paginator = Paginator(self.items(), self.limit)
        paginator.count = self._stats["count"]
        return paginator

    def get_latest_lastmod(self):
        return self._stats["latest"]

    def lastmod(self, item):
        return item.updated_at


class ArchiveSitemap(RouteSitemap):
    """The home page, the news list and every year, half-year, month and day archive that
    has published articles, all from one query. An article counts only for the archives its
    date is known for (a year's, not the day of its internal sort date, which is a 404)."""

    limit = 5000

    @cached_property
    def entries(self):
        tz = timezone.get_default_timezone()
        days = (
            Article.objects.published()
            .order_by()
            .annotate(period=TruncDay("published_at", tzinfo=tz))
            .values_list("period", "date_precision")
            .annotate(m=Max("updated_at"))
            .order_by("period")
        )
        years, half_years, months, days_known = {}, {}, {}, {}
        for period, precision, modified in days:
            for bucket, key, precisions in [
                (years, period.year, None),
                (half_years, (period.year, 1 if period.month <= 6 else 2), HALF_YEAR_PRECISIONS),
                (months, (period.year, period.month), MONTH_PRECISIONS),
                (days_known, period, (DatePrecision.DAY,)),
            ]:
                if precisions is None or precision in precisions:
                    bucket[key] = max(bucket.get(key, modified), modified)
        day_items = [
            (
                "news:archive_day",
                {"year": str(d.year), "month": f"{d.month:02d}", "day": f"{d.day:02d}"},
                modified,
            )
            for d, modified in days_known.items()
        ]
        latest = max(years.values(), default=None)
        return [
            ("home", {}, latest),
            ("news:article_list", {}, latest),
            *(("news:archive_year", {"year": str(y)}, m) for y, m in years.items()),
            *(
                ("news:archive_month", {"year": str(y), "month": f"{mo:02d}"}, m)
                for (y, mo), m in months.items()
            ),
            *(
                ("news:archive_half_year", {"year": str(y), "half": half}, m)
                for (y, half), m in half_years.items()
            ),
            *day_items,
        ]

    def changefreq(self, item):
        return "daily" if item[0] == "home" else "weekly"

    def priority(self, item):
        return 1.0 if item[0] == "home" else None


class TopicSitemap(RouteSitemap):
    """The topic pages with published articles, each last changed with its newest article."""

    changefreq = "weekly"

    @cached_property
    def entries(self):
        rows = (
            Article.objects.published()
            .values("tags__slug")
            .annotate(last=Max("updated_at"))
            .order_by("tags__slug")
        )
        topics = [
            ("news:article_tag", {"slug": row["tags__slug"]}, row["last"])
            for row in rows
            if row["tags__slug"]
        ]
        if not topics:
            return []
        newest = max(last for _name, _kwargs, last in topics)
        return [("news:topic_index", {}, newest), *topics]
