import pytest
from django.contrib.auth.models import Group

from apps.editorial.roles import EDITORS, PUBLISHERS
from tests.factories import UserFactory


def member_of(group_name, username):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return member_of(EDITORS, "redakteurin")


@pytest.fixture
def publisher(db):
    return member_of(PUBLISHERS, "freigeberin")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client
