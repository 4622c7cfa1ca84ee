"""Two versions of the site, each measured by its own `make bench-postgres`, on one machine.

Usage: python bench/versus.py BEFORE.json [BEFORE.json ...] --after AFTER.json [AFTER.json ...]
                              [--goal 3] [--before-label REV] [--after-label REV]

Issue #19 asks for every public page uncached at "≥ 3× today's req/s". Runs on different
machines cannot answer that (hosts of one kind have differed by 2–4× between sessions), so
each version is served by its own checkout's `make bench-postgres` on the same machine, the
runs taking turns (before, after, before, after), and this compares them page by page. Each
file is the result a run saves (docs/bench/postgres-100000.json of its checkout; `bench.py
--json FILE` writes it elsewhere). Per page: the median req/s of each side's runs, their
ratio, the lowest and highest ratio of the runs taken pairwise in the order given, and the
after side's p95. Pages only one side has are left out and named under the table.
"""

import argparse
import json
import statistics
import sys
from pathlib import Path

# The yardsticks (the two-byte view, the bare Django view), not pages.
from report import NOT_PAGES


def uncached_pages(path):
    result = json.loads(Path(path).read_text())
    return {name: r for name, r in result["uncached"].items() if name not in NOT_PAGES}


def compare(before_runs, after_runs, goal):
    """Return one row per page both sides measured, and the names only one side has."""
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
        rows.append(
            {
                "name": name,
                "before": before,
                "after": after,
                "factor": after / before,
                "low": min(pairs),
                "high": max(pairs),
                "p95": statistics.median(run[name]["p95"] for run in after_runs),
                "met": after / before >= goal,
            }
        )
    named = set().union(*(set(run) for run in [*before_runs, *after_runs]))
    return rows, sorted(named - common)


def markdown(rows, missing, goal, before_label, after_label):
    goal_text = f"{goal:g}".replace(".", ",")
    lines = [
        f"| Seite | req/s {before_label} | req/s {after_label} | Faktor | Runden paarweise "
        f"| p95 ms {after_label} | mindestens {goal_text}× |",
        "| --- | ---: | ---: | ---: | ---: | ---: | :---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['name']} | {row['before']:.1f} | {row['after']:.1f} | {row['factor']:.2f}× "
            f"| {row['low']:.2f}–{row['high']:.2f}× | {row['p95']:.1f} "
            f"| {'ja' if row['met'] else 'nein'} |"
        )
    factors = [row["factor"] for row in rows]
    lines += [
        "",
        f"{sum(row['met'] for row in rows)} von {len(rows)} Seiten mindestens {goal_text}×; "
        f"Faktor {min(factors):.2f}–{max(factors):.2f}×, Median "
        f"{statistics.median(factors):.2f}×.",
    ]
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
    args = parser.parse_args(argv)
    if len(args.before) != len(args.after):
        parser.error("as many runs after as before: they are compared pairwise")
    rows, missing = compare(
        [uncached_pages(path) for path in args.before],
        [uncached_pages(path) for path in args.after],
        args.goal,
    )
    print(markdown(rows, missing, args.goal, args.before_label, args.after_label))
    return 0


if __name__ == "__main__":
    sys.exit(main())
