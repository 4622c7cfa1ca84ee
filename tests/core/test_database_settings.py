"""PostgreSQL connections bind parameters on the server and prepare repeated statements."""

import json
import os

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import ArticleFactory
from tests.processes import PRODUCTION, run_python

POSTGRES = "postgres://praev@db.example:5432/praev"


def database_options(**environment):
    """Return DATABASES["default"]["OPTIONS"] as the production settings build them."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")},
        **PRODUCTION,
        **environment,
    }
    script = (
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.DATABASES['default'].get('OPTIONS', {})))"
    )
    result = run_python("-c", script, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_postgres_connections_prepare_statements_by_default():
    options = database_options(DATABASE_URL=POSTGRES)
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 5


def test_prepared_statements_can_be_turned_off_for_a_transaction_pooler():
    options = database_options(DATABASE_URL=POSTGRES, DATABASE_PREPARED_STATEMENTS="false")
    assert "server_side_binding" not in options
    assert "prepare_threshold" not in options


def test_sqlite_gets_no_postgres_options():
    assert database_options(DATABASE_URL="sqlite:///:memory:") == {}


@pytest.mark.django_db
@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="prepared statements are PostgreSQL's",
)
def test_postgres_plans_a_repeated_query_once_per_connection():
    article = ArticleFactory()
    threshold = connection.settings_dict["OPTIONS"].get("prepare_threshold") or 5
    for _ in range(threshold + 1):
        assert list(type(article).objects.filter(pk=article.pk).values_list("title", flat=True))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements "
            "WHERE statement LIKE %s AND statement LIKE %s",
            ['%"news_article"."title"%', "%$1%"],
        )
        (prepared,) = cursor.fetchone()
    assert prepared == 1
