"""Editorial actions on articles."""

from django.db import transaction
from django.db.models import QuerySet

from .models import Article


@transaction.atomic
def articles_publish(*, articles: QuerySet) -> int:
    """Release articles; those dated in the future appear at their time. Return the count changed."""
    return articles.exclude(status=Article.Status.PUBLISHED).update(
        status=Article.Status.PUBLISHED
    )


@transaction.atomic
def articles_unpublish(*, articles: QuerySet) -> int:
    """Take articles back to draft. Return the count changed."""
    return articles.exclude(status=Article.Status.DRAFT).update(status=Article.Status.DRAFT)
