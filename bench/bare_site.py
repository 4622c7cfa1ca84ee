"""A bare Django site: one view answering two bytes, no middleware, no apps, no database.

`make bench` and `make bench-compare` serve it under the same gunicorn and wrk settings as
the site, as the yardstick the site's pages are compared with
(`gunicorn --pythonpath bench bare_site:application`).
"""

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


urlpatterns = [path("hello/", hello)]

application = get_wsgi_application()
