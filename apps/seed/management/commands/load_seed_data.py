from django.core.management.base import BaseCommand

from apps.seed.services import seed_data_load


class Command(BaseCommand):
    help = (
        "Load the seed content (fixtures/seed/*.toml: stories, meetings, people, places). "
        "Safe to run again: only what differs is written."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be created or changed, and save nothing.",
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        detail = self.stdout if dry_run or verbosity >= 2 else None
        report = seed_data_load(dry_run=dry_run, stdout=detail)
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"Startinhalte: {report.summary}"))
