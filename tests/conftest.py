import pytest

from tests.redis_databases import REDIS_MODULES


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Keep uploaded files of every test out of the real MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(scope="session", autouse=True)
def data_migrations_survive_flushes():
    """Re-make what data migrations made (the legal pages) whenever a database is flushed.

    A transactional test (the browser tests, backup, two servers) ends with a flush that
    empties every table; Django then sends post_migrate. The scheduler may hand the same
    worker other tests afterwards, and those expect the installation as migrate leaves it.
    """
    from importlib import import_module

    from django.db.models.signals import post_migrate

    from apps.pages.models import Page

    default_pages = import_module("apps.pages.migrations.0002_default_pages").DEFAULT_PAGES

    def remake(sender, **kwargs):
        # As migration 0002 made them: published (pages made later start unpublished), and
        # without a revision (bulk_create sends no signal to the history).
        if sender.label == "pages":
            present = set(Page.objects.values_list("slug", flat=True))
            Page.objects.bulk_create(
                Page(**{**data, "is_published": True})
                for data in default_pages
                if data["slug"] not in present
            )

    post_migrate.connect(remake, dispatch_uid="tests-remake-default-pages")
    yield
    post_migrate.disconnect(dispatch_uid="tests-remake-default-pages")


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    from apps.core import cache as page_cache

    cache.clear()
    yield
    cache.clear()
    # A test that made a cache call fail (a simulated Redis error or outage) leaves neither a
    # rest (apps.core.cache.shared_cache) nor an owed bump to the next test in this process.
    page_cache._redis_rests_until[0] = 0.0
    page_cache._owed_bump.clear()


@pytest.hookimpl(optionalhook=True)  # the hook exists only with pytest-xdist
def pytest_xdist_make_scheduler(config, log):
    """Under xdist's default --dist load: hand out tests one at a time, in collection order.

    Two exceptions keep the workers evenly busy. The seed tests go to one worker as one unit,
    so that they share one load of the seed (a package fixture, seconds long); so do the tests
    that use the Redis at 127.0.0.1 (tests/redis_databases.py), which would disturb each other
    on two workers. And a worker that already holds a browser test gets no second one while
    another kind is left: each worker keeps a test or two in hand, and two browser tests in one
    hand would run one after the other while the other worker finishes early.
    """
    if config.getoption("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    # The two methods below are pytest-xdist internals: should an upgrade rename them, fall
    # back to its plain scheduling (slower, never wrong) instead of failing the run.
    internals = ("_split_scope", "_assign_work_unit")
    if not all(hasattr(LoadScopeScheduling, name) for name in internals):
        return None

    class Scheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            if nodeid.startswith("tests/seed/"):
                return "tests/seed/"
            if nodeid.startswith(REDIS_MODULES):
                return "tests/redis_databases.py"
            return nodeid

        def _assign_work_unit(self, node):
            held = self.assigned_work.get(node, {})
            if any(_is_browser(scope) and not all(unit.values()) for scope, unit in held.items()):
                other = next((scope for scope in self.workqueue if not _is_browser(scope)), None)
                if other is not None:
                    self.workqueue.move_to_end(other, last=False)
            super()._assign_work_unit(node)

    return Scheduling(config, log)


def _is_browser(scope):
    return scope.startswith("tests/browser/")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    from django.db import connection

    if connection.vendor != "postgresql":
        skip = pytest.mark.skip(reason="needs PostgreSQL")
        for item in items:
            if "postgres" in item.keywords:
                item.add_marker(skip)
    # The slowest tests first: run in parallel, they would otherwise keep one worker busy at
    # the end while the other waits. pytest-django sorts after this hook, stably, so they lead
    # each of its groups (transactional tests still run after the others, as their flush needs).
    items.sort(key=expected_seconds, reverse=True)


def expected_seconds(item):
    """Return the seconds a test's slow mark announces; a browser test takes about one."""
    mark = item.get_closest_marker("slow")
    if mark:
        return mark.args[0]
    return 1 if "browser" in item.keywords else 0
