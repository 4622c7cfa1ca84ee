"""The views bench/middleware_cost.py times: two bytes uncacheable, and a cacheable page."""

from django.db import transaction
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

# About the size of a rendered list page, so that a cache hit moves what a real one moves.
PAGE = ("<p>" + "Präventionskette Ahlen " * 8 + "</p>\n") * 80


@never_cache
def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


@transaction.non_atomic_requests
@never_cache
def trivial_without_transaction(request):
    return HttpResponse("ok", content_type="text/plain")


def page(request):
    return HttpResponse(PAGE)


urlpatterns = [
    path("trivial/", trivial),
    path("plain/", trivial_without_transaction),
    path("page/", page),
]
