import copy
import hashlib
import logging

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure

from apps.core.cache import shared_cache_or
from apps.core.text import without_control_characters as xml_text
from apps.media.renditions import photo_rendition_files, photo_renditions

from .models import Article, TaggedItem, Topic

FEED_SIZE = 20
logger = logging.getLogger(__name__)
# How long the byte size of a lead photo's rendition is remembered (see _with_enclosures).
ENCLOSURE_SIZE_SECONDS = 30 * 24 * 3600
# How long a rendition the storage could not find is reported as size "0" without asking again.
MISSING_SIZE_SECONDS = 3600


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
        response = Feed.__call__(feed, request, *args, **kwargs)
        # The feed generator writes every element as a chunk of its own (about 800); the WSGI
        # server would send each with a system call of its own, cached copies included.
        response.content = response.content
        return response

    def items(self):
        return _feed_items(Article.objects.published().with_photos()[:FEED_SIZE])

    def item_enclosures(self, item):
        """Offer the lead photo as a 3:2 rendition, as feed readers show it."""
        if item.feed_enclosure is None:
            return []
        rendition, length = item.feed_enclosure
        url = self.request.build_absolute_uri(rendition.url)
        return [Enclosure(url, length, rendition.mime_type)]

    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        return xml_text(item.lead)

    def item_pubdate(self, item):
        # A publication time only where the day is known; otherwise the entry says when it
        # was last changed (Atom's updated), not a day no source gives.
        return item.published_at if item.is_dated_to_the_day else None

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [xml_text(name) for name in item.feed_categories]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description
    # RFC 4287 §4.1.1: a feed whose entries name no author names one itself.
    author_name = settings.SITE_PUBLISHER


class TopicArticlesFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        """The topic, if a published article has it; like its page, a 404 otherwise."""
        topic = get_object_or_404(Topic, slug=slug)
        if not Article.objects.published().tagged_with(topic).exists():
            raise Http404
        return topic

    def title(self, obj):
        return xml_text(f"{settings.SITE_NAME} – Thema: {obj.name}")

    def description(self, obj):
        return xml_text(f"Artikel zum Thema {obj.name}.")

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return _feed_items(Article.objects.published().tagged_with(obj).with_photos()[:FEED_SIZE])


class TopicArticlesAtomFeed(TopicArticlesFeed):
    feed_type = Atom1Feed
    author_name = LatestArticlesAtomFeed.author_name

    def subtitle(self, obj):
        return self.description(obj)


def _feed_items(articles):
    """Return the articles as a list, each with its topic names and its enclosure."""
    articles = list(articles)
    # One query for all topic names; taggit's prefetch builds a queryset per article.
    names = {}
    for article_id, name in (
        TaggedItem.objects.of(Article, [article.pk for article in articles])
        .order_by("tag__name")
        .values_list("object_id", "tag__name")
    ):
        names.setdefault(article_id, []).append(name)
    for article in articles:
        article.feed_categories = names.get(article.pk, [])
    return _with_enclosures(articles)


def _with_enclosures(articles):
    """Return the articles as a list, each with `feed_enclosure`: the largest 3:2 rendition of
    its lead photo and its size in bytes (as a string), or None without a photo.

    The storage knows the size (a stat here, an HTTP request on S3); it is asked once per
    rendition and photo version, and the answers of a whole feed are read from the cache in
    one look-up.
    """
    articles = list(articles)
    keys = {}
    for article in articles:
        photo = article.lead_photo
        if photo is None:
            article.feed_enclosure = None
            continue
        rendition = photo_renditions(photo, shape="landscape")[-1]
        article.feed_enclosure = (rendition, None)
        # The rendition's address changes with the image and focal point (a signed address's
        # query string changes every time); the photo's pk and save time keep a replaced or
        # re-uploaded image from reusing an old answer.
        address = rendition.url.split("?", 1)[0]
        stamp = f"{address}|{photo.pk}|{photo.updated_at.isoformat()}"
        keys[article.pk] = "feed-enclosure-size:" + hashlib.sha256(stamp.encode()).hexdigest()
    # Without Redis the feed is answered all the same, its sizes looked up.
    known = shared_cache_or({}, cache.get_many, set(keys.values()))
    learnt, missing = {}, {}
    for article in articles:
        if article.feed_enclosure is None:
            continue
        key = keys[article.pk]
        length = known.get(key) or learnt.get(key) or missing.get(key)
        if length is None:
            _, file = photo_rendition_files(article.lead_photo, shape="landscape")[-1]
            try:
                length = learnt[key] = str(file.storage.size(file.name))
            except Exception:  # a file system or S3 error must not take the feed down
                # A rendition the storage cannot find: "0", as feeds allow, and not asked
                # again on every request (saving the photo makes the rendition and a new key).
                logger.warning("Feed enclosure without a readable size: %s", file.name)
                length = missing[key] = "0"
        article.feed_enclosure = (article.feed_enclosure[0], length)
    if learnt:
        shared_cache_or(None, cache.set_many, learnt, ENCLOSURE_SIZE_SECONDS)
    if missing:
        shared_cache_or(None, cache.set_many, missing, MISSING_SIZE_SECONDS)
    return articles
