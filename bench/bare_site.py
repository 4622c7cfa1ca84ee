"""A bare Django site: one view answering two bytes, no middleware, no apps, no database.

`make bench` and `make bench-compare` serve it under the same gunicorn and wrk settings as
the site, as the yardstick the site's pages are compared with
(`gunicorn --pythonpath bench bare_site:application`).

With BARE_SITE_PAGE (a file's path), /page/ answers that file's bytes as plainly: what serving
as many bytes as a page costs beside the two-byte answer, so that a cache hit of that page can
be read against both (`make bench-compare` gives it the article's HTML).
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only-not-secret",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)


def hello(request):
    # As the site's yardstick, apps.devtools.views.bench_trivial: the same two bytes and header.
    response = HttpResponse("ok", content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response


def page(request):
    # With its length, as the site's stored pages carry it (gunicorn would otherwise send
    # the body chunked).
    response = HttpResponse(PAGE, content_type="text/html; charset=utf-8")
    response["Content-Length"] = str(len(PAGE))
    return response


urlpatterns = [path("hello/", hello)]
if os.environ.get("BARE_SITE_PAGE"):
    PAGE = Path(os.environ["BARE_SITE_PAGE"]).read_bytes()
    urlpatterns.append(path("page/", page))

application = get_wsgi_application()
