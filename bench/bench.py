"""`make bench`: build a throwaway database, serve it with gunicorn and load each page with wrk.

Usage: python bench/bench.py --db sqlite|postgres [--articles N] [--seconds S]
                              [--reuse] [--no-write] [--json FILE]
The table goes into docs/performance.md between the markers of the database measured, the
numbers into docs/bench/ (--no-write: neither; --json FILE: the numbers also into FILE, as
bench/versus.py compares two checkouts' runs).
Traffic goes to 127.0.0.1 only; every wrk run is bounded by --seconds.
"""

import argparse
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from environment import production_env
from report import (
    BARE,
    save_results,
    section_name,
    table,
    write_results,
    write_section,
    write_summaries,
)

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LUA = ROOT / "bench" / "bench_report.lua"
PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "ROLLBACK"}


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare_database(kind, workdir, name, *, reuse=False):
    """Return the URL of an empty database, or of the last run's when reuse says so."""
    if kind == "sqlite":
        return f"sqlite:///{workdir}/bench.sqlite3"
    import psycopg

    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    if reuse:
        return url
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url


def flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def manage(env, *args, **kwargs):
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs)


def probe(env):
    """Return the URLs to load, each page's query count and the admin list's timing."""
    out = subprocess.run(
        [PYTHON, str(Path(__file__).resolve()), "--probe"],
        cwd=ROOT,
        env={**env, "PAGE_CACHE_SECONDS": "0"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def run_probe():
    """In a Django process: pick the URLs, count queries, time the admin changelist."""
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from pages import benchmark_urls

    urls = benchmark_urls()
    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for name, url in urls.items():
        client.get(url)  # site-wide fragments warm, as on a running site
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        assert status == 200, (url, status)
        # BEGIN and COMMIT would be a transaction around the view (visitors' pages run without
        # one since apps.core.urls.read_only), not the page's own statements.
        counts[name] = sum(1 for q in queries if q["sql"] not in TRANSACTION_CONTROL)
    user = get_user_model().objects.filter(username="bench").first()
    user = user or get_user_model().objects.create_superuser("bench", "bench@example.invalid", "x")
    client.force_login(user)
    timings = []
    for _ in range(6):
        start = time.perf_counter()
        assert client.get("/admin/news/article/").status_code == 200
        timings.append((time.perf_counter() - start) * 1000)
    plan = ""
    if connection.vendor == "postgresql":
        # The plan of the query the deep news page really makes.
        client.logout()
        with CaptureQueriesContext(connection) as queries:
            client.get(urls["Nachrichten, tiefe Seite"])
        (page_query,) = [q["sql"] for q in queries if '"news_article"' in q["sql"]]
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN ANALYZE " + page_query)
            plan = "\n".join(row[0] for row in cursor.fetchall())
    print(
        json.dumps(
            {
                "urls": urls,
                "queries": counts,
                "admin_ms": statistics.median(timings[1:]),
                "plan": plan,
            }
        )
    )


def wait_for(port, timeout=30, path="/bench/trivial/"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not start")


def wrk(port, url, seconds):
    result = subprocess.run(
        ["wrk", "-t1", "-c4", f"-d{seconds}s", "-s", str(LUA), f"http://127.0.0.1:{port}{url}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def start_bare(env):
    """Start bench/bare_site.py (Django, one view, no middleware) under the same gunicorn."""
    port = free_port()
    server = subprocess.Popen(
        [
            PYTHON, "-m", "gunicorn", "bare_site:application", "--pythonpath", "bench",
            "--bind", f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning",
        ],
        cwd=ROOT,
        env={k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"},
        start_new_session=True,
    )  # fmt: skip
    wait_for(port, path="/hello/")
    return server, port


def load(env, urls, seconds, *, cached):
    bare, bare_port = start_bare(env)
    try:
        bare_result = wrk(bare_port, "/hello/", seconds)
        log(f"{'cached' if cached else 'uncached'} {BARE}: {bare_result}")
    finally:
        os.killpg(bare.pid, signal.SIGTERM)
        bare.wait(timeout=30)
    port = free_port()
    server_env = {**env, "PAGE_CACHE_SECONDS": "600" if cached else "0"}
    server = subprocess.Popen(
        [
            PYTHON, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
            "--workers", "2", "--log-level", "warning",
        ],
        cwd=ROOT,
        env=server_env,
        start_new_session=True,
    )  # fmt: skip
    try:
        wait_for(port)
        results = {BARE: bare_result}
        for name, url in {"Triviale Ansicht": "/bench/trivial/", **urls}.items():
            urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=120).read()
            results[name] = wrk(port, url, seconds)
            log(f"{'cached' if cached else 'uncached'} {name}: {results[name]}")
        return results
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def machine():
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return f"{os.cpu_count()} Kerne ({cpu}), {platform.system()} {platform.release()}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--articles", type=int, default=int(os.environ.get("BENCH_ARTICLES", 100_000))
    )
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 5)))
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument(
        "--json", metavar="FILE", help="also save the results here (with --no-write: only here)"
    )
    parser.add_argument(
        "--summaries", action="store_true", help="only rewrite the tables from docs/bench/*.json"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="PostgreSQL: keep the data of the last run"
    )
    args = parser.parse_args()
    if args.probe:
        return run_probe()
    if args.summaries:
        return write_summaries(args.db)

    reuse = args.reuse and args.db == "postgres"
    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        env = {
            **os.environ,
            **production_env(
                workdir,
                DEVTOOLS="True",
                CONN_MAX_AGE="60",
                CACHE_URL=REDIS_URL,
                DATABASE_URL=prepare_database(
                    args.db,
                    workdir,
                    f"bench_{args.articles}",
                    reuse=args.reuse and args.db == "postgres",
                ),
            ),
        }
        flush_redis()
        log(f"{args.db}: migrate")
        manage(env, "migrate", "--noinput", "-v0")
        photos = max(args.articles * 2 // 5, 10)
        started = time.monotonic()
        if not reuse:
            manage(env, "bench_data", "--articles", str(args.articles), "--photos", str(photos))
        build_seconds = time.monotonic() - started
        if args.db == "postgres":
            manage(env, "dbshell", "--", "-c", "VACUUM ANALYZE", stdout=subprocess.DEVNULL)
        manage(env, "collectstatic", "--noinput", "-v0")
        probe_data = probe(env)
        uncached = load(env, probe_data["urls"], args.seconds, cached=False)
        flush_redis()
        cached = load(env, probe_data["urls"], args.seconds, cached=True)
        command = (
            f"BENCH_ARTICLES={args.articles} BENCH_SECONDS={args.seconds} make bench-{args.db}"
        )
        text = "\n".join(
            [
                f"### {'PostgreSQL' if args.db == 'postgres' else 'SQLite'}, "
                + f"{args.articles:,} Artikel".replace(",", "."),
                "",
                f"- Gemessen: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {machine()}, "
                f"Systemlast am Ende: {os.getloadavg()[0]:.1f} (1 min)",
                f"- Befehl: `{command}`",
                f"- gunicorn mit 2 Sync-Workern, wrk mit 1 Thread, 4 Verbindungen, "
                f"{args.seconds} s je Seite; Cache: Redis",
                f"- Testdaten angelegt in {build_seconds:.1f} s (0 s: Daten des vorigen Laufs, "
                "--reuse); Admin-Artikelliste: "
                f"{probe_data['admin_ms']:.0f} ms (Median)",
                f"- Tiefe Seite: `{probe_data['urls']['Nachrichten, tiefe Seite']}`; Abfragen: "
                "SQL-Anweisungen der Seite (ohne BEGIN/COMMIT)",
                "",
                table(probe_data, uncached, cached),
            ]
        )
        if probe_data["plan"]:
            text += (
                "\n\nPlan der Abfrage der tiefen Seite der Nachrichtenliste:\n\n```\n"
                + probe_data["plan"]
                + "\n```"
            )
        results = {
            "measured": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "command": command,
            "queries": probe_data["queries"],
            "admin_ms": probe_data["admin_ms"],
            "uncached": uncached,
            "cached": cached,
        }
        if args.json:  # e.g. for bench/versus.py, beside another checkout's run
            write_results(args.json, results)
        if not args.no_write:
            write_section(section_name(args.db, args.articles), text)
            save_results(args.db, args.articles, results)
            write_summaries(args.db)
        print(text)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if args.db == "postgres" and "DATABASE_URL" in locals().get("env", {}):
            pass


if __name__ == "__main__":
    main()
