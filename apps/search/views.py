from django.core.paginator import Paginator
from django.shortcuts import render

from .registry import SEARCH_KINDS, kind_by_key
from .services import excerpt, normalize_query, query_terms, search_kind

RESULTS_PER_GROUP = 5
RESULTS_PER_PAGE = 20


def _result(kind, obj, query):
    text = getattr(obj, kind.text_field, "") if kind.text_field else ""
    title = getattr(obj, kind.title_attribute) if kind.title_attribute else str(obj)
    return {"object": obj, "title": title, "excerpt": excerpt(text, query)}


def search(request):
    """Show the results grouped by kind, or one kind paginated (?art=artikel)."""
    query = normalize_query(request.GET.get("q"))
    selected = kind_by_key(request.GET.get("art", ""))
    groups, page_obj = [], None
    if query_terms(query):
        if selected:
            results = search_kind(selected, query)
            page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
            groups.append(
                {
                    "kind": selected,
                    "results": [_result(selected, obj, query) for obj in page_obj.object_list],
                    "has_more": False,
                }
            )
        else:
            for kind in SEARCH_KINDS:
                items = list(search_kind(kind, query)[: RESULTS_PER_GROUP + 1])
                groups.append(
                    {
                        "kind": kind,
                        "results": [_result(kind, obj, query) for obj in items[:RESULTS_PER_GROUP]],
                        "has_more": len(items) > RESULTS_PER_GROUP,
                    }
                )
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "groups": groups,
            "selected": selected,
            "page_obj": page_obj,
            "has_results": any(group["results"] for group in groups),
        },
    )
