"""The benchmark's two-byte view and the bare site's view differ by nothing but the stack."""

import json
import os

from django.test import RequestFactory

from apps.devtools.views import bench_trivial
from tests.processes import run_python

BARE_VIEW = (
    "import json, sys; sys.path.insert(0, 'bench'); import bare_site;"
    "from django.test import RequestFactory;"
    "r = bare_site.hello(RequestFactory().get('/hello/'));"
    "print(json.dumps([r.status_code, dict(r.headers), r.content.decode()]))"
)


def test_the_two_byte_view_answers_as_the_bare_sites_view():
    bare = run_python("-c", BARE_VIEW, env={"PATH": os.environ.get("PATH", "")})
    assert bare.returncode == 0, bare.stderr
    ours = bench_trivial(RequestFactory().get("/bench/trivial/"))
    assert json.loads(bare.stdout) == [200, dict(ours.headers), ours.content.decode()]
