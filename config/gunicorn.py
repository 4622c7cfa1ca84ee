"""gunicorn settings for `make serve` and servers (`gunicorn -c config/gunicorn.py config.wsgi`).

Values come from the environment; the defaults suit a small machine.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The usual rule for sync workers: two per core and one more.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = 30
graceful_timeout = 20
accesslog = "-"


def on_starting(server):
    """Refuse a cache that each worker keeps for itself when there are several workers: an
    unpublished article would stay visible on the others until their copies expire."""
    import django
    from django.conf import settings

    django.setup()
    backend = settings.CACHES["default"]["BACKEND"]
    if server.cfg.workers > 1 and backend.endswith("LocMemCache"):
        raise RuntimeError(
            "Mehrere gunicorn-Worker brauchen einen gemeinsamen Cache: CACHE_URL leer lassen "
            "(Datenbank-Cache) oder auf Redis setzen, nicht locmemcache://."
        )
