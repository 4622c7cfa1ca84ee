"""bench/versus.py: two checkouts' runs of `make bench-postgres`, compared page by page."""

import json
import sys
from pathlib import Path

import pytest

# bench/ is not a package: its scripts import each other by name (versus.py imports report),
# so it is on the path for this import only.
_BENCH = str(Path(__file__).resolve().parents[2] / "bench")
sys.path.insert(0, _BENCH)
try:
    import versus
finally:
    sys.path.remove(_BENCH)


def run(tmp_path, name, p95=10.0, **rates):
    """Write a result file as bench.py saves it: the two yardsticks, then these pages'
    uncached req/s, the first page with this p95, each further page's a millisecond more."""
    uncached = {
        "Django ohne Middleware": {"rps": 7000.0, "p95": 0.7},
        "Triviale Ansicht": {"rps": 5000.0, "p95": 1.0},
    }
    for index, (page, rps) in enumerate(rates.items()):
        uncached[page] = {"rps": rps, "p95": p95 + index}
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps({"uncached": uncached, "cached": {}}))
    return path


def render_split(tmp_path, **pages):
    """Write what bench/render_cost.py --json saves: per page its median request and the part
    of it in templates, in ms (median, templates)."""
    path = tmp_path / "render.json"
    path.write_text(
        json.dumps(
            {
                page: {"median_ms": median, "render_ms": templates, "sql_ms": 0.0}
                for page, (median, templates) in pages.items()
            }
        )
    )
    return path


def test_pages_are_compared_by_the_median_of_each_sides_runs(tmp_path, capsys):
    before = [
        run(tmp_path, "b1", Artikel=100, Suche=50, Kommune=60),
        run(tmp_path, "b2", Artikel=120, Suche=40, Kommune=60),
        run(tmp_path, "b3", Artikel=200, Suche=45, Kommune=60),
    ]
    after = [
        run(tmp_path, "a1", p95=90, Artikel=330, Suche=100, Kommune=60),
        run(tmp_path, "a2", p95=20, Artikel=340, Suche=140, Kommune=60),
        run(tmp_path, "a3", p95=30, Artikel=360, Suche=150, Kommune=60),
    ]

    versus.main([*map(str, before), "--after", *map(str, after)])

    table = capsys.readouterr().out
    # Artikel: 340 / 120 = 2.83× (the pairs 3.30×, 2.83×, 1.80×); Suche: 140 / 45 = 3.11×;
    # p95: the median of the after runs' (90, 20 and 30 for Artikel).
    assert "| Artikel | 120.0 | 340.0 | 2.83× | 1.80–3.30× | 30.0 | nein |" in table
    assert "| Suche | 45.0 | 140.0 | 3.11× | 2.00–3.50× | 31.0 | ja |" in table
    assert "| Kommune | 60.0 | 60.0 | 1.00× | 1.00–1.00× | 32.0 | nein |" in table
    # The median of 2.83, 3.11 and 1.00, not their mean (2.31).
    assert "1 von 3 Seiten mindestens 3×; Faktor 1.00–3.11×, Median 2.83×." in table
    # The yardsticks are not pages.
    assert "Triviale Ansicht" not in table
    assert "Django ohne Middleware" not in table


def test_a_page_at_exactly_the_goal_meets_it(tmp_path, capsys):
    versus.main(
        [str(run(tmp_path, "b", Artikel=100)), "--after", str(run(tmp_path, "a", Artikel=300))]
    )

    assert "| Artikel | 100.0 | 300.0 | 3.00× | 3.00–3.00× | 10.0 | ja |" in capsys.readouterr().out


def test_a_page_not_measured_in_every_run_is_named_not_compared(tmp_path, capsys):
    before = run(tmp_path, "b", Artikel=100)
    after = run(tmp_path, "a", Artikel=300, Kommune=80)

    versus.main([str(before), "--after", str(after)])

    table = capsys.readouterr().out
    assert "| Kommune |" not in table
    assert "Nicht in allen Läufen gemessen, nicht verglichen: Kommune." in table


def test_runs_are_paired_so_each_side_needs_as_many(tmp_path):
    before = run(tmp_path, "b", Artikel=100)
    after = run(tmp_path, "a", Artikel=300)

    with pytest.raises(SystemExit):
        versus.main([str(before), str(before), "--after", str(after)])


