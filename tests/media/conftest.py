import pytest
from django.contrib.auth.models import Group

from apps.editorial.roles import EDITORS
from tests.factories import UserFactory


@pytest.fixture
def editor(db):
    """A member of "Redaktion" (not a superuser): uploads go through the editors' rights."""
    user = UserFactory(username="fotoredaktion", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def stored_files(media_root):
    """Return a function listing every file under the temporary MEDIA_ROOT."""

    def files():
        return sorted(p.relative_to(media_root) for p in media_root.rglob("*") if p.is_file())

    return files


@pytest.fixture
def superuser_client(client, db):
    from tests.factories import StaffUserFactory

    client.force_login(StaffUserFactory(username="fotoadmin"))
    return client
