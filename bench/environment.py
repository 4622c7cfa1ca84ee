"""The environment every benchmark runs the site in: the production settings, nothing read
from the project folder's .env files (make run's or make serve's), a throwaway secret, plain
HTTP on 127.0.0.1, and files under the run's own folder."""

import os


def production_env(workdir, **settings):
    """Return the variables for config.settings.production; `settings` adds or overrides."""
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "ENV_FILE": os.devnull,
        "SECRET_KEY": "bench-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "False",
        "STATIC_ROOT": f"{workdir}/static",
        "MEDIA_ROOT": f"{workdir}/media",
        **settings,
    }
