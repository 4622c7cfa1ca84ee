"""bench/compare.py (`make bench-compare`): rows of the site before and after, side by side."""

from tests.processes import bench_script_output

# compare.py sets BENCH_REDIS_URL on import: in a process of its own.
WITH_BASELINE = (
    "import json, compare;"
    "rows = {compare.BARE: (1, '/hello/'), compare.BARE_ARTICLE: (1, '/page/'),"
    " 'Cache-Treffer: Artikel': (3, '/a/'), 'Ungecacht: Artikel': (2, '/a/')};"
    "print(json.dumps(list(compare.with_baseline(rows, ' (abc1234)', {2: 12, 3: 13}).items())))"
)


def test_each_row_of_the_site_gets_its_baseline_twin_and_the_bare_sites_rows_none():
    assert bench_script_output(WITH_BASELINE) == [
        ["Django ohne Middleware (bench/bare_site.py)", [1, "/hello/"]],
        # The bare site answering the article's bytes has no "before" either.
        [
            "Django ohne Middleware, dieselben Bytes wie Cache-Treffer: Artikel mit Fotos",
            [1, "/page/"],
        ],
        ["Cache-Treffer: Artikel (abc1234)", [13, "/a/"]],
        ["Cache-Treffer: Artikel", [3, "/a/"]],
        ["Ungecacht: Artikel (abc1234)", [12, "/a/"]],
        ["Ungecacht: Artikel", [2, "/a/"]],
    ]
