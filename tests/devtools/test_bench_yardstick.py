"""The benchmark's two-byte view and the bare site's view differ by nothing but the stack."""

from django.test import RequestFactory

from apps.devtools.views import bench_trivial
from tests.processes import bench_script_output

BARE_VIEW = (
    "import json, bare_site;"
    "from django.test import RequestFactory;"
    "r = bare_site.hello(RequestFactory().get('/hello/'));"
    "print(json.dumps([r.status_code, dict(r.headers), r.content.decode()]))"
)


def test_the_two_byte_view_answers_as_the_bare_sites_view():
    bare = bench_script_output(BARE_VIEW)
    ours = bench_trivial(RequestFactory().get("/bench/trivial/"))
    assert bare == [200, dict(ours.headers), ours.content.decode()]


PAGE_VIEW = (
    "import json, bare_site;"
    "from django.test import Client;"
    "r = Client().get('/page/');"
    "print(json.dumps([r.status_code, r['Content-Type'], r.content.decode()]))"
)


def test_the_bare_site_answers_a_pages_bytes_when_given_the_file(tmp_path):
    page = tmp_path / "article.html"
    page.write_bytes("<h1>Präventionskette Ahlen</h1>".encode())

    assert bench_script_output(PAGE_VIEW, BARE_SITE_PAGE=str(page)) == [
        200,
        "text/html; charset=utf-8",
        "<h1>Präventionskette Ahlen</h1>",
    ]


def test_the_bare_site_has_no_page_without_the_file():
    assert bench_script_output(PAGE_VIEW)[0] == 404
