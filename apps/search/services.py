"""Site search: German full-text search on PostgreSQL, a simple word match elsewhere."""

import html
import re
import secrets
from dataclasses import dataclass, field

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection
from django.db.models import Count, Expression, F, Func, Q, QuerySet, TextField, Value, Window
from django.db.models.functions import Cast, Concat
from django.db.models.lookups import In
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
# A common word matches most of the archive (articles, meetings), so only its latest matches
# are ranked; this also bounds what the paginator counts. Registers rank every match.
RANKED_CANDIDATES = 200
EXCERPT_RADIUS = 120
SEARCH_CONFIG = "german"
# Excerpts are marked with these while they are plain text, escaped whole, and only then get
# their <mark> tags: no text an editor writes can become markup. Random per process, so no
# text can contain them on purpose either.
_MARK_START = f"hl{secrets.token_hex(8)}start"
_MARK_STOP = f"hl{secrets.token_hex(8)}stop"


@dataclass(frozen=True)
class SearchKind:
    """One kind of content the search covers, reached only through its published() queryset."""

    key: str
    label: str
    queryset: callable  # returns the published queryset
    # (field, weight) pairs; the first is the title shown in results
    fields: list = field(default_factory=list)
    # After relevance (PostgreSQL only), hits are ordered by this: newest first where a kind
    # has a date.
    ordering: tuple = ("-pk",)
    # The plain-text fields excerpts are cut from, and those among them that hold rich text
    # (their tags are stripped before anything is cut or highlighted).
    excerpt_fields: tuple = ()
    html_fields: tuple = ()
    # For kinds whose telling text lives in related rows: obj -> plain text to cut from.
    describe: callable = None
    # (lookup, kind) pairs: an object also matches when what it is linked to by the lookup is
    # a hit of that kind (a person matches "Ahlen" through a role in Ahlen).
    related: tuple = ()
    title_attribute: str | None = None  # what a result is called; str(obj) when None
    # A stored tsvector column holding the weighted `fields` (PostgreSQL only, outside the
    # model state); matched and ranked instead of recomputing the vector per row.
    document_column: str | None = None
    # Registers of a few thousand rows at most rank every match; an archive ranks only its
    # latest RANKED_CANDIDATES matches (the count is then a lower bound).
    ranks_every_match: bool = False


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


class AnyOfSubquery(In):
    """`column = ANY(ARRAY(subquery))`: the column is one of the values a one-column subquery
    (a `values("pk")` queryset) returns; the same rows as `IN (subquery)`.

    Said as `IN (subquery)`, PostgreSQL may hash-join the candidates and read the whole table
    to do it: the meeting search read all 2,000 meetings for 200 candidates (the query took
    2.0 ms as the site sees it, 1.6 ms executing). An array is looked up by key, one index
    probe per value (1.3 ms, 0.8 ms executing).
    """

    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            raise TypeError("AnyOfSubquery needs a subquery, not a list of values.")
        return super().process_rhs(compiler, connection)

    def get_rhs_op(self, connection, rhs):
        return f"= ANY(ARRAY{rhs})"  # rhs is the parenthesised subquery


class Headline(SearchHeadline):
    """Django's SearchHeadline with its options quoted once per process, not per query.

    Django quotes each option through a client-side cursor of its own, on every query: six
    cursors per excerpt column. The first query of each set of options goes through Django's
    own as_sql, and the options argument it wrote is kept; the options given here are
    constants of this module, so that is one entry per connection.
    """

    _quoted_options = {}

    def as_sql(self, compiler, connection, function=None, template=None):
        # By type too: True and 1 are equal keys but are quoted differently.
        key = (connection.alias, *((name, type(v), v) for name, v in self.options.items()))
        if key in self._quoted_options:
            sql, params = Func.as_sql(
                self, compiler, connection, function=function, template=template, options=", %s"
            )
            return sql, [*params, self._quoted_options[key]]
        sql, params = super().as_sql(compiler, connection, function=function, template=template)
        if self.options:  # without options Django writes no options argument; nothing to keep
            self._quoted_options[key] = params[-1]  # Django appends the options last
        return sql, params


def weighted_vector(kind: SearchKind):
    if kind.document_column:
        return DocumentColumn(kind.document_column)
    vector = None
    for name, weight in kind.fields:
        part = SearchVector(name, weight=weight, config=SEARCH_CONFIG)
        vector = part if vector is None else vector + part
    return vector


def _search_query(terms: list[str], *, names_only: bool = False) -> SearchQuery:
    if names_only:
        # Terms are letters and digits only (query_terms), so they cannot form operators.
        raw = " & ".join(f"{term}:A" for term in terms)
        return SearchQuery(raw, search_type="raw", config=SEARCH_CONFIG)
    return SearchQuery(" ".join(terms), search_type="plain", config=SEARCH_CONFIG)


