import pytest
from django.db import transaction
from django.test import override_settings

from apps.seed.services import seed_data_load


@pytest.fixture(scope="package")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the seed content once for the seed tests; roll it back when they are done."""
    media = tmp_path_factory.mktemp("seed-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            report = seed_data_load(dry_run=False)
            yield report
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def seed(seeded, db, settings, tmp_path):
    """The loaded seed content inside an ordinary test transaction."""
    return seeded