def test_split_adds_how_much_template_time_would_have_to_go_to_reach_the_goal(tmp_path, capsys):
    before = run(tmp_path, "b", Artikel=100, Suche=50, Kommune=60, Feed=80, Ical=100, Tag=70)
    after = run(tmp_path, "a", Artikel=200, Suche=100, Kommune=90, Feed=80, Ical=400, Tag=70)
    # The day archive was not timed in process.
    split = render_split(
        tmp_path,
        Artikel=(10.0, 6.0),
        Suche=(10.0, 2.0),
        Kommune=(10.0, 1.0),
        Feed=(5.0, 0.0),
        Ical=(1.0, 0.0),
    )

    versus.main([str(before), "--after", str(after), "--split", str(split)])

    table = capsys.readouterr().out
    assert "Templatezeit, die für 3× wegfallen müsste |" in table.splitlines()[0]
    # 2× now: a third of its 10 ms has to go, 3.33 ms of 6 ms of templates (55.6 %, under
    # 100 % and so rounded down).
    assert "| Artikel | 100.0 | 200.0 | 2.00× | 2.00–2.00× | 10.0 | nein | 55 % |" in table
    # 3.33 ms of 2 ms: more than the templates take, so out of their reach.
    assert "| Suche | 50.0 | 100.0 | 2.00× | 2.00–2.00× | 11.0 | nein | 167 % |" in table
    # 1.5×: half of its 10 ms, against 1 ms of templates.
    assert "| Kommune | 60.0 | 90.0 | 1.50× | 1.50–1.50× | 12.0 | nein | 500 % |" in table
    assert "| Feed | 80.0 | 80.0 | 1.00× | 1.00–1.00× | 13.0 | nein | keine Templates |" in table
    assert "| Ical | 100.0 | 400.0 | 4.00× | 4.00–4.00× | 14.0 | ja | 0 % |" in table
    assert "| Tag | 70.0 | 70.0 | 1.00× | 1.00–1.00× | 15.0 | nein | – |" in table
    assert (
        "Auch mit Templates, die nichts kosten, unter 3×: 3 von 5 Seiten, "
        "die auch in einem Prozess gemessen sind."
    ) in table


def test_without_split_the_table_has_no_column_for_it(tmp_path, capsys):
    versus.main(
        [str(run(tmp_path, "b", Artikel=100)), "--after", str(run(tmp_path, "a", Artikel=200))]
    )

    table = capsys.readouterr().out
    assert "Templates" not in table
    assert table.splitlines()[2].endswith("| 10.0 | nein |")


def test_shares_are_rounded_away_from_none_and_all_of_the_template_time(tmp_path, capsys):
    before = run(tmp_path, "b", Exakt=100, Knapp=100, Fast=100)
    after = run(tmp_path, "a", Exakt=150, Knapp=150, Fast=299)
    # Exakt: half of 10 ms has to go, and its templates take 5 ms: all of them, no more.
    # Knapp: the same 5 ms against 4.98 ms of templates, 100.4 %: out of reach.
    # Fast: 2.99×, 0.03 ms of 5 ms, 0.7 %: something to cut, so not "0 %".
    split = render_split(tmp_path, Exakt=(10.0, 5.0), Knapp=(10.0, 4.98), Fast=(10.0, 5.0))

    versus.main([str(before), "--after", str(after), "--split", str(split)])

    table = capsys.readouterr().out
    assert "| Exakt | 100.0 | 150.0 | 1.50× | 1.50–1.50× | 10.0 | nein | 100 % |" in table
    assert "| Knapp | 100.0 | 150.0 | 1.50× | 1.50–1.50× | 11.0 | nein | 101 % |" in table
    assert "| Fast | 100.0 | 299.0 | 2.99× | 2.99–2.99× | 12.0 | nein | 1 % |" in table
    assert "unter 3×: 1 von 3 Seiten" in table


def test_a_split_that_names_none_of_the_pages_is_refused(tmp_path, capsys):
    split = render_split(tmp_path, Impressum=(2.0, 1.0))

    with pytest.raises(SystemExit):
        versus.main(
            [
                str(run(tmp_path, "b", Artikel=100)),
                "--after",
                str(run(tmp_path, "a", Artikel=200)),
                "--split",
                str(split),
            ]
        )

    assert "no page of" in capsys.readouterr().err
