from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from apps.backup.services import site_backup


class Command(BaseCommand):
    help = "Sichert Datenbankinhalt und Mediendateien in einen Ordner."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            metavar="ORDNER",
            help="Zielordner (Standard: backups/<Zeitstempel>)",
        )

    def handle(self, *args, output=None, **options):
        destination = output or Path("backups") / timezone.localtime().strftime("%Y%m%d-%H%M%S")
        manifest = site_backup(destination=destination)
        self.stdout.write(
            f"Sicherung in {destination}: {manifest['records']} Datensätze, "
            f"{len(manifest['media'])} Dateien."
        )
