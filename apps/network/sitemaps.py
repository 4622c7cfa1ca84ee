from django.db.models import Value
from django.utils.functional import cached_property

from apps.core.sitemaps import RouteSitemap

from .models import Institution, Meeting, Municipality, Person, Programme

INDEX_PAGES = [
    "network:overview",
    "network:meeting_list",
    "network:municipality_list",
    "network:institution_list",
    "network:person_list",
]
# Record kind → its detail view, in the order the section lists them.
DETAIL_VIEWS = {
    "meeting": "network:meeting_detail",
    "municipality": "network:municipality_detail",
    "institution": "network:institution_detail",
    "person": "network:person_detail",
    "programme": "network:programme_detail",
}


class NetworkSitemap(RouteSitemap):
    """The network's index pages and every public meeting, person, municipality, institution
    and programme, read in one query.

    The index pages change whenever any record does, so their date is the latest of all.
    Instantiated per request (the URLconf passes the class), so the cached items never go
    stale.
    """

    @cached_property
    def entries(self):
        parts = [
            Meeting.objects.published(),
            Municipality.objects.all(),
            Institution.objects.all(),
            Person.objects.published(),
            Programme.objects.all(),
        ]
        rows = [
            queryset.order_by()
            .annotate(record_kind=Value(kind))
            .values_list("slug", "updated_at", "record_kind")
            for queryset, kind in zip(parts, DETAIL_VIEWS, strict=True)
        ]
        order = list(DETAIL_VIEWS)
        records = sorted(
            rows[0].union(*rows[1:], all=True), key=lambda row: (order.index(row[2]), row[0])
        )
        latest = max((updated for _, updated, _ in records), default=None)
        return [(name, {}, latest) for name in INDEX_PAGES] + [
            (DETAIL_VIEWS[kind], {"slug": slug}, updated) for slug, updated, kind in records
        ]

    def changefreq(self, item):
        return "monthly" if item[1] else "weekly"
