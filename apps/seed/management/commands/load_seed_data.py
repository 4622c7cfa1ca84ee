from django.core.management.base import BaseCommand

from apps.seed.services import seed_data_load


class Command(BaseCommand):
    help = (
        "Lädt die Startinhalte (fixtures/seed/*.toml: Artikel, Treffen, Personen, Orte). "
        "In eine leere Datenbank: alles, veröffentlicht. Später: legt nur an, was in den "
        "Dateien neu ist (unveröffentlicht), meldet, was die Redaktion geändert hat, ohne es "
        "zu überschreiben, und veröffentlicht, verbirgt, löscht oder verdoppelt nie etwas."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Nur laden, wenn die Datenbank noch keine Inhalte hat (so startet make run).",
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help=(
                "Von der Redaktion geänderte Felder mit den Werten aus den Dateien "
                "überschreiben und fehlende Verknüpfungen ergänzen; jede Änderung wird "
                "ausgegeben. Veröffentlichungsstatus und eigene Verknüpfungen bleiben."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Nur zeigen, was angelegt oder geändert würde; nichts speichern.",
        )

    def handle(self, *args, dry_run=False, overwrite=False, if_empty=False, verbosity=1, **options):
        # What was overwritten is always printed; the rest with -v 2 or in a dry run.
        detail = self.stdout if dry_run or overwrite or verbosity >= 2 else None
        report = seed_data_load(
            dry_run=dry_run, overwrite=overwrite, if_empty=if_empty, stdout=detail
        )
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"Startinhalte: {report.summary}"))
