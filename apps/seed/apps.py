from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeedConfig(AppConfig):
    name = "apps.seed"
    label = "seed"
    verbose_name = _("Startinhalte")

    def ready(self):
        from apps.editorial.provenance import register_provenance

        from .provenance import seed_sources

        register_provenance(seed_sources)
