"""Settings for the test suite: fast hashing, local memory, plain static storage."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

DEBUG = False
SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
# Renditions in a third of the time, files a few per cent larger.
PHOTO_WEBP_METHOD = 0
# Pages render afresh in tests unless a test turns the page cache on.
PAGE_CACHE_SECONDS = 0
PAGE_CACHE_HEADER = True

if "apps.devtools" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "apps.devtools"]
