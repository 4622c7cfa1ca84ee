"""Two versions of the site, each measured by its own `make bench-postgres`, on one machine.

Usage: python bench/versus.py BEFORE.json [BEFORE.json ...] --after AFTER.json [AFTER.json ...]
                              [--goal 3] [--before-label REV] [--after-label REV]
                              [--split RENDER.json]

Issue #19 asks for every public page uncached at "≥ 3× today's req/s". Runs on different
machines cannot answer that (the hosts have differed by up to 6× between sessions), so
each version is served by its own checkout's `make bench-postgres` on the same machine, the
runs taking turns (before, after, before, after), and this compares them page by page. Each
file is the result a run saves (docs/bench/postgres-100000.json of its checkout; `bench.py
--json FILE` writes it elsewhere). Per page: the median req/s of each side's runs, their
ratio, the lowest and highest ratio of the runs taken pairwise in the order given, and the
after side's p95. Pages only one side has are left out and named under the table.

--split takes what `make bench-render BENCH_ARGS="--json FILE"` measured of the after version
in one process on the same data (each page's median request and the part of it spent in
templates) and adds how much of that template time would have to go for the page to reach the
goal: (1 - factor / goal) * median / templates. The column errs on the generous side twice:
render_cost's templates include the Python they call and the ORM work of the querysets they
evaluate, and the server's own work per request, which no renderer removes, is left out. Over
100 % means that the page cannot reach the goal by faster rendering alone, not even with
templates that cost nothing.
"""

import argparse
import json
import math
import statistics
import sys
from pathlib import Path

# The yardsticks (the two-byte view, the bare Django view), not pages.
from report import NOT_PAGES


def uncached_pages(path):
    result = json.loads(Path(path).read_text())
    return {name: r for name, r in result["uncached"].items() if name not in NOT_PAGES}


def compare(before_runs, after_runs, goal, split=None):
    """Return one row per page both sides measured, and the names only one side has.

    With split (bench/render_cost.py's numbers per page), a page it measured also gets
    "template_cut": the share of its template time that would have to go to reach the goal
    (None for a page without templates that has not reached it)."""
    common = set.intersection(*(set(run) for run in [*before_runs, *after_runs]))
    rows = []
    for name in after_runs[0]:
        if name not in common:
            continue
        before = statistics.median(run[name]["rps"] for run in before_runs)
        after = statistics.median(run[name]["rps"] for run in after_runs)
        pairs = [
            a[name]["rps"] / b[name]["rps"] for b, a in zip(before_runs, after_runs, strict=True)
        ]
        factor = after / before
        row = {
            "name": name,
            "before": before,
            "after": after,
            "factor": factor,
            "low": min(pairs),
            "high": max(pairs),
            "p95": statistics.median(run[name]["p95"] for run in after_runs),
            "met": factor >= goal,
        }
        if split and name in split:
            row["template_cut"] = template_cut(factor, goal, split[name])
        rows.append(row)
    named = set().union(*(set(run) for run in [*before_runs, *after_runs]))
    return rows, sorted(named - common)


def template_cut(factor, goal, page):
    """Return the share of a page's template time that would have to go for its factor to
    reach the goal, or None if it is short and has no template time to cut."""
    missing_ms = max(0.0, 1 - factor / goal) * page["median_ms"]
    if page["render_ms"]:
        return missing_ms / page["render_ms"]
    return None if missing_ms else 0.0


def percent(share):
    """Write a share in whole percent, rounded away from 0 % and 100 %, so that what is
    printed says on which side of them the share lies (0 % only for nothing, 100 % only for
    exactly all)."""
    value = share * 100
    if share > 1:
        return f"{math.ceil(value)} %"
    return f"{max(math.floor(value), 1) if share > 0 else 0} %"


def markdown(rows, missing, goal, before_label, after_label):
    goal_text = f"{goal:g}".replace(".", ",")
    split = any("template_cut" in row for row in rows)
    header = (
        f"| Seite | req/s {before_label} | req/s {after_label} | Faktor | Runden paarweise "
        f"| p95 ms {after_label} | mindestens {goal_text}× |"
    )
    rule = "| --- | ---: | ---: | ---: | ---: | ---: | :---: |"
    if split:
        header += f" Templatezeit, die für {goal_text}× wegfallen müsste |"
        rule += " ---: |"
    lines = [header, rule]
    for row in rows:
        line = (
            f"| {row['name']} | {row['before']:.1f} | {row['after']:.1f} | {row['factor']:.2f}× "
            f"| {row['low']:.2f}–{row['high']:.2f}× | {row['p95']:.1f} "
            f"| {'ja' if row['met'] else 'nein'} |"
        )
        if "template_cut" in row:
            cut = row["template_cut"]
            line += f" {percent(cut)} |" if cut is not None else " keine Templates |"
        elif split:
            line += " – |"
        lines.append(line)
    factors = [row["factor"] for row in rows]
    lines += [
        "",
        f"{sum(row['met'] for row in rows)} von {len(rows)} Seiten mindestens {goal_text}×; "
        f"Faktor {min(factors):.2f}–{max(factors):.2f}×, Median "
        f"{statistics.median(factors):.2f}×.",
    ]
    if split:
        cuts = [row["template_cut"] for row in rows if "template_cut" in row]
        out_of_reach = sum(cut is None or cut > 1 for cut in cuts)
        lines.append(
            f"Auch mit Templates, die nichts kosten, unter {goal_text}×: {out_of_reach} von "
            f"{len(cuts)} Seiten, die auch in einem Prozess gemessen sind."
        )
    if missing:
        lines.append(f"Nicht in allen Läufen gemessen, nicht verglichen: {', '.join(missing)}.")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("before", nargs="+", help="result files of the version before")
    parser.add_argument("--after", nargs="+", required=True, help="result files after")
    parser.add_argument("--goal", type=float, default=3.0)
    parser.add_argument("--before-label", default="vorher")
    parser.add_argument("--after-label", default="nachher")
    parser.add_argument(
        "--split", help="bench/render_cost.py's --json of the after version on the same data"
    )
    args = parser.parse_args(argv)
    if len(args.before) != len(args.after):
        parser.error("as many runs after as before: they are compared pairwise")
    rows, missing = compare(
        [uncached_pages(path) for path in args.before],
        [uncached_pages(path) for path in args.after],
        args.goal,
        json.loads(Path(args.split).read_text()) if args.split else None,
    )
    if args.split and not any("template_cut" in row for row in rows):
        parser.error(f"no page of {args.split} is in the runs compared")
    print(markdown(rows, missing, args.goal, args.before_label, args.after_label))
    return 0


if __name__ == "__main__":
    sys.exit(main())
