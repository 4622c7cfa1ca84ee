"""The kinds of content the site search covers, in the order results are shown."""

from apps.network.models import Institution, Meeting, Municipality, Person
from apps.news.models import Article

from .services import SearchKind

SEARCH_KINDS = [
    SearchKind(
        key="artikel",
        label="Artikel",
        queryset=lambda: Article.objects.published(),
        fields=[("title", "A"), ("lead", "B"), ("body", "C")],
        text_field="body",
        document_column="search_document",  # news migration 0008
    ),
    SearchKind(
        key="treffen",
        label="Treffen",
        queryset=lambda: Meeting.objects.published().select_related("programme"),
        fields=[("title", "A"), ("motto", "A"), ("city", "B"), ("summary", "C")],
        text_field="summary",
        title_attribute="heading",
        document_column="search_document",  # network migration 0004
    ),
    SearchKind(
        key="personen",
        label="Personen",
        queryset=lambda: Person.objects.published(),
        fields=[("last_name", "A"), ("first_name", "A"), ("academic_title", "D")],
        document_column="search_document",  # network migration 0005
    ),
    SearchKind(
        key="kommunen",
        label="Kommunen",
        queryset=lambda: Municipality.objects.all(),
        fields=[("name", "A"), ("district", "B")],
        document_column="search_document",  # network migration 0005
    ),
    SearchKind(
        key="institutionen",
        label="Institutionen",
        queryset=lambda: Institution.objects.all(),
        fields=[("name", "A"), ("short_name", "A"), ("description", "C")],
        document_column="search_document",  # network migration 0005
        text_field="description",
    ),
]


def kind_by_key(key):
    return next((kind for kind in SEARCH_KINDS if kind.key == key), None)
