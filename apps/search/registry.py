"""The kinds of content the site search covers, in the order results are shown."""

from django.db.models import Prefetch

from apps.network.models import Institution, Meeting, Municipality, Person, Role
from apps.news.models import Article

from .services import SearchKind


def _describe_person(person):
    # Roles come prefetched with their organisations (the queryset below).
    return "; ".join(
        ", ".join(
            str(part) for part in (role.title or role.get_kind_display(), role.organisation) if part
        )
        for role in person.roles.all()
    )


def _describe_municipality(municipality):
    kind = municipality.get_kind_display() if municipality.kind else ""
    return ", ".join(part for part in (kind, municipality.district) if part)


MUNICIPALITIES = SearchKind(
    key="kommunen",
    label="Kommunen",
    queryset=lambda: Municipality.objects.all(),
    fields=[("name", "A"), ("district", "B")],
    ordering=("name", "pk"),
    describe=_describe_municipality,
    document_column="search_document",  # network migration 0005
    ranks_every_match=True,
)

INSTITUTIONS = SearchKind(
    key="institutionen",
    label="Institutionen",
    queryset=lambda: Institution.objects.all(),
    fields=[("name", "A"), ("short_name", "A"), ("description", "C")],
    ordering=("name", "pk"),
    excerpt_fields=("description",),
    document_column="search_document",  # network migration 0005
    ranks_every_match=True,
)

SEARCH_KINDS = [
    SearchKind(
        key="artikel",
        label="Artikel",
        queryset=lambda: Article.objects.published(),
        fields=[("title", "A"), ("lead", "B"), ("body", "C")],
        ordering=("-published_at", "-pk"),
        excerpt_fields=("lead", "body"),
        html_fields=("body",),
        document_column="search_document",  # news migration 0008
    ),
    SearchKind(
        key="treffen",
        label="Treffen",
        queryset=lambda: Meeting.objects.published().select_related("programme"),
        fields=[("title", "A"), ("motto", "A"), ("city", "B"), ("summary", "C")],
        ordering=("-starts_on", "-pk"),
        excerpt_fields=("motto", "summary"),
        title_attribute="heading",
        document_column="search_document",  # network migration 0004
    ),
    SearchKind(
        key="personen",
        label="Personen",
        # Only published people, whatever matched: their name or a role's organisation.
        queryset=lambda: Person.objects.published().prefetch_related(
            Prefetch("roles", queryset=Role.objects.select_related("municipality", "institution"))
        ),
        fields=[
            ("last_name", "A"),
            ("first_name", "A"),
            ("other_names", "A"),
            ("academic_title", "D"),
        ],
        ordering=("last_name", "first_name", "pk"),
        describe=_describe_person,
        related=(("roles__municipality", MUNICIPALITIES), ("roles__institution", INSTITUTIONS)),
        document_column="search_document",  # network migration 0005
        ranks_every_match=True,
    ),
    MUNICIPALITIES,
    INSTITUTIONS,
]


def kind_by_key(key):
    return next((kind for kind in SEARCH_KINDS if kind.key == key), None)
