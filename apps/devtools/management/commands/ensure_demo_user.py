import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from apps.editorial.roles import EDITORS, PUBLISHERS

# One demo account per editorial group, so that a new user sees the workflow as the README
# describes it: "redaktion" writes, "freigabe" releases. Neither is a superuser.
DEMO_ACCOUNTS = {"redaktion": EDITORS, "freigabe": PUBLISHERS}
# The password: DEMO_PASSWORD from the environment, else one generated for this installation
# and kept in this file (git-ignored), so that it stays the same from one start to the next.
PASSWORD_FILE = Path(settings.BASE_DIR) / ".demo-password"


def demo_password() -> str:
    if from_environment := os.environ.get("DEMO_PASSWORD"):
        return from_environment
    if PASSWORD_FILE.exists():
        return PASSWORD_FILE.read_text().strip()
    password = secrets.token_urlsafe(12)
    PASSWORD_FILE.write_text(password + "\n")
    PASSWORD_FILE.chmod(0o600)
    return password


class Command(BaseCommand):
    help = (
        "Legt die Demo-Konten „redaktion“ (Gruppe Redaktion) und „freigabe“ (Gruppe Freigabe) "
        "an und zeigt die Zugangsdaten; nur mit DEBUG, also nie in Produktion."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo-Konten gibt es nur mit DEBUG=True (lokale Entwicklung).")
        password = demo_password()
        for username, group_name in DEMO_ACCOUNTS.items():
            user, _created = get_user_model().objects.get_or_create(
                username=username, defaults={"first_name": "Demo"}
            )
            # Also turns the superuser "redaktion" of older installations into a group member.
            user.is_staff, user.is_superuser = True, False
            if not user.check_password(password):
                user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get(name=group_name)])
        self.stdout.write(
            "Demo-Zugänge zur Redaktion: http://127.0.0.1:8000/admin/ – "
            f"„redaktion“ (schreibt) und „freigabe“ (gibt frei), Passwort „{password}“ "
            f"(gespeichert in {PASSWORD_FILE.name}; eigenes mit DEMO_PASSWORD=…)"
        )
