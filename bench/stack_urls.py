"""The views bench/middleware_cost.py times: two bytes uncacheable, and a cacheable page."""

from django.http import HttpResponse
from django.urls import path

from apps.core.urls import read_only
from apps.devtools.views import bench_trivial as trivial

# About the size of a rendered list page, so that a cache hit moves what a real one moves.
PAGE = ("<p>" + "Präventionskette Ahlen " * 8 + "</p>\n") * 80


def page(request):
    return HttpResponse(PAGE)


urlpatterns = [
    # As the site's own two-byte view and every visitor's page: without a transaction.
    *read_only([path("trivial/", trivial), path("page/", page)]),
    # As the admin's views: in the request's transaction (ATOMIC_REQUESTS).
    path("in-transaction/", trivial),
]
