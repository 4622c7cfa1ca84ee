"""The demo login of `make run`: group members, not superusers; a password per installation;
never without DEBUG."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from apps.devtools.management.commands import ensure_demo_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def password_file(tmp_path, monkeypatch):
    path = tmp_path / ".demo-password"
    monkeypatch.setattr(ensure_demo_user, "PASSWORD_FILE", path)
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    return path


def run():
    out = io.StringIO()
    call_command("ensure_demo_user", stdout=out)
    return out.getvalue()


def test_demo_accounts_are_group_members_with_a_generated_password(settings, password_file):
    settings.DEBUG = True
    printed = run()
    password = password_file.read_text().strip()
    assert len(password) >= 16 and f"„{password}“" in printed
    for username, group in (("redaktion", "Redaktion"), ("freigabe", "Freigabe")):
        user = get_user_model().objects.get(username=username)
        assert user.check_password(password) and user.is_staff and not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [group]
    # The next start prints the same password and keeps the accounts.
    assert f"„{password}“" in run()
    assert get_user_model().objects.count() == 2


def test_old_superuser_demo_account_is_demoted_and_gets_the_new_password(
    settings, password_file, monkeypatch
):
    settings.DEBUG = True
    get_user_model().objects.create_superuser("redaktion", password="Praevention-2026")
    monkeypatch.setenv("DEMO_PASSWORD", "eigenes-Passwort-42")
    run()
    user = get_user_model().objects.get(username="redaktion")
    assert not user.is_superuser and user.check_password("eigenes-Passwort-42")
    assert not user.check_password("Praevention-2026")


def test_no_demo_accounts_without_debug(settings, password_file):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="nur mit DEBUG"):
        run()
    assert not get_user_model().objects.exists()
