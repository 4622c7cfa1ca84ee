"""The tables `make bench` writes: one run's table, the 1,000-versus-100,000 comparison and
the goals of issue #6, from the results saved in docs/bench/."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"
RESULTS = ROOT / "docs" / "bench"
FULL_SIZE = 100_000
# bench/bare_site.py, served by the same gunicorn just before each server run (issue #19).
BARE = "Django ohne Middleware"
NOT_PAGES = {"Triviale Ansicht", BARE}


def _share(result, yardstick):
    return f"{result['rps'] / yardstick['rps']:.0%}" if yardstick else "–"


def table(probe_data, uncached, cached):
    trivial_u, trivial_c = uncached["Triviale Ansicht"], cached["Triviale Ansicht"]
    bare_u, bare_c = uncached.get(BARE), cached.get(BARE)
    lines = [
        "| Seite | Abfragen | ungecacht req/s | Anteil trivial | Anteil Django "
        "| p50 / p95 / p99 ms | gecacht req/s | Anteil trivial | Anteil Django "
        "| p50 / p95 / p99 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in uncached:
        u, c = uncached[name], cached[name]
        queries = probe_data["queries"].get(name, "–")
        lines.append(
            f"| {name} | {queries} | {u['rps']:.0f} | {_share(u, trivial_u)} "
            f"| {_share(u, bare_u)} | {u['p50']:.1f} / {u['p95']:.1f} / {u['p99']:.1f} "
            f"| {c['rps']:.0f} | {_share(c, trivial_c)} | {_share(c, bare_c)} "
            f"| {c['p50']:.1f} / {c['p95']:.1f} / {c['p99']:.1f} |"
        )
    errors = sum(r["errors"] for r in [*uncached.values(), *cached.values()])
    lines.append("")
    lines.append(f"Fehlerhafte Antworten über alle Läufe: {errors}.")
    return "\n".join(lines)


def section_name(kind, articles):
    return kind if articles == FULL_SIZE else f"{kind}-{articles}"


def _speedups(small, full):
    """Return how much faster each page ran with 1,000 articles than with 100,000."""
    return {
        name: (small[name]["rps"] / result["rps"]) if result["rps"] else float("inf")
        for name, result in full.items()
        if name in small and name not in NOT_PAGES
    }


def scaling_table(kind):
    """Compare the uncached rates at 1,000 and 100,000 articles, from the saved results."""
    small, full = RESULTS / f"{kind}-1000.json", RESULTS / f"{kind}-{FULL_SIZE}.json"
    if not (small.exists() and full.exists()):
        return None
    small, full = json.loads(small.read_text()), json.loads(full.read_text())
    lines = [
        f"Gemessen: {small['measured']} (1.000) und {full['measured']} (100.000).",
        "",
        "| Seite | req/s bei 1.000 | req/s bei 100.000 | 1.000 schneller um | Ziel ≤ 1,3× |",
        "| --- | ---: | ---: | ---: | :---: |",
    ]
    speedups = _speedups(small["uncached"], full["uncached"])
    for name, factor in speedups.items():
        few, many = small["uncached"][name]["rps"], full["uncached"][name]["rps"]
        lines.append(
            f"| {name} | {few:.0f} | {many:.0f} | {factor:.2f}× "
            f"| {'ja' if factor <= 1.3 else 'nein'} |"
        )
    return "\n".join(lines)


def goals_table(kind):
    """Check the run at 100,000 articles (and at 1,000, when there) against issue #6's goals."""
    full_path, small_path = RESULTS / f"{kind}-{FULL_SIZE}.json", RESULTS / f"{kind}-1000.json"
    if not full_path.exists():
        return None
    full = json.loads(full_path.read_text())
    small = json.loads(small_path.read_text()) if small_path.exists() else None
    trivial = full["uncached"]["Triviale Ansicht"]["rps"]
    trivial_cached = full["cached"]["Triviale Ansicht"]["rps"]
    pages = {name: r for name, r in full["uncached"].items() if name not in NOT_PAGES}
    cached = {name: r for name, r in full["cached"].items() if name not in NOT_PAGES}
    bare, bare_cached = full["uncached"].get(BARE), full["cached"].get(BARE)

    def row(goal, failing, total):
        if not failing:
            met = "ja"
        else:
            met = "nein: " + ("alle" if len(failing) == total else ", ".join(failing))
        return f"| {goal} | {total - len(failing)} von {total} | {met} |"

    shares = {name: r["rps"] / trivial for name, r in pages.items()}
    lines = [
        f"Lauf vom {full['measured']} (`{full['command']}`)"
        + (f" und vom {small['measured']} (1.000 Artikel)." if small else "."),
        "",
        "| Ziel | Seiten, die es erreichen | Erreicht |",
        "| --- | ---: | --- |",
        row(
            "Ungecacht p95 unter 50 ms",
            [f"{name} ({r['p95']:.0f} ms)" for name, r in pages.items() if r["p95"] >= 50],
            len(pages),
        ),
        row(
            "Ungecacht mindestens 30 % der trivialen Ansicht "
            f"(erreicht: {min(shares.values()):.0%}–{max(shares.values()):.0%})",
            [name for name, share in shares.items() if share < 0.3],
            len(pages),
        ),
        row(
            "Gecacht mindestens 80 % der trivialen Ansicht",
            [
                f"{name} ({r['rps'] / trivial_cached:.0%})"
                for name, r in cached.items()
                if r["rps"] / trivial_cached < 0.8
            ],
            len(cached),
        ),
        *(
            [
                row(
                    "Triviale Ansicht mindestens 80 % von Django ohne Middleware "
                    f"(erreicht: {trivial / bare['rps']:.0%})",
                    [] if trivial / bare["rps"] >= 0.8 else ["Triviale Ansicht"],
                    1,
                ),
                row(
                    "Gecacht mindestens 80 % von Django ohne Middleware",
                    [
                        f"{name} ({r['rps'] / bare_cached['rps']:.0%})"
                        for name, r in cached.items()
                        if r["rps"] / bare_cached["rps"] < 0.8
                    ],
                    len(cached),
                ),
            ]
            if bare and bare_cached
            else []
        ),
        row(
            "Höchstens 6 Abfragen",
            [f"{name} ({n})" for name, n in full["queries"].items() if n > 6],
            len(full["queries"]),
        ),
    ]
    if small:
        lines.append(
            row(
                "Bei 1.000 Artikeln höchstens 1,3× schneller als bei 100.000",
                [
                    f"{name} ({factor:.2f}×)"
                    for name, factor in _speedups(small["uncached"], pages).items()
                    if factor > 1.3
                ],
                len(pages),
            )
        )
    admin = "ja" if full["admin_ms"] < 300 else "nein"
    lines.append(f"| Admin-Artikelliste unter 300 ms ({full['admin_ms']:.0f} ms) | – | {admin} |")
    return "\n".join(lines)


def write_summaries(kind):
    """Write the comparison and goals tables from the saved results of this database."""
    scaling = scaling_table(kind)
    if scaling:
        write_section(f"{kind}-scaling", scaling)
    goals = goals_table(kind)
    if goals:
        write_section(f"{kind}-goals", goals)


def write_results(path, data):
    """Write a run's numbers as docs/bench/ keeps them (bench/versus.py reads this form)."""
    Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def save_results(kind, articles, data):
    RESULTS.mkdir(parents=True, exist_ok=True)
    write_results(RESULTS / f"{kind}-{articles}.json", data)


def write_section(kind, text):
    begin, end = f"<!-- bench:{kind} -->", f"<!-- /bench:{kind} -->"
    doc = DOC.read_text() if DOC.exists() else ""
    block = f"{begin}\n{text}\n{end}"
    if begin in doc:
        doc = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: block, doc, flags=re.S)
    else:
        doc += f"\n{block}\n"
    DOC.write_text(doc)
