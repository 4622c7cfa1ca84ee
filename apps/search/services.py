"""Site search: German full-text search on PostgreSQL, a simple word match elsewhere."""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection
from django.db.models import Expression, Q, QuerySet
from django.utils.html import escape, strip_tags

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
# A common word matches most of the archive, so only the latest matches are ranked; this
# also bounds what the paginator counts.
RANKED_CANDIDATES = 200
EXCERPT_RADIUS = 120
SEARCH_CONFIG = "german"


@dataclass(frozen=True)
class SearchKind:
    """One kind of content the search covers, reached only through its published() queryset."""

    key: str
    label: str
    queryset: callable  # returns the published queryset
    # (field, weight) pairs; the first is the title shown in results
    fields: list = field(default_factory=list)
    text_field: str | None = None  # the field excerpts are cut from
    title_attribute: str | None = None  # what a result is called; str(obj) when None
    # A stored tsvector column holding the weighted `fields` (PostgreSQL only, outside the
    # model state); matched and ranked instead of recomputing the vector per row.
    document_column: str | None = None


def normalize_query(raw: str | None) -> str:
    """Return the query trimmed to a sane length with whitespace collapsed."""
    return " ".join((raw or "")[: MAX_QUERY_LENGTH * 5].split())[:MAX_QUERY_LENGTH]


def query_terms(query: str) -> list[str]:
    """Return the words of a query (letters and digits only), at most MAX_TERMS of them."""
    return re.findall(r"\w+", query)[:MAX_TERMS]


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def document_vector(*field_names: str) -> SearchVector:
    """Return the unweighted document vector; GIN expression indexes are built on exactly this."""
    return SearchVector(*field_names, config=SEARCH_CONFIG)


class DocumentColumn(Expression):
    """A tsvector column the model does not declare, read from the query's own table.

    Unlike RawSQL with a fixed table name it follows the alias the table gets, so it stays
    correct inside the candidate subquery (where Django renames the table to U0).
    """

    output_field = SearchVectorField()

    def __init__(self, column: str, alias: str | None = None):
        super().__init__()
        self.column, self.alias = column, alias

    # New instances rather than copies, so the alias is part of the expression's identity.
    def resolve_expression(self, query=None, *args, **kwargs):
        return type(self)(self.column, query.get_initial_alias())

    def relabeled_clone(self, change_map):
        return type(self)(self.column, change_map.get(self.alias, self.alias))

    def as_sql(self, compiler, connection):
        column = connection.ops.quote_name(self.column)
        return f"{compiler.quote_name_unless_alias(self.alias)}.{column}", []


def weighted_vector(kind: SearchKind):
    if kind.document_column:
        return DocumentColumn(kind.document_column)
    vector = None
    for name, weight in kind.fields:
        part = SearchVector(name, weight=weight, config=SEARCH_CONFIG)
        vector = part if vector is None else vector + part
    return vector


def search_kind(kind: SearchKind, query: str) -> QuerySet:
    """Return the published objects of one kind that match, best first."""
    terms = query_terms(query)
    queryset = kind.queryset()
    if not terms:
        return queryset.none()
    if uses_full_text():
        search_query = SearchQuery(" ".join(terms), search_type="plain", config=SEARCH_CONFIG)
        if kind.document_column:
            document = DocumentColumn(kind.document_column)
        else:
            document = document_vector(*[name for name, _weight in kind.fields])
        candidates = (
            queryset.alias(document=document)
            .filter(document=search_query)
            .order_by("-pk")
            .values("pk")[:RANKED_CANDIDATES]
        )
        return (
            queryset.filter(pk__in=candidates)
            .annotate(rank=SearchRank(weighted_vector(kind), search_query))
            .order_by("-rank", "-pk")
        )
    condition = Q()
    for term in terms:
        term_condition = Q()
        for name, _weight in kind.fields:
            term_condition |= Q(**{f"{name}__icontains": term})
        condition &= term_condition
    return queryset.filter(condition).order_by("-pk")


def excerpt(text: str, query: str) -> str:
    """Return an escaped excerpt of text around the first term found, with terms in <mark>."""
    plain = " ".join(strip_tags(text or "").split())
    terms = query_terms(query)
    if not plain:
        return ""
    stems = [term[: max(4, len(term) - 2)] for term in terms]  # "Netzwerke" → "Netzwer"
    pattern = re.compile("|".join(re.escape(s) for s in stems), re.IGNORECASE) if stems else None
    match = pattern.search(plain) if pattern else None
    start = max(0, match.start() - EXCERPT_RADIUS) if match else 0
    end = min(len(plain), start + 2 * EXCERPT_RADIUS)
    snippet = plain[start:end]
    escaped = escape(snippet)
    if pattern:
        word = re.compile(
            r"\w*(?:" + "|".join(re.escape(escape(s)) for s in stems) + r")\w*", re.IGNORECASE
        )
        escaped = word.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)
    return ("… " if start else "") + escaped + (" …" if end < len(plain) else "")
