import copy

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure

from apps.media.renditions import photo_rendition_files

from .models import Article, Topic

FEED_SIZE = 20


class LatestArticlesFeed(Feed):
    title = f"{settings.SITE_NAME} – Aktuelles"
    description = "Neuigkeiten aus der Ahlener Präventionskette und dem Lernnetzwerk NRW."
    language = "de"

    def link(self):
        return reverse("news:article_list")

    def __call__(self, request, *args, **kwargs):
        # One feed object serves every request: each gets a copy that knows its host.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def items(self):
        return (
            Article.objects.published()
            .select_related("author")
            .prefetch_related("tags")
            .with_photos()[:FEED_SIZE]
        )

    def item_enclosures(self, item):
        """Offer the lead photo as a 3:2 rendition, as feed readers show it."""
        photo = item.lead_photo
        if photo is None:
            return []
        width, file = photo_rendition_files(photo, shape="landscape")[-1]
        try:
            length = str(file.storage.size(file.name))
        except (OSError, NotImplementedError):
            length = "0"
        mime_type = "image/png" if file.name.endswith(".png") else "image/jpeg"
        return [Enclosure(self.request.build_absolute_uri(file.url), length, mime_type)]

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
            .prefetch_related("tags")
            .with_photos()
            .distinct()[:FEED_SIZE]
        )
