from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The site's infrastructure beneath every content app: the page cache and content version,
    text helpers, the sitemap base, head tags and context processors. It has no models and
    imports no app of this project."""

    name = "apps.core"
    label = "core"
    verbose_name = _("Website-Grundlagen")

    def ready(self):
        from django.db.models.signals import pre_migrate

        from . import checks  # noqa: F401  (registers the sign-in stack's checks)
        from .cache import connect_signals, create_cache_table
        from .lookups import connect_sqlite_casefold

        connect_signals()
        connect_sqlite_casefold()
        # A database cache (production's default) gets its table with every `migrate`, before
        # the first migration saves anything (a save makes cached pages stale, in that table).
        pre_migrate.connect(create_cache_table, dispatch_uid="apps.core.create_cache_table")
