"""Settings shared by every environment; values come from the environment."""

import os
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent


class SettingsEnv(environ.Env):
    # The environment plus .env, kept apart from os.environ: a process this one starts
    # (a test's server) gets the real environment, not this folder's .env.
    ENVIRON = dict(os.environ)


env = SettingsEnv()
# The installation's own settings; the environment wins. The production settings read
# .env.production (`make serve` writes it), the others .env, so that `make run` never works
# on the served site's database. ENV_FILE names another file, os.devnull none (tests that
# start servers of their own).
_ENV_FILE = (
    ".env.production"
    if os.environ.get("DJANGO_SETTINGS_MODULE", "").endswith(".production")
    else ".env"
)
SettingsEnv.read_env(env("ENV_FILE", default=str(BASE_DIR / _ENV_FILE)), overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# Each environment module sets SECRET_KEY; production has no default.
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "django_prose_editor",
    "imagekit",
    # This project's apps, one floor per line from the bottom up (README, "Where things are").
    "apps.core",
    "apps.editorial",
    "apps.media",
    "apps.news",
    "apps.network",
    "apps.sidebar",
    "apps.pages",
    "apps.search",
    "apps.seed",
    "apps.wordpress",
    "django.contrib.postgres",
    "simple_history",
    "apps.backup",
    "axes",
]

MIDDLEWARE = [
    # Anonymous GET responses from the shared cache, rendered once per content version and
    # stored with every header the stack below adds: a hit (and its 304) leaves before all of
    # them, with no round trip while the version watch vouches for the version.
    # docs/performance.md has each middleware's cost.
    "apps.core.cache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag/Last-Modified and 304 for every page and feed; cached pages carry their ETag.
    "django.middleware.http.ConditionalGetMiddleware",
    # LocaleMiddleware's headers and language without its parsing: the site has one language.
    "config.middleware.SingleLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The CSRF cookie, not the session, holds the token (CSRF_USE_SESSIONS is off).
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.SiteCSPMiddleware",
    "config.middleware.DatabaseUnavailableMiddleware",
    # Old WordPress addresses of imported posts: 301 instead of a 404 while they are public.
    "apps.wordpress.middleware.OldAddressRedirectMiddleware",
    # Last: SIGN_IN_MIDDLEWARE, for requests that may be signed in; visitors go by it.
    "config.middleware.SignInMiddleware",
]

# A stack of its own inside config.middleware.SignInMiddleware, in the order Django's would
# run them, ending in the view. Django's admin and django-axes look for these in MIDDLEWARE
# (their checks are silenced below); apps.core.checks checks them here instead.
SIGN_IN_MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The editor who saved a revision, for django-simple-history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it watches the login attempts of everything above.
    "axes.middleware.AxesMiddleware",
]
SILENCED_SYSTEM_CHECKS = ["admin.E408", "admin.E409", "admin.E410", "axes.W002"]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.core.context_processors.site",
                "apps.pages.context_processors.footer_pages",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL names another database.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# Keep connections open between requests (seconds); behind PgBouncer 0 is fine too.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# PgBouncer in transaction mode cannot keep server-side cursors across transactions.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env.bool(
    "DISABLE_SERVER_SIDE_CURSORS", default=False
)
# PostgreSQL: parameters bound by the server and each statement prepared (parsed and planned
# once per connection) from its PREPARE_THRESHOLD-th run on, so a page's repeated queries skip
# the planner; with CONN_MAX_AGE the plans outlive the request. Behind a PgBouncer in
# transaction mode without max_prepared_statements, DATABASE_PREPARED_STATEMENTS=false.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env.bool(
    "DATABASE_PREPARED_STATEMENTS", default=True
):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True,
        prepare_threshold=env.int("DATABASE_PREPARE_THRESHOLD", default=5),
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_env(default):
    """Return the cache CACHE_URL names; Redis through apps.core.cache.RedisCache, which keeps
    one client instead of making one for every get and set as Django's backend does."""
    config = env.cache("CACHE_URL", default=default)
    if config["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        config["BACKEND"] = "apps.core.cache.RedisCache"
        # An unreachable Redis (a network fault, not a refused connection) fails a request's
        # cache calls within seconds, and the page is made without the cache, instead of
        # holding the worker until gunicorn kills it.
        options = config.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", 1)
        options.setdefault("socket_timeout", 2)
    return config


# Redis when CACHE_URL is set (redis://127.0.0.1:6379/1), local memory otherwise.
CACHES = {"default": cache_from_env("locmemcache://")}
# How long an anonymous page may be served from the cache at most (0 turns it off); any
# change of public content makes cached pages stale at once, whatever this says.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# An X-Page-Cache: hit/miss header for developers; visitors never see it (see local/test).
PAGE_CACHE_HEADER = False
# Sessions in the database (the default) work across servers; "cache" keeps them in Redis.
SESSION_ENGINE = env("SESSION_ENGINE", default="django.contrib.sessions.backends.db")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "mediafiles")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# An S3-compatible bucket for uploads when one is configured (needs the "s3" extra; see
# docs/photos.md). Credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "location": env("AWS_LOCATION", default=""),
            "default_acl": env("AWS_DEFAULT_ACL", default=None),
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),
            "file_overwrite": False,
        },
    }

# Photo uploads: larger files or more pixels (all frames of an animation) are refused.
PHOTO_MAX_UPLOAD_BYTES = env.int("PHOTO_MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)
PHOTO_MAX_PIXELS = env.int("PHOTO_MAX_PIXELS", default=50_000_000)
# How hard the WebP encoder works for renditions: 0 (fastest) to 6 (smallest files); 4 is
# Pillow's default. It changes file sizes only, so existing renditions stay valid.
PHOTO_WEBP_METHOD = env.int("PHOTO_WEBP_METHOD", default=4)
# Renditions live beside the originals: renditions/photos/<year>/<month>/<token>/<hash>.webp
IMAGEKIT_CACHEFILE_DIR = "renditions"

SITE_NAME = env("SITE_NAME", default="Ahlener Präventionskette")
# Who publishes the site: the feeds' author and the structured data's publisher.
SITE_PUBLISHER = env("SITE_PUBLISHER", default="Stadt Ahlen")
NEWS_PAGINATE_BY = env.int("NEWS_PAGINATE_BY", default=10)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
ADMIN_URL = env("ADMIN_URL", default="admin/")
# Developers' tools (apps.devtools: the demo login, the benchmark's data and its trivial view
# /bench/trivial/); the local and test settings always have them, production only for make bench.
if env.bool("DEVTOOLS", default=False):
    INSTALLED_APPS.append("apps.devtools")

# Content-Security-Policy (django-csp): nothing but our own files on visitors' pages.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", *env.list("CSP_EXTRA_IMG_SRC", default=[])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Login throttling (django-axes): a handful of failures per user name and address locks
# that pair out for a while.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
# The proxies in front that write X-Forwarded-For (Caddy in `make serve`: 1). The nearest one
# replaces whatever header a visitor sent and does not list itself, so django-ipware expects
# one address fewer; without a proxy only REMOTE_ADDR counts (a visitor could forge the header).
_front_proxies = env.int("AXES_PROXY_COUNT", default=0)
if _front_proxies:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
AXES_IPWARE_PROXY_COUNT = max(_front_proxies - 1, 0)
# The domain in the UIDs of the meetings calendar; it must never change once subscribed.
NETWORK_ICAL_UID_DOMAIN = env("NETWORK_ICAL_UID_DOMAIN", default="praeventionskette-ahlen.de")

# Topics: "schule" typed next to an existing "Schule" is that topic, not a second one.
TAGGIT_CASE_INSENSITIVE = True
