import pytest

from tests.factories import StaffUserFactory


@pytest.fixture
def editor_client(client, db):
    client.force_login(StaffUserFactory())
    return client


@pytest.fixture
def stored_files(media_root):
    """Return a function listing every file under the temporary MEDIA_ROOT."""

    def files():
        return sorted(p.relative_to(media_root) for p in media_root.rglob("*") if p.is_file())

    return files
