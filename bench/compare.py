"""`make bench-compare`: the site's stack side by side with a bare Django view.

Usage: python bench/compare.py [--articles N] [--seconds S] [--rounds R] [--name NAME]
                               [--baseline GIT_REF] [--rows TEXT] [--stack] [--wagtail]
                               [--no-write]

Serves three gunicorn instances at once, each with 2 sync workers on 127.0.0.1: the bare Django
site of bench/bare_site.py (one view, no middleware), this site with the page cache off and
this site with the page cache on (Redis), over a throwaway SQLite database of N articles
(default 1,000: the rows measured here do not depend on the archive's size). wrk loads each row
with the settings of `make bench` (1 thread, 4 connections, S seconds), the rows taking turns
for R rounds, each run right after a run of the bare view (its pair): a row's ratio is the
median over its pairs of its rate divided by the bare view's, so that the machine's drifts
between minutes cancel out. The bare site also answers the article's page as the cache hands it
out, byte for byte (BARE_SITE_PAGE): what those bytes alone cost against the two bytes, to read
the article's cache hit against. The table goes into docs/performance.md between the markers
`bench:<NAME>` (default `compare`), the raw numbers into docs/bench/<NAME>.json. --baseline
serves the site also as it was at a git commit (a temporary worktree, its own Redis database)
and adds its rows to the same rounds: before and after, measured side by side. --stack adds the
two-byte view behind only the first 0, 4 and 8 entries of MIDDLEWARE (bench/cut_settings.py),
each in a gunicorn of its own with the page cache off: what each part of the stack costs when
served.

--wagtail (`make bench-compare BENCH_ARGS="--wagtail"`, issue #19: "the article detail ≥ 2×
Wagtail's detail in the same kind of run") serves also the Wagtail 8 news site of
bench/wagtail_site/ (README there) with as many news pages as --articles, under the same
gunicorn settings, and adds its article, its list and a deep page of the list to the same
rounds; under the table, the median over the rounds of this site's uncached article's rate
divided by Wagtail's. Wagtail runs from a virtualenv of its own, .bench/wagtail-venv (built
on first use with `pip install wagtail==8.0.1 gunicorn`, then reused): the project never
depends on it.
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import redis

os.environ.setdefault("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")

from environment import production_env  # noqa: E402
from report import RESULTS, write_section  # noqa: E402

from bench import (  # noqa: E402 - bench.py reads BENCH_REDIS_URL on import
    PYTHON,
    REDIS_URL,
    ROOT,
    flush_redis,
    free_port,
    machine,
    manage,
    wrk,
)

BARE = "Django ohne Middleware (bench/bare_site.py)"
BARE_ARTICLE = "Django ohne Middleware, dieselben Bytes wie Cache-Treffer: Artikel mit Fotos"
# --stack: the first k entries of MIDDLEWARE (bench/cut_settings.py); all of them is the row
# "Triviale Ansicht, Seiten-Cache aus".
STACK_PREFIXES = (0, 4, 8)
STACK_ROW = "Triviale Ansicht, nur die ersten {k} Middleware"
WAGTAIL_SITE = ROOT / "bench" / "wagtail_site"
WAGTAIL_VENV = ROOT / ".bench" / "wagtail-venv"
WAGTAIL_VERSION = "8.0.1"
WAGTAIL_ARTICLE = "Wagtail 8: Artikel"
WAGTAIL_ROWS = (WAGTAIL_ARTICLE, "Wagtail 8: Liste, Seite 1", "Wagtail 8: Liste, tiefe Seite")
# The row of this site that issue #19 compares with WAGTAIL_ARTICLE.
OUR_ARTICLE = "Ungecacht: Artikel mit Fotos"
# The addresses of make bench's pages (bench/pages.py), picked from this run's database, so
# that the article, meeting and municipality rows are the same pages as make bench's.
PAGE_URLS = (
    "import json, sys; sys.path.insert(0, 'bench'); from pages import benchmark_urls; "
    "print(json.dumps(benchmark_urls()))"
)


def log(message):
    print(f"[bench-compare] {message}", file=sys.stderr, flush=True)


def start(app, env, check_url, *extra, cwd=ROOT, python=PYTHON):
    port = free_port()
    server = subprocess.Popen(
        [
            python, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}", "--workers", "2",
            "--log-level", "warning", *extra,
        ],
        cwd=cwd,
        env=env,
        start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{check_url}", timeout=5).read()
            return server, port
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(f"gunicorn {app} did not start") from None
            time.sleep(0.3)


def wagtail_python():
    """Return the Python of .bench/wagtail-venv, building the virtualenv if it is missing."""
    python = WAGTAIL_VENV / "bin" / "python"
    check = f"import gunicorn, wagtail; assert wagtail.__version__ == {WAGTAIL_VERSION!r}"
    if (
        python.exists()
        and subprocess.run([python, "-c", check], capture_output=True).returncode == 0
    ):
        return python
    log(f"build {WAGTAIL_VENV.relative_to(ROOT)} (wagtail=={WAGTAIL_VERSION}, gunicorn)")
    began = time.monotonic()
    shutil.rmtree(WAGTAIL_VENV, ignore_errors=True)
    subprocess.run([PYTHON, "-m", "venv", WAGTAIL_VENV], check=True)
    subprocess.run(
        [
            python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
            f"wagtail=={WAGTAIL_VERSION}", "gunicorn",
        ],
        check=True,
    )  # fmt: skip
    subprocess.run([python, "-c", check], check=True)
    log(f"virtualenv built in {time.monotonic() - began:.0f} s")
    return python


def start_wagtail(python, workdir, articles):
    """Migrate a throwaway database, add the news pages, serve; return (server, port)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newssite.settings",
        "WAGTAIL_BENCH_DB": f"{workdir}/wagtail.sqlite3",
    }
    began = time.monotonic()
    log(f"Wagtail: migrate, {articles} news pages")
    for command in (["migrate", "--noinput", "-v0"], ["create_news_pages", str(articles)]):
        subprocess.run(
            [python, "manage.py", *command], cwd=WAGTAIL_SITE, env=env, check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
    log(f"Wagtail: ready in {time.monotonic() - began:.0f} s")
    return start("newssite.wsgi", env, "/nachrichten/", cwd=WAGTAIL_SITE, python=python)


def with_baseline(rows, tag, baseline_ports):
    """Return the rows with each row of this site preceded by its twin on the baseline's
    server (baseline_ports: this site's port to the baseline's), named with tag. The bare
    site's rows (their port is none of this site's) stay single: they have no "before"."""
    result = {}
    for name, (port, url) in rows.items():
        if port in baseline_ports:
            result[name + tag] = (baseline_ports[port], url)
        result[name] = (port, url)
    return result


def stop(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=int(os.environ.get("BENCH_ARTICLES", 1000)))
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 2)))
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", 5)))
    parser.add_argument("--name", default="compare")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--rows", help="only the rows whose name contains this text")
    parser.add_argument("--baseline", help="a git commit to measure beside the working tree")
    parser.add_argument(
        "--wagtail", action="store_true", help="add the rows of bench/wagtail_site (Wagtail 8)"
    )
    parser.add_argument(
        "--stack",
        action="store_true",
        help="add the two-byte view behind only the first 0, 4 and 8 middleware",
    )
    args = parser.parse_args()
    wagtail_rows = [
        name for name in WAGTAIL_ROWS if args.wagtail and (not args.rows or args.rows in name)
    ]

    workdir = Path(tempfile.mkdtemp(prefix="bench-compare-"))
    servers = []
    try:
        # First, so that a failing pip stops the run before the databases are built.
        python = wagtail_python() if wagtail_rows else None
        env = {
            **os.environ,
            **production_env(
                workdir,
                DEVTOOLS="True",
                CONN_MAX_AGE="60",
                CACHE_URL=REDIS_URL,
                DATABASE_URL=f"sqlite:///{workdir}/bench.sqlite3",
            ),
        }
        flush_redis()
        log(f"migrate, {args.articles} articles")
        manage(env, "migrate", "--noinput", "-v0")
        photos = max(args.articles * 2 // 5, 10)
        manage(env, "bench_data", "--articles", str(args.articles), "--photos", str(photos))
        manage(env, "collectstatic", "--noinput", "-v0")
        site_urls = json.loads(
            subprocess.run(
                [PYTHON, "manage.py", "shell", "-c", PAGE_URLS],
                cwd=ROOT, env=env, check=True, capture_output=True, text=True,
            ).stdout.splitlines()[-1]
        )  # fmt: skip
        article = site_urls["Artikel mit Fotos"]
        off = start("config.wsgi", {**env, "PAGE_CACHE_SECONDS": "0"}, "/bench/trivial/")
        servers.append(off[0])
        on = start("config.wsgi", {**env, "PAGE_CACHE_SECONDS": "600"}, "/bench/trivial/")
        servers.append(on[0])
        # The article's bytes as the cache hands them out, for the bare site to answer too.
        article_page = workdir / "article.html"
        article_page.write_bytes(
            urllib.request.urlopen(f"http://127.0.0.1:{on[1]}{article}", timeout=120).read()
        )
        bare_env = {k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"}
        bare_env["BARE_SITE_PAGE"] = str(article_page)
        bare = start("bare_site:application", bare_env, "/hello/", "--pythonpath", "bench")
        servers.append(bare[0])
        rows = {
            BARE: (bare[1], "/hello/"),
            "Triviale Ansicht, Seiten-Cache aus": (off[1], "/bench/trivial/"),
            "Triviale Ansicht, Seiten-Cache an": (on[1], "/bench/trivial/"),
            "Cache-Treffer: Einfache Seite (Impressum)": (
                on[1],
                site_urls["Einfache Seite (Impressum)"],
            ),
            "Cache-Treffer: Nachrichten, Seite 1": (on[1], site_urls["Nachrichten, Seite 1"]),
            "Cache-Treffer: Artikel mit Fotos": (on[1], article),
            # The same bytes from the bare site: how much of a hit's distance to the bare
            # two-byte view is the page's size alone.
            BARE_ARTICLE: (bare[1], "/page/"),
            # Rendered on every request (issue #19, "Rendering"); the fragments stay warm.
            "Ungecacht: Nachrichten, Seite 1": (off[1], site_urls["Nachrichten, Seite 1"]),
            "Ungecacht: Artikel mit Fotos": (off[1], article),
            "Ungecacht: Treffen, Detail": (off[1], site_urls["Treffen, Detail"]),
            "Ungecacht: Kommune": (off[1], site_urls["Kommune"]),
            # The largest answer of the site: every meeting (2,000) in one 1.5 MB file.
            "Ungecacht: iCal-Feed": (off[1], site_urls["iCal-Feed"]),
        }
        if args.rows:
            rows = {name: row for name, row in rows.items() if name == BARE or args.rows in name}
        if args.baseline:
            baseline = workdir / "baseline"
            subprocess.run(
                ["git", "worktree", "add", "--detach", str(baseline), args.baseline],
                cwd=ROOT, check=True, capture_output=True,
            )  # fmt: skip
            old_env = {**env, "CACHE_URL": REDIS_URL.rsplit("/", 1)[0] + "/5"}
            redis.Redis.from_url(old_env["CACHE_URL"]).flushdb()
            old_off = start(
                "config.wsgi", {**old_env, "PAGE_CACHE_SECONDS": "0"}, "/bench/trivial/",
                cwd=baseline,
            )  # fmt: skip
            servers.append(old_off[0])
            old_on = start(
                "config.wsgi", {**old_env, "PAGE_CACHE_SECONDS": "600"}, "/bench/trivial/",
                cwd=baseline,
            )  # fmt: skip
            servers.append(old_on[0])
            rows = with_baseline(
                rows,
                f" ({args.baseline})",
                {off[1]: old_off[1], on[1]: old_on[1]},
            )
        if args.stack:
            # The two-byte view behind the first k middleware only, served as the whole stack
            # is: where between the bare view and the whole stack the time goes.
            stack_rows = {}
            for k in STACK_PREFIXES:
                cut = start(
                    "config.wsgi",
                    {
                        **env,
                        "PAGE_CACHE_SECONDS": "0",
                        "DJANGO_SETTINGS_MODULE": "cut_settings",
                        "BENCH_MIDDLEWARE_PREFIX": str(k),
                    },
                    "/bench/trivial/",
                    "--pythonpath",
                    "bench",
                )
                servers.append(cut[0])
                stack_rows[STACK_ROW.format(k=k)] = (cut[1], "/bench/trivial/")
            rows = {BARE: rows.pop(BARE), **stack_rows, **rows}
        if wagtail_rows:
            wagtail = start_wagtail(python, workdir, args.articles)
            servers.append(wagtail[0])
            middle, deep = max(1, args.articles // 2), max(1, args.articles // 20)
            urls = {
                WAGTAIL_ARTICLE: f"/nachrichten/nachricht-{middle}/",
                "Wagtail 8: Liste, Seite 1": "/nachrichten/",
                "Wagtail 8: Liste, tiefe Seite": f"/nachrichten/?page={deep}",
            }
            rows.update({name: (wagtail[1], urls[name]) for name in wagtail_rows})
        for port, url in rows.values():  # every page once into the cache
            urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=120).read()
        # Each row right after a run of the bare view of its own: on a shared machine the
        # speed drifts within seconds, and a pair sees the same machine.
        results = {name: [] for name in rows}
        pairs = {name: [] for name in rows}
        for round_ in range(args.rounds):
            for name, (port, url) in rows.items():
                if name != BARE:
                    pairs[name].append(wrk(bare[1], "/hello/", args.seconds))
                    results[BARE].append(pairs[name][-1])
                    run = wrk(port, url, args.seconds)
                    results[name].append(run)
                    log(f"round {round_ + 1} {name}: {run} (bare {pairs[name][-1]['rps']})")
        pairs[BARE] = results[BARE]
        text = report(args, results, pairs)
        print(text)
        if not args.no_write:
            write_section(args.name, text)
            RESULTS.mkdir(parents=True, exist_ok=True)
            (RESULTS / f"{args.name}.json").write_text(
                json.dumps(
                    {
                        "measured": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                        "rows": results,
                        "pairs": pairs,
                    },
                    indent=1,
                    ensure_ascii=False,
                )
                + "\n"
            )
    finally:
        for server in servers:
            stop(server)
        if args.baseline:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(workdir / "baseline")],
                cwd=ROOT, check=False, capture_output=True,
            )  # fmt: skip
        shutil.rmtree(workdir, ignore_errors=True)


