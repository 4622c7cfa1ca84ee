import datetime

import pytest
from django.db import connection
from django.utils import timezone

from apps.news.models import Article
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_deep_news_page_walks_the_publication_index_without_sorting():
    for n in range(30):
        ArticleFactory(published_at=timezone.now() - datetime.timedelta(hours=n))
    page = Article.objects.published().order_by("-published_at", "-id")[20:30]
    with connection.cursor() as cursor:
        # A table this small is cheaper to sort than to walk; with sorting priced out the plan
        # shows whether an index yields the order. At 100,000 articles the planner picks the
        # index by itself (the plan is in docs/performance.md).
        cursor.execute("ANALYZE news_article")  # fresh estimates, whatever ran before
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        plan = page.explain()
    assert "news_article_pub_idx" in plan, plan
    assert "Sort" not in plan, plan


def test_news_list_orders_as_the_index_does():
    assert Article._meta.ordering == ["-published_at", "-id"]
