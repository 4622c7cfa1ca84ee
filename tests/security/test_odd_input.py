"""Odd input on every public URL pattern: impossible dates, huge and negative numbers, null
bytes, huge query strings. A visitor (or a crawler) gets a 404 or a normal page, never a 5xx."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import ArticleFactory, MeetingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.slow(6)]

ODD_VALUES = {
    "int": ["0", "0000", "9999", "99999999999999999999", "00012"],
    "yyyy": ["0000", "9999", "0001", "2017"],
    "nn": ["00", "13", "99", "02"],
    "half": ["0", "3", "1"],
    "slug": ["x", "a" * 300, "%00", "-"],
    "str": ["x", "%00", "a" * 300],
    "path": ["x", "%00", "../../etc/passwd"],
}
ODD_QUERIES = [
    "?page=-1",
    "?page=0",
    "?page=99999999999999999999",
    "?page=%00",
    "?jahr=0000",
    "?jahr=-5",
    "?jahr=99999999999999999999",
    "?jahr=%C2%B2%C2%B2%C2%B2%C2%B2",  # "²²²²": digits to str.isdigit(), not to int()
    "?jahr=%E2%91%A0%E2%91%A0%E2%91%A0%E2%91%A0",  # "①①①①"
    "?page=%C2%B2",
    "?q=" + "Ahlen " * 2000,
    "?q=%00",
    "?art=%00&kind=x&monat=13",
]
# Known to be odd on purpose: the admin (walked by tests/editorial), media files, dev tools.
SKIP = re.compile(r"^(admin/|media/|static/|bench/)")
PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")


def public_routes(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from public_routes(entry, route)
        elif isinstance(entry, URLPattern) and not SKIP.match(route) and "^" not in route:
            yield route


def odd_urls(route):
    converters = [converter or "str" for converter, _name in PARAMETER.findall(route)]
    if not converters:
        return ["/" + route + query for query in ["", *ODD_QUERIES]]
    urls = []
    for index in range(max(len(ODD_VALUES[c]) for c in converters)):
        urls.append(_filled(route, [ODD_VALUES[c][index % len(ODD_VALUES[c])] for c in converters]))
    # The last day there is, and every query on a plausible address.
    if converters[:3] == ["yyyy", "nn", "nn"]:
        urls.append(_filled(route, ["9999", "12", "31", "x"]))
    return urls + [urls[0] + query for query in ODD_QUERIES]


def _filled(route, values):
    """Return the route as a URL, its parameters replaced by values in order."""
    remaining = iter(values)
    return "/" + PARAMETER.sub(lambda _match: next(remaining), route)


def test_the_walk_covers_the_public_site():
    routes = list(public_routes())
    assert "aktuelles/<yyyy:year>/<nn:month>/<nn:day>/<slug:slug>/" in routes
    assert "netzwerk/treffen/" in routes and len(routes) > 25


@pytest.mark.parametrize("page_cache", [0, 600], ids=["page-cache-off", "page-cache-on"])
def test_odd_input_never_answers_a_server_error(settings, page_cache):
    settings.PAGE_CACHE_SECONDS = page_cache
    ArticleFactory(tags=["Schule"])
    MeetingFactory()
    client = Client(raise_request_exception=False)
    failures = []
    for route in public_routes():
        for url in odd_urls(route):
            status = client.get(url).status_code
            if status >= 500:
                failures.append((status, url[:120]))
    assert failures == [], "\n".join(f"{status} {url}" for status, url in failures)