def report(args, results, pairs):
    options = [
        *([f"--baseline {args.baseline}"] if args.baseline else []),
        *([f"--rows '{args.rows}'"] if args.rows else []),
        *(["--wagtail"] if args.wagtail else []),
        *(["--stack"] if args.stack else []),
        *([f"--name {args.name}"] if args.name != "compare" else []),
    ]
    extra = f' BENCH_ARGS="{" ".join(options)}"' if options else ""
    lines = [
        f"- Gemessen: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {machine()}, "
        f"Systemlast am Ende: {os.getloadavg()[0]:.1f} (1 min)",
        f"- Befehl: `BENCH_ARTICLES={args.articles} BENCH_SECONDS={args.seconds} "
        f"BENCH_ROUNDS={args.rounds} make bench-compare{extra}` (SQLite, Cache: Redis)",
        f"- je Zeile {args.rounds} Runden wrk mit 1 Thread, 4 Verbindungen, {args.seconds} s, "
        "jede direkt nach einem Lauf der Django-Ansicht ohne Middleware (ihr Paar), die Zeilen "
        "abwechselnd; gunicorn mit 2 Sync-Workern je Server",
        "",
        "| Seite | req/s (Median) | Anteil an Django ohne Middleware (Median der Paare) "
        "| p50 / p95 / p99 ms (Median) |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, runs in results.items():
        ratio = statistics.median(
            run["rps"] / b["rps"] for run, b in zip(runs, pairs[name], strict=True)
        )
        med = {k: statistics.median(run[k] for run in runs) for k in ("rps", "p50", "p95", "p99")}
        lines.append(
            f"| {name} | {med['rps']:.0f} | {ratio:.2f}× "
            f"| {med['p50']:.1f} / {med['p95']:.1f} / {med['p99']:.1f} |"
        )
    if WAGTAIL_ARTICLE in results and OUR_ARTICLE in results:
        # Round by round: the two rows of a round ran within a minute of each other.
        ratio = statistics.median(
            ours["rps"] / theirs["rps"]
            for ours, theirs in zip(results[OUR_ARTICLE], results[WAGTAIL_ARTICLE], strict=True)
        )
        lines += [
            "",
            f"Artikel ungecacht gegenüber Wagtails Artikel: {ratio:.1f}× (Median der Runden)",
        ]
    errors = sum(run["errors"] for runs in results.values() for run in runs)
    lines += ["", f"Fehlerhafte Antworten über alle Läufe: {errors}."]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
