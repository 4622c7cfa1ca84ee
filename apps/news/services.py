"""Editorial actions on articles."""

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from apps.core.cache import bump_content_version

from .models import Article


@transaction.atomic
def articles_publish(*, articles: QuerySet) -> int:
    """Release articles; return how many changed.

    An article released without a future date is published now (its day is the release
    day); one with a future date is scheduled and appears at that time.
    """
    now = timezone.now()
    count = 0
    for article in articles.exclude(status=Article.Status.PUBLISHED).select_for_update(
        of=("self",)
    ):
        article.status = Article.Status.PUBLISHED
        if article.published_at < now:
            article.published_at = now
            article.publication_date = timezone.localdate(now)
            article.slug = article.unique_slug(article.slug)  # its day may have changed
        article.save()
        count += 1
    return count


@transaction.atomic
def articles_unpublish(*, articles: QuerySet) -> int:
    """Take articles back to draft. Return the count changed."""
    count = articles.exclude(status=Article.Status.DRAFT).update(status=Article.Status.DRAFT)
    # A bulk update sends no save signals: make cached pages stale here.
    transaction.on_commit(bump_content_version)
    return count


@transaction.atomic
def articles_submit_for_review(*, articles: QuerySet) -> int:
    """Mark drafts as waiting for release (not public, so no cached page changes)."""
    return articles.filter(status=Article.Status.DRAFT).update(status=Article.Status.REVIEW)
