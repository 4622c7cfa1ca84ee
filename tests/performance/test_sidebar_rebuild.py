"""The two queries the sidebar rebuilds after every content change (the month archive's counts
and the popular topics): what they return, and on PostgreSQL how they read the tables."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.core.dates import DatePrecision
from apps.news.models import topics_with_published_articles
from apps.news.months import archive_counts
from tests.factories import ArticleFactory, MeetingFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def at(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


def test_archive_counts_newest_month_first_each_precision_in_order():
    ArticleFactory(published_at=at(2018, 3, 7, 10))
    ArticleFactory(published_at=at(2018, 3, 1, 0, 30))  # Berlin's March, UTC's February
    ArticleFactory(published_at=at(2018, 3, 15), date_precision=DatePrecision.MONTH)
    ArticleFactory(published_at=at(2018, 1, 1), date_precision=DatePrecision.YEAR)
    ArticleFactory(published_at=at(2017, 11, 9, 10))
    ArticleFactory(published_at=at(2017, 12, 31, 23, 30))  # Berlin's December
    ArticleFactory(published_at=at(2017, 12, 7, 10), draft=True)
    ArticleFactory(scheduled=True)
    rows = [(m.year, m.month, precision, n) for m, precision, n in archive_counts()]
    assert rows == [
        (2018, 3, "day", 2),
        (2018, 3, "month", 1),
        (2018, 1, "year", 1),
        (2017, 12, "day", 1),
        (2017, 11, "day", 1),
    ]


def test_archive_counts_are_grouped_without_sorting_the_articles_in_sql():
    ArticleFactory()
    with CaptureQueriesContext(connection) as queries:
        archive_counts()
    (sql,) = [q["sql"] for q in queries]
    assert "ORDER BY" not in sql.upper()


def test_topic_counts_count_published_articles_only():
    ArticleFactory(tags=["Kita", "Schule"])
    ArticleFactory(tags=["Kita"])
    ArticleFactory(tags=["Kita"], draft=True)
    ArticleFactory(tags=["Kita", "Hort"], scheduled=True)
    MeetingFactory(tags=["Kita", "Hort"])  # a meeting's topics are not counted
    counts = {t.name: t.article_count for t in topics_with_published_articles()}
    assert counts == {"Kita": 2, "Schule": 1}


def test_topic_counts_join_the_assignments_once():
    ArticleFactory(tags=["Kita"])
    sql = str(topics_with_published_articles().query)
    # One join, counted where it is filtered; no second pass over all assignments.
    assert sql.count('JOIN "news_taggeditem"') == 1, sql
    assert 'FROM "news_taggeditem"' not in sql, sql


@pytest.mark.postgres
def test_archive_counts_need_no_column_outside_the_publication_index():
    # Whether PostgreSQL then reads the index alone depends on the visibility map (a vacuumed
    # table: the plan at 100,000 articles is in docs/performance.md), which a test's
    # transaction cannot have; what the code controls is that the index holds every column.
    with CaptureQueriesContext(connection) as queries:
        archive_counts()
    (sql,) = [q["sql"] for q in queries]
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT a.attname FROM pg_index i
               JOIN pg_class c ON c.oid = i.indexrelid
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
               WHERE c.relname = 'news_article_pub_idx'"""
        )
        indexed = {row[0] for row in cursor.fetchall()}
    assert indexed == {"status", "published_at", "id", "date_precision"}
    used = {name for name in ("status", "published_at", "id", "date_precision", "title", "body")}
    used = {name for name in used if f'"news_article"."{name}"' in sql}
    assert used <= indexed, (used, sql)
    assert used >= {"status", "published_at", "date_precision"}