def matching(kind: SearchKind, terms: list[str], *, names_only: bool = False) -> QuerySet:
    """Return the published objects of one kind that match the terms, unordered.

    names_only matches the fields weighted A alone (a municipality by its name, not by its
    district).
    """
    queryset = kind.queryset()
    fields = [name for name, weight in kind.fields if weight == "A" or not names_only]
    if uses_full_text():
        if kind.document_column or names_only:  # weights are needed to match names only
            document = weighted_vector(kind)
        else:
            document = document_vector(*fields)
        queryset = queryset.alias(document=document)
        condition = Q(document=_search_query(terms, names_only=names_only))
    else:
        condition = Q()
        for term in terms:
            term_condition = Q()
            for name in fields:
                term_condition |= Q(**{f"{name}__icontains": term})
            condition &= term_condition
    for lookup, related_kind in kind.related:
        # Linked by name only: searching a town finds the people working there, not everyone
        # in its district.
        linked = queryset.model._base_manager.filter(
            **{f"{lookup}__in": matching(related_kind, terms, names_only=True).values("pk")}
        )
        condition |= Q(pk__in=linked.values("pk"))
    return queryset.filter(condition)


def search_kind(kind: SearchKind, query: str) -> QuerySet:
    """Return the published objects of one kind that match, best first, then newest first."""
    terms = query_terms(query)
    if not terms:
        return kind.queryset().none()
    matches = matching(kind, terms)
    if uses_full_text():
        if not kind.ranks_every_match:
            candidates = matches.order_by("-pk").values("pk")[:RANKED_CANDIDATES]
            matches = kind.queryset().filter(AnyOfSubquery(F("pk"), candidates))
        return matches.annotate(
            rank=SearchRank(weighted_vector(kind), _search_query(terms))
        ).order_by("-rank", *kind.ordering)
    # SQLite has no measure of relevance: hits come in date order (by name where a kind has
    # no date).
    return matches.order_by(*kind.ordering)


def is_lower_bound(kind: SearchKind, count: int) -> bool:
    """Say whether a count of search_kind() hits may be short: only so many are ranked."""
    return uses_full_text() and not kind.ranks_every_match and count >= RANKED_CANDIDATES


def with_hit_count(results: QuerySet) -> QuerySet:
    """Annotate each hit with the number of hits in all, counted in the same query."""
    return results.annotate(hit_count=Window(Count("pk")))


def _headline_source(kind: SearchKind):
    parts = []
    for name in kind.excerpt_fields:
        text = Cast(F(name), output_field=TextField())
        if name in kind.html_fields:
            # Tags out: ts_headline would keep them, and they are not the text.
            text = Func(
                text,
                Value("<[^>]*>"),
                Value(" "),
                Value("g"),
                function="regexp_replace",
                output_field=TextField(),
            )
        parts.extend([text, Value(" ")])
    return parts[0] if len(parts) == 2 else Concat(*parts[:-1], output_field=TextField())


def with_excerpts(results: QuerySet, kind: SearchKind, query: str) -> QuerySet:
    """Annotate each hit with its excerpt as PostgreSQL's ts_headline cuts it (German stems)."""
    terms = query_terms(query)
    if not (uses_full_text() and kind.excerpt_fields and terms):
        return results
    return results.annotate(
        headline=Headline(
            _headline_source(kind),
            _search_query(terms),
            config=SEARCH_CONFIG,
            start_sel=_MARK_START,
            stop_sel=_MARK_STOP,
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
    )


def hit_excerpt(kind: SearchKind, obj, query: str) -> SafeString:
    """Return the escaped excerpt of one hit, with the matched words in <mark>."""
    if getattr(obj, "headline", None) is not None:
        # ts_headline's text comes partly from rich text, whose entities are still in it.
        return _marked_html(html.unescape(obj.headline))
    if kind.describe:
        return excerpt(kind.describe(obj), query, rich_text=False)
    parts = []
    for name in kind.excerpt_fields:
        value = getattr(obj, name) or ""
        parts.append(_plain(value) if name in kind.html_fields else value)
    return excerpt(" ".join(parts), query, rich_text=False)


def _plain(rich_text: str) -> str:
    return html.unescape(strip_tags(rich_text))


def _marked_html(text: str) -> SafeString:
    """Escape text holding the mark sentinels, then turn only those into <mark> tags."""
    escaped = escape(" ".join(text.split()))
    return mark_safe(  # noqa: S308 (escaped above; only the sentinels become tags)
        escaped.replace(_MARK_START, "<mark>").replace(_MARK_STOP, "</mark>")
    )


def excerpt(text: str, query: str, *, rich_text: bool = True) -> SafeString:
    """Return an escaped excerpt of text around the first term found, with terms in <mark>."""
    plain = " ".join((_plain(text or "") if rich_text else text or "").split())
    plain = plain.replace(_MARK_START, "").replace(_MARK_STOP, "")
    if not plain:
        return mark_safe("")
    terms = query_terms(query)
    stems = [term[: max(4, len(term) - 2)] for term in terms]  # "Netzwerke" → "Netzwerk"
    pattern = re.compile("|".join(re.escape(s) for s in stems), re.IGNORECASE) if stems else None
    match = pattern.search(plain) if pattern else None
    start = max(0, match.start() - EXCERPT_RADIUS) if match else 0
    end = min(len(plain), start + 2 * EXCERPT_RADIUS)
    snippet = plain[start:end]
    if pattern:
        word = re.compile(r"\w*(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.I)
        snippet = word.sub(lambda m: f"{_MARK_START}{m.group(0)}{_MARK_STOP}", snippet)
    return _marked_html(("… " if start else "") + snippet + (" …" if end < len(plain) else ""))
