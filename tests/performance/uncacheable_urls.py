"""A page the page cache must not store (Cache-Control: private), with the site's routes."""

from django.http import HttpResponse
from django.urls import include, path

from apps.core.urls import read_only


def private_page(request):
    response = HttpResponse("Nur für diese Anfrage")
    response["Cache-Control"] = "private"  # ConditionalGetMiddleware adds the ETag
    return response


urlpatterns = [*read_only([path("privat/", private_page)]), path("", include("config.urls"))]
