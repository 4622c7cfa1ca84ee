from pathlib import Path

from django.core.management.base import BaseCommand

from apps.backup.services import site_restore


class Command(BaseCommand):
    help = "Spielt eine Sicherung (Ordner von backup_site) in eine migrierte Installation ein."

    def add_arguments(self, parser):
        parser.add_argument(
            "source", type=Path, metavar="ORDNER", help="Ordner einer Sicherung von backup_site"
        )

    def handle(self, *args, source, **options):
        manifest = site_restore(source=source)
        records, files = manifest["records"], len(manifest["media"])
        self.stdout.write(f"Wiederhergestellt: {records} Datensätze, {files} Dateien.")
