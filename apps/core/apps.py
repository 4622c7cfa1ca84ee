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
        from .cache import connect_signals

        connect_signals()
