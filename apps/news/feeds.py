from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .models import Article, Topic

FEED_SIZE = 20


class LatestArticlesFeed(Feed):
    title = f"{settings.SITE_NAME} – Aktuelles"
    description = "Neuigkeiten aus der Ahlener Präventionskette und dem Lernnetzwerk NRW."
    language = "de"

    def link(self):
        return reverse("news:article_list")

    def items(self):
        return Article.objects.published().select_related("author")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class TopicArticlesFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, obj):
        return f"{settings.SITE_NAME} – Thema: {obj.name}"

    def description(self, obj):
        return f"Artikel zum Thema {obj.name}."

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return (
            Article.objects.published()
            .filter(tags__slug=obj.slug)
            .select_related("author")
            .distinct()[:FEED_SIZE]
        )
