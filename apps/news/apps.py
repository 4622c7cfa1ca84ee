from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "apps.news"
    label = "news"
    verbose_name = _("Aktuelles")

    def ready(self):
        from apps.core.cache import register_schedule
        from apps.core.lookups import fold_case_everywhere
        from apps.media.services import register_public_use

        from .models import Article, Topic
        from .services import photo_in_released_article

        # "schule" and "Schule", "übergänge" and "Übergänge" are one topic, on SQLite too.
        fold_case_everywhere(Topic._meta.get_field("name"))

        # Cached pages expire when the next scheduled article is due.
        register_schedule(Article.objects.next_publication)
        # Photos shown by released articles are locked for editors (apps/media/admin.py).
        register_public_use(photo_in_released_article)
