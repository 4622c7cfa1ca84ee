"""Editorial actions on articles."""

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from .models import Article, ArticlePhoto, TaggedItem, Topic


def _save(article, user, reason):
    """Save like the change form does: a revision by user, a new updated_at (so open forms
    notice the change), and through the save signals a fresh page cache."""
    if user is not None:
        article._history_user = user
    article._change_reason = reason
    article.save()


@transaction.atomic
def articles_publish(*, articles: QuerySet, user=None) -> int:
    """Release articles; return how many changed.

    An article without a chosen publication time is published now (its day is the release
    day, Article._derive_fields); one with a time keeps it: scheduled if it is ahead.
    """
    count = 0
    for article in _locked(articles.exclude(status=Article.Status.PUBLISHED)):
        article.status = Article.Status.PUBLISHED
        _save(article, user, _("Veröffentlicht"))
        count += 1
    return count


@transaction.atomic
def articles_unpublish(*, articles: QuerySet, user=None) -> int:
    """Take articles back to draft. Return the count changed."""
    count = 0
    for article in _locked(articles.exclude(status=Article.Status.DRAFT)):
        article.status = Article.Status.DRAFT
        _save(article, user, _("Zurückgezogen"))
        count += 1
    return count


@transaction.atomic
def articles_submit_for_review(*, articles: QuerySet, user=None) -> int:
    """Mark drafts as waiting for release (not public). Return the count changed."""
    count = 0
    for article in _locked(articles.filter(status=Article.Status.DRAFT)):
        article.status = Article.Status.REVIEW
        _save(article, user, _("Zur Freigabe eingereicht"))
        count += 1
    return count


def photo_in_released_article(photo) -> bool:
    """Whether a published or scheduled article shows the photo."""
    return ArticlePhoto.objects.filter(
        photo=photo, article__status=Article.Status.PUBLISHED
    ).exists()


def _locked(articles: QuerySet) -> QuerySet:
    """The articles' rows, locked until the transaction ends (like a form's save)."""
    return articles.select_for_update(of=("self",)).order_by("pk")


@transaction.atomic
def topics_merge(*, target: Topic, others: list[Topic]) -> int:
    """Move every use of the other topics to target and delete them; return how many uses
    moved. An object that already has target keeps it once."""
    moved = 0
    for topic in others:
        for item in TaggedItem.objects.filter(tag=topic).select_for_update():
            duplicate = TaggedItem.objects.filter(
                tag=target, content_type_id=item.content_type_id, object_id=item.object_id
            )
            if duplicate.exists():
                item.delete()
            else:
                item.tag = target
                item.save()
                moved += 1
        topic.delete()  # its signals make cached pages stale
    return moved
