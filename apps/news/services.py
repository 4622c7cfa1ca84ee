"""Editorial actions on articles."""

from django.db import transaction
from django.db.models import QuerySet

from apps.pages.cache import bump_content_version

from .models import Article


@transaction.atomic
def articles_publish(*, articles: QuerySet) -> int:
    """Release articles (future-dated ones appear at their time); return how many changed."""
    count = articles.exclude(status=Article.Status.PUBLISHED).update(
        status=Article.Status.PUBLISHED
    )
    # A bulk update sends no save signals: make cached pages stale here.
    transaction.on_commit(bump_content_version)
    return count


@transaction.atomic
def articles_unpublish(*, articles: QuerySet) -> int:
    """Take articles back to draft. Return the count changed."""
    count = articles.exclude(status=Article.Status.DRAFT).update(status=Article.Status.DRAFT)
    transaction.on_commit(bump_content_version)
    return count
