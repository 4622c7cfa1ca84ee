"""Editorial actions on articles."""

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _

from .models import Article, ArticlePhoto, TaggedItem, Topic


def _set_status(articles: QuerySet, status, user, reason) -> int:
    """Give each article the status, saved one by one like the change form does: its row
    locked, a revision by user with the reason, a new updated_at (so open forms notice the
    change) and, through the save signals, a fresh page cache. Return how many changed."""
    count = 0
    for article in articles.select_for_update(of=("self",)).order_by("pk"):
        article.status = status
        if user is not None:
            article._history_user = user
        article._change_reason = reason
        article.save()
        count += 1
    return count


@transaction.atomic
def articles_publish(*, articles: QuerySet, user=None) -> int:
    """Release articles; return how many changed.

    An article without a chosen publication time is published now (its day is the release
    day, Article._derive_fields); one with a time keeps it: scheduled if it is ahead.
    """
    waiting = articles.exclude(status=Article.Status.PUBLISHED)
    return _set_status(waiting, Article.Status.PUBLISHED, user, _("Veröffentlicht"))


@transaction.atomic
def articles_unpublish(*, articles: QuerySet, user=None) -> int:
    """Take articles back to draft. Return the count changed."""
    released = articles.exclude(status=Article.Status.DRAFT)
    return _set_status(released, Article.Status.DRAFT, user, _("Zurückgezogen"))


@transaction.atomic
def articles_submit_for_review(*, articles: QuerySet, user=None) -> int:
    """Mark drafts as waiting for release (not public). Return the count changed."""
    drafts = articles.filter(status=Article.Status.DRAFT)
    return _set_status(drafts, Article.Status.REVIEW, user, _("Zur Freigabe eingereicht"))


def photo_in_released_article(photo) -> bool:
    """Whether a published or scheduled article shows the photo."""
    return ArticlePhoto.objects.filter(
        photo=photo, article__status=Article.Status.PUBLISHED
    ).exists()


@transaction.atomic
def topics_merge(*, target: Topic, others: list[Topic]) -> int:
    """Move every use of the other topics to target and delete them; return how many uses
    moved. An object that already has target keeps it once."""
    moved = 0
    for topic in others:
        items = TaggedItem.objects.filter(tag=topic)
        already = TaggedItem.objects.filter(
            tag=target,
            content_type_id=OuterRef("content_type_id"),
            object_id=OuterRef("object_id"),
        )
        items.filter(Exists(already)).delete()
        moved += items.update(tag=target)
        topic.delete()  # its signals make cached pages stale
    return moved
