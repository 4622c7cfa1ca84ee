from django.core.paginator import Paginator
from django.shortcuts import render

from .registry import SEARCH_KINDS, kind_by_key
from .services import (
    hit_excerpt,
    is_lower_bound,
    normalize_query,
    query_terms,
    search_kind,
    uses_full_text,
    with_excerpts,
    with_hit_count,
)

RESULTS_PER_GROUP = 5
RESULTS_PER_PAGE = 20


def _result(kind, obj, query):
    title = getattr(obj, kind.title_attribute) if kind.title_attribute else str(obj)
    return {
        "object": obj,
        "title": title,
        "excerpt": hit_excerpt(kind, obj, query),
    }


def _group(kind, objects, query, count):
    return {
        "kind": kind,
        "results": [_result(kind, obj, query) for obj in objects],
        "count": count,
        "count_is_lower_bound": is_lower_bound(kind, count),
        "has_more": count > len(objects),
    }


def search(request):
    """Show the results grouped by kind, or one kind paginated (?art=artikel)."""
    query = normalize_query(request.GET.get("q"))
    selected = kind_by_key(request.GET.get("art", ""))
    groups, page_obj = [], None
    if query_terms(query):
        if selected:
            results = with_excerpts(search_kind(selected, query), selected, query)
            page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
            groups.append(_group(selected, page_obj.object_list, query, page_obj.paginator.count))
        else:
            for kind in SEARCH_KINDS:
                results = with_hit_count(with_excerpts(search_kind(kind, query), kind, query))
                items = list(results[:RESULTS_PER_GROUP])
                groups.append(_group(kind, items, query, items[0].hit_count if items else 0))
    total = sum(group["count"] for group in groups)
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "groups": groups,
            "selected": selected,
            "page_obj": page_obj,
            "has_results": total > 0,
            "total": total,
            "total_is_lower_bound": any(group["count_is_lower_bound"] for group in groups),
            "ranked": uses_full_text(),
        },
    )
