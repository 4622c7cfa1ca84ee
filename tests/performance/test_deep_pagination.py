import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.news.models import Article
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_deep_news_page_walks_a_publication_index_without_sorting(client, settings):
    settings.NEWS_PAGINATE_BY = 10
    for n in range(30):
        ArticleFactory(published_at=timezone.now() - datetime.timedelta(hours=n))
    client.get("/aktuelles/?page=3")  # the count is cached; the page query is what remains
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/aktuelles/?page=3").status_code == 200
    (page_query,) = [q["sql"] for q in queries if "news_article" in q["sql"]]
    with connection.cursor() as cursor:
        # A table this small is cheaper to sort than to walk; with sorting priced out the plan
        # shows whether an index yields the order. At 100,000 articles the planner picks the
        # index by itself (the plan is in docs/performance.md).
        cursor.execute("ANALYZE news_article")  # fresh estimates, whatever ran before
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("EXPLAIN " + page_query)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # The offset is walked in an index of the publication order (the status-led one or the
    # plain date one); only the ten rows found are sorted, never the table.
    offset_scan = plan[plan.index("Limit") :]
    assert "news_article_pub_idx" in offset_scan or "news_article_date_idx" in offset_scan, plan
    assert "Seq Scan on news_article" not in plan, plan


def test_news_list_orders_as_the_index_does():
    assert Article._meta.ordering == ["-published_at", "-id"]
