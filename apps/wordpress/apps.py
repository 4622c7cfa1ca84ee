from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordpressConfig(AppConfig):
    name = "apps.wordpress"
    label = "wordpress"
    verbose_name = _("WordPress-Umzug")

    def ready(self):
        from apps.editorial.provenance import register_provenance

        from .provenance import wordpress_origin

        register_provenance(wordpress_origin)
