"""What `make run` does with seed content on a database that already has content of its own
(outside tests/seed, whose tests share one loaded seed)."""

import io

import pytest
from django.core.management import call_command

from apps.news.models import Article
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_if_empty_loads_nothing_into_a_database_with_editors_content():
    PersonFactory()
    out = io.StringIO()
    call_command("load_seed_data", "--if-empty", stdout=out)
    assert "nichts geladen" in out.getvalue()
    assert not Article.objects.exists()
