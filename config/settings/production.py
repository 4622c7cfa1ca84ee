"""Settings for serving the site; SECRET_KEY must come from the environment."""

from .base import *  # noqa: F403
from .base import cache_from_env, env

DEBUG = False
SECRET_KEY = env("SECRET_KEY")  # no default: refuse to start without one

# A cache every worker and server shares: the database's own cache table unless CACHE_URL
# names Redis. A per-process cache would keep unpublished pages alive in the other workers
# (config/gunicorn.py refuses it with several workers). `migrate` creates the table.
CACHES = {"default": cache_from_env("dbcache://django_cache")}

# HTTPS=False only for trying the production stack on this machine over plain HTTP
# (`make serve`); a real server always has TLS in front (docs/deployment.md).
HTTPS = env.bool("HTTPS", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=HTTPS)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
