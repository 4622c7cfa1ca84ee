"""WSGI entry point (gunicorn config.wsgi).

Django's application behind apps.core.cache_front: a visitor's GET of a page the page cache
holds in the current content version is answered before Django's request handler.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

django_application = get_wsgi_application()

from apps.core.cache_front import CachedPageFront  # noqa: E402 (needs the settings above)

application = CachedPageFront(django_application)
