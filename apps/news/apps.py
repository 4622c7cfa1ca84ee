from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "apps.news"
    label = "news"
    verbose_name = _("Aktuelles")

    def ready(self):
        from apps.core.cache import register_schedule

        from .models import Article

        # Cached pages expire when the next scheduled article is due.
        register_schedule(Article.objects.next_publication)
