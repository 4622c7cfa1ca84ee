"""What an uncached public page costs, and where the time goes (`make bench-render`).

Usage: python bench/render_cost.py [--articles N] [--requests N] [--rounds R] [--only NAME]
                                   [--profile NAME] [--after-change] [--dump DIR]
                                   [--json FILE] [--keep-db DIR] [--database-url URL]
                                   [--queries [--explain-ms MS]]

In one process, with the production settings, a throwaway SQLite database of --articles
articles (`manage.py bench_data`, as `make bench` fills it), the page cache off
(PAGE_CACHE_SECONDS=0) and the site-wide fragments warm, as on a running site: each page of
`make bench` (bench/pages.py, the same addresses) is requested through Django's WSGI handler
(the whole middleware stack, no server, no sockets) --requests times per round, the pages
taking turns within each of --rounds rounds. Per page it reports the fastest and the median
request over all rounds, and splits the median round into the time spent rendering templates
(Template.render of the view's response, less the SQL it runs), in SQL (all statements, also
those a template starts) and the rest (middleware, URL resolving, the view's Python). --profile
NAME runs the page of that name under cProfile and prints the functions with the most time of
their own. --after-change starts a new content version before every request (no fragment warm:
the first request after an editor's change); --dump writes each page's HTML into DIR (to
compare variants). --database-url uses an existing database filled by `manage.py bench_data`
(PostgreSQL: created, migrated, filled and VACUUM ANALYZEd by hand) instead of a throwaway
SQLite file; --queries prints every SQL statement of one request per page with its time (with
--after-change: the request after a change), and on PostgreSQL the EXPLAIN ANALYZE of each
SELECT slower than --explain-ms. The cache is Redis at BENCH_RENDER_REDIS_URL (default database
5) if it answers, otherwise Django's local-memory cache.
"""

import argparse
import atexit
import cProfile
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from environment import production_env
from pages import benchmark_urls

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("BENCH_RENDER_REDIS_URL", "redis://127.0.0.1:6379/5")


def redis_answers(url):
    try:
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=0.5)
        client.flushdb()
        return True
    except Exception:
        return False


