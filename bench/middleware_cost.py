"""Each middleware's cost per request, timed in one Django process (`make bench-middleware`).

Usage: python bench/middleware_cost.py [--iterations N] [--rounds R] [--write]

Calls Django's WSGI handler directly (no server, no sockets) with the production settings and
MIDDLEWARE cut to its first k entries, k = 0 … all, for an anonymous GET without cookies of a
two-byte view (never cached), once with the page cache off and once on (Redis at
BENCH_REDIS_URL, database 4 by default; 8 is tests/performance/test_two_servers.py's). A
middleware's cost is the difference between the prefix that ends with it and the one before.
The configurations take turns within each round, so that the machine's drifts hit all of
them alike; each figure is the fastest round's mean (other processes can only add time, so the
fastest round is the truest). A last row times a cache hit of a 15 KB page through the whole
stack; the next two the same hit and the two-byte view as config.wsgi answers them (behind
apps.core.cache_front); another the two-byte view in a transaction (ATOMIC_REQUESTS), as the
admin's views run; the others run without one, as visitors' pages do. --write puts the table into
docs/performance.md between the `bench:middleware` markers.
"""

import argparse
import atexit
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from environment import production_env

ROOT = Path(__file__).resolve().parent.parent


def configure():
    workdir = tempfile.mkdtemp(prefix="middleware-cost-")
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)
    os.environ.update(
        production_env(
            workdir,
            CONN_MAX_AGE="60",
            DATABASE_URL=f"sqlite:///{workdir}/bench.sqlite3",
            CACHE_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/4"),
            LOG_LEVEL="ERROR",
        )
    )
    os.chdir(ROOT)
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    import django
    from django.core.management import call_command

    django.setup()
    # The content version reads the publication schedule: without tables it would fail and be
    # made afresh on every request.
    call_command("migrate", verbosity=0)


def timer(handler, environ, iterations):
    """Return the mean time of one request in µs."""

    def start_response(status, headers):
        pass

    environs = [dict(environ) for _ in range(iterations)]
    started = time.perf_counter()
    for env in environs:
        response = handler(env, start_response)
        for _chunk in response:
            pass
        if hasattr(response, "close"):  # as a WSGI server does
            response.close()
    return (time.perf_counter() - started) / iterations * 1e6


def handler_for(middleware, page_cache_seconds):
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    with override_settings(
        MIDDLEWARE=middleware, ROOT_URLCONF="stack_urls", PAGE_CACHE_SECONDS=page_cache_seconds
    ):
        handler = WSGIHandler()
    return handler, page_cache_seconds


def front_for(middleware, page_cache_seconds):
    """The handler as config.wsgi serves it: behind apps.core.cache_front."""
    from apps.core.cache_front import CachedPageFront

    handler, seconds = handler_for(middleware, page_cache_seconds)
    return CachedPageFront(handler), seconds


def run(iterations, rounds):
    from django.conf import settings
    from django.test import RequestFactory
    from django.test.utils import override_settings

    factory = RequestFactory()
    trivial = factory._base_environ(PATH_INFO="/trivial/", REQUEST_METHOD="GET")
    trivial["HTTP_HOST"] = "127.0.0.1"
    page = {**trivial, "PATH_INFO": "/page/"}
    stack = list(settings.MIDDLEWARE)
    configs = {}
    for seconds in (0, 600):
        for k in range(len(stack) + 1):
            configs[(seconds, k)] = (handler_for(stack[:k], seconds), trivial)
    configs[("hit", len(stack))] = (handler_for(stack, 600), page)
    configs[("front", len(stack))] = (front_for(stack, 600), page)
    configs[("front-trivial", len(stack))] = (front_for(stack, 600), trivial)
    configs[("atomic", 0)] = (handler_for([], 0), {**trivial, "PATH_INFO": "/in-transaction/"})
    samples = {key: [] for key in configs}
    for _ in range(rounds):
        for key, ((handler, seconds), environ) in configs.items():
            with override_settings(ROOT_URLCONF="stack_urls", PAGE_CACHE_SECONDS=seconds):
                timer(handler, environ, max(iterations // 10, 20))  # warm: the hit is stored
                samples[key].append(timer(handler, environ, iterations))
    return stack, {key: min(values) for key, values in samples.items()}


def table(stack, result):
    lines = [
        "| Middleware (in MIDDLEWARE order) | page cache off: µs | cumulative µs "
        "| page cache on: µs | cumulative µs |",
        "| --- | ---: | ---: | ---: | ---: |",
        "| Django alone, the view in a transaction (ATOMIC_REQUESTS, as the admin's) "
        f"| – | {result[('atomic', 0)]:.0f} | | |",
        "| Django alone: handler, URL resolver, two-byte view (no transaction, as visitors') "
        f"| – | {result[(0, 0)]:.0f} | – | {result[(600, 0)]:.0f} |",
    ]
    for k, name in enumerate(stack, start=1):
        off, on = (result[(s, k)] - result[(s, k - 1)] for s in (0, 600))
        lines.append(
            f"| `{name}` | {off:+.0f} | {result[(0, k)]:.0f} | {on:+.0f} | {result[(600, k)]:.0f} |"
        )
    full_off, full_on = result[(0, len(stack))], result[(600, len(stack))]
    lines += [
        f"| **whole stack** | **{full_off - result[(0, 0)]:+.0f}** | **{full_off:.0f}** "
        f"| **{full_on - result[(600, 0)]:+.0f}** | **{full_on:.0f}** |",
        f"| a cache hit of a 15 KB page, whole stack | | | | {result[('hit', len(stack))]:.0f} |",
        "| the same hit as config.wsgi answers it (apps.core.cache_front, before Django's "
        f"handler) | | | | {result[('front', len(stack))]:.0f} |",
        "| the two-byte view (not cacheable) as config.wsgi answers it "
        f"| | | | {result[('front-trivial', len(stack))]:.0f} |",
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    configure()
    stack, result = run(args.iterations, args.rounds)
    text = "\n".join(
        [
            f"Gemessen: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
            f"{args.rounds} Runden à {args.iterations} Anfragen je Zeile, die schnellste Runde; "
            f"Systemlast: {os.getloadavg()[0]:.1f} (1 min). "
            "Befehl: `make bench-middleware`.",
            "",
            table(stack, result),
        ]
    )
    print(text)
    if args.write:
        from report import write_section

        write_section("middleware", text)


if __name__ == "__main__":
    main()
