"""The topics visitors can browse: those of published articles, with how many there are."""

from apps.core.cache import cached_fragment

from .models import Topic, topics_with_published_articles


def published_topics() -> list[Topic]:
    """Return every topic of published articles, by name, each with its `article_count`.

    Cached until public content changes: the sidebar's popular topics, the topic index and the
    meeting page's topic links all read this list, so a change costs one count query and a page
    needs none. The list is shared; sort a copy.
    """
    return cached_fragment(
        "published-topics", lambda: list(topics_with_published_articles().order_by("name"))
    )


def topic_ids_with_pages() -> frozenset[int]:
    """Return the ids of the topics that have a topic page (a published article uses them)."""
    return frozenset(topic.pk for topic in published_topics())
