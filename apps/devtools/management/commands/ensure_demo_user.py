from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEMO_USERNAME = "redaktion"
DEMO_PASSWORD = "Praevention-2026"


class Command(BaseCommand):
    help = "Legt das Demo-Redaktionskonto an, falls es fehlt, und zeigt die Zugangsdaten."

    def handle(self, *args, **options):
        user, created = get_user_model().objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={"is_staff": True, "is_superuser": True, "first_name": "Demo"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        self.stdout.write(
            "Demo-Zugang zur Redaktion: http://127.0.0.1:8000/admin/ "
            f"Benutzer „{DEMO_USERNAME}“, Passwort „{DEMO_PASSWORD}“"
            + ("" if created else " (Konto bestand schon; Passwort ggf. geändert)")
        )
