"""Settings for trying the site on a developer's machine (`make run`)."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="local-development-only-not-secret")
PAGE_CACHE_HEADER = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

if "apps.devtools" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "apps.devtools"]
