"""Visitors' pages only read and run without a transaction; everything else, the admin above
all, keeps one transaction per request (ATOMIC_REQUESTS)."""

import pytest
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, transaction
from django.urls import URLResolver, get_resolver

from tests.factories import ArticleFactory, MeetingFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def transactions_opened(monkeypatch):
    """Count the transactions (and savepoints) opened while the test runs."""
    opened = []
    enter = transaction.Atomic.__enter__

    def counting(self):
        opened.append(self.using)
        return enter(self)

    monkeypatch.setattr(transaction.Atomic, "__enter__", counting)
    return opened


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.callback


def test_every_public_route_runs_without_a_transaction_and_every_admin_route_with_one():
    routes = list(_routes(get_resolver().url_patterns))
    admin = [(route, view) for route, view in routes if route.startswith(settings.ADMIN_URL)]
    public = [(route, view) for route, view in routes if not route.startswith(settings.ADMIN_URL)]
    assert len(admin) > 50 and len(public) > 20
    for route, view in public:
        assert DEFAULT_DB_ALIAS in getattr(view, "_non_atomic_requests", ()), route
    for route, view in admin:
        assert not getattr(view, "_non_atomic_requests", ()), route


def test_visitors_pages_open_no_transaction(client, settings, transactions_opened):
    settings.PAGE_CACHE_SECONDS = 0
    article = ArticleFactory()
    meeting = MeetingFactory()
    urls = [
        "/",
        "/aktuelles/",
        article.get_absolute_url(),
        "/aktuelles/feed/",
        meeting.get_absolute_url(),
        "/netzwerk/treffen.ics",
        "/suche/?q=Ahlen",
        "/sitemap.xml",
        "/robots.txt",
        "/bench/trivial/",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert transactions_opened == []


def test_an_editors_page_in_the_admin_still_runs_in_a_transaction(client, transactions_opened):
    client.force_login(StaffUserFactory(is_superuser=True))
    transactions_opened.clear()
    assert client.get(f"/{settings.ADMIN_URL}news/article/").status_code == 200
    assert transactions_opened == [DEFAULT_DB_ALIAS]