def configure(articles, keep_db, database_url=None):
    workdir = keep_db or tempfile.mkdtemp(prefix="render-cost-")
    if not keep_db:
        atexit.register(shutil.rmtree, workdir, ignore_errors=True)
    os.makedirs(workdir, exist_ok=True)
    database = Path(workdir) / f"bench-{articles}.sqlite3"
    # --database-url: an existing database already filled by `manage.py bench_data` (e.g. on
    # PostgreSQL, as `make bench-postgres --reuse` leaves it); nothing is migrated or filled.
    cache_url = REDIS_URL if redis_answers(REDIS_URL) else "locmemcache://"
    env = production_env(
        workdir,
        CONN_MAX_AGE="60",
        DATABASE_URL=database_url or f"sqlite:///{database}",
        CACHE_URL=cache_url,
        PAGE_CACHE_SECONDS="0",
        DEVTOOLS="True",
        LOG_LEVEL="ERROR",
    )
    os.environ.update(env)
    os.chdir(ROOT)
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    manage = [sys.executable, "manage.py"]
    if not database_url and not database.exists():
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], check=True)
        photos = str(max(articles * 2 // 5, 10))
        meetings, places, people = (str(max(articles // d, 10)) for d in (50, 250, 33))
        subprocess.run(
            [*manage, "bench_data", "--articles", str(articles), "--photos", photos,
             "--meetings", meetings, "--places", places, "--people", people],
            check=True,
        )  # fmt: skip
    if not Path(env["STATIC_ROOT"], "staticfiles.json").exists():
        subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], check=True)

    import django

    django.setup()
    return cache_url


class Clock:
    """Time spent in Template.render (outermost calls only) and in SQL, split."""

    def __init__(self):
        self.render = self.sql = self.sql_in_render = 0.0
        self._depth = 0

    def install(self):
        from django.db import connection
        from django.template import base as template_base

        clock = self
        original = template_base.Template.render

        def render(template, context):
            if clock._depth:
                return original(template, context)
            clock._depth += 1
            sql_before = clock.sql
            start = time.perf_counter()
            try:
                return original(template, context)
            finally:
                clock.render += time.perf_counter() - start
                clock.sql_in_render += clock.sql - sql_before
                clock._depth -= 1

        template_base.Template.render = render

        def sql(execute, query, params, many, context):
            start = time.perf_counter()
            try:
                return execute(query, params, many, context)
            finally:
                clock.sql += time.perf_counter() - start

        connection.execute_wrappers.append(sql)

    def reset(self):
        self.render = self.sql = self.sql_in_render = 0.0


def environ_for(url):
    from django.test import RequestFactory

    path, _, query = url.partition("?")
    environ = RequestFactory()._base_environ(
        PATH_INFO=path, QUERY_STRING=query, REQUEST_METHOD="GET"
    )
    environ["HTTP_HOST"] = "127.0.0.1"
    return environ


def request(handler, url):
    status = []

    def start_response(s, headers):
        status.append(s)

    response = handler(environ_for(url), start_response)
    body = b"".join(response)
    response.close()
    assert status[0].startswith("200"), (url, status[0])
    return body


def measure(urls, requests, rounds, clock, after_change=False):
    from django.core.handlers.wsgi import WSGIHandler

    from apps.core.cache import bump_content_version

    handler = WSGIHandler()
    for url in urls.values():  # warm: fragments, compiled templates, URL caches
        for _ in range(3):
            request(handler, url)
    times = {name: [] for name in urls}
    splits = {name: [] for name in urls}
    for _ in range(rounds):
        for name, url in urls.items():
            clock.reset()
            round_times = []
            for _ in range(requests):
                if after_change:
                    bump_content_version()
                start = time.perf_counter()
                request(handler, url)
                round_times.append(time.perf_counter() - start)
            times[name].extend(round_times)
            total = sum(round_times)
            splits[name].append((total, clock.render - clock.sql_in_render, clock.sql, requests))
    result = {}
    for name in urls:
        by_total = sorted(splits[name])
        total, render, sql, n = by_total[len(by_total) // 2]  # the median round
        result[name] = {
            "url": urls[name],
            "min_ms": min(times[name]) * 1000,
            "median_ms": statistics.median(times[name]) * 1000,
            "render_ms": render / n * 1000,
            "sql_ms": sql / n * 1000,
            "other_ms": (total - render - sql) / n * 1000,
        }
    return result


def profile(url, requests, after_change=False, out=None):
    from django.core.handlers.wsgi import WSGIHandler

    from apps.core.cache import bump_content_version

    handler = WSGIHandler()
    for _ in range(3):
        request(handler, url)
    profiler = cProfile.Profile()
    for _ in range(requests):
        if after_change:
            bump_content_version()
        profiler.enable()
        request(handler, url)
        profiler.disable()
    stats = pstats.Stats(profiler)
    if out:  # for pstats' own browser or snakeviz: python -m pstats FILE
        stats.dump_stats(out)
    stats.sort_stats("tottime").print_stats(30)
    stats.sort_stats("cumulative").print_stats(40)
    # The project's own functions and the helpers they call per item.
    ours = r"/apps/|renditions|reverse|dateformat|localtime|defaultfilters"
    stats.sort_stats("cumulative").print_stats(ours, 30)


def log_queries(urls, explain_ms, after_change=False):
    """Print every SQL statement of one request per page (fragments warm, or cold with
    after_change) with its time; EXPLAIN ANALYZE for those slower than explain_ms."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    from apps.core.cache import bump_content_version

    handler = WSGIHandler()
    for url in urls.values():
        request(handler, url)
    for name, url in urls.items():
        queries = []

        def capture(execute, query, params, many, context, queries=queries):
            start = time.perf_counter()
            try:
                return execute(query, params, many, context)
            finally:
                queries.append(((time.perf_counter() - start) * 1000, query, params))

        if after_change:
            bump_content_version()
        with connection.execute_wrapper(capture):
            request(handler, url)
        total = sum(ms for ms, _, _ in queries)
        print(f"\n## {name} ({url}): {len(queries)} statements, {total:.2f} ms")
        for ms, query, params in queries:
            print(f"{ms:8.2f} ms  {query[:400]}  {params!r:.120}")
        for ms, query, params in queries:
            slow = ms >= explain_ms and query.startswith("SELECT")
            if slow and connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query, params)
                    print(f"\n--- EXPLAIN ANALYZE ({ms:.2f} ms): {query[:160]}")
                    print("\n".join(row[0] for row in cursor.fetchall()))


def dump(urls, directory):
    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()
    os.makedirs(directory, exist_ok=True)
    for name, url in urls.items():
        request(handler, url)
        Path(directory, name.replace(" ", "_") + ".html").write_bytes(request(handler, url))


def table(result):
    lines = [
        "| Seite | min ms | Median ms | Templates ms | SQL ms | Rest ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in result.items():
        lines.append(
            f"| {name} | {row['min_ms']:.2f} | {row['median_ms']:.2f} | {row['render_ms']:.2f} "
            f"| {row['sql_ms']:.2f} | {row['other_ms']:.2f} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--profile", metavar="NAME", help="a page's name (or a URL) to profile")
    parser.add_argument("--profile-out", metavar="FILE", help="also write the profile to FILE")
    parser.add_argument("--only", action="append", help="time only the pages of these names")
    parser.add_argument(
        "--after-change",
        action="store_true",
        help="a new content version before every request: no fragment is warm",
    )
    parser.add_argument("--dump", metavar="DIR", help="write each page's HTML into DIR")
    parser.add_argument("--json", help="also write the numbers to this file")
    parser.add_argument(
        "--database-url",
        help="an existing database filled by bench_data (e.g. PostgreSQL) instead of SQLite",
    )
    parser.add_argument(
        "--queries",
        action="store_true",
        help="print each page's SQL statements with their times (EXPLAIN ANALYZE if slow)",
    )
    parser.add_argument("--explain-ms", type=float, default=1.0)
    parser.add_argument("--keep-db", metavar="DIR", help="keep (and reuse) the database here")
    args = parser.parse_args()
    cache_url = configure(args.articles, args.keep_db, args.database_url)
    urls = benchmark_urls()
    if args.only:
        urls = {name: url for name, url in urls.items() if name in args.only}
    if args.dump:
        dump(urls, args.dump)
        return
    if args.queries:
        log_queries(urls, args.explain_ms, args.after_change)
        return
    if args.profile:
        profile(
            urls.get(args.profile, args.profile),
            args.requests * 5,
            args.after_change,
            args.profile_out,
        )
        return
    clock = Clock()
    clock.install()
    result = measure(urls, args.requests, args.rounds, clock, args.after_change)
    cold = "jede Anfrage nach einer Inhaltsänderung (kein Fragment warm), "
    print(
        f"Gemessen: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {args.articles} "
        f"Artikel ({'PostgreSQL' if args.database_url else 'SQLite'}), "
        f"Cache {cache_url.split(':')[0]}, Seiten-Cache aus, "
        f"{cold if args.after_change else ''}"
        f"{args.rounds} Runden à {args.requests} Anfragen je Seite; "
        f"Systemlast {os.getloadavg()[0]:.1f} (1 min). Befehl: `make bench-render`.\n"
    )
    print(table(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
