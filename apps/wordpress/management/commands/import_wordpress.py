from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from apps.wordpress.services import default_import_user, wordpress_import
from apps.wordpress.wxr import WxrError, read_wxr

PROGRESS_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Übernimmt eine WordPress-Exportdatei (WXR, aus WordPress unter Werkzeuge › Daten "
        "exportieren): Beiträge als Artikel (veröffentlichte veröffentlicht, geplante geplant, "
        "alle anderen nicht öffentlich), Seiten als nicht veröffentlichte Seiten, Bilder als "
        "Fotos; alte Adressen leiten auf die neuen um. Wiederholbar: schon Übernommenes wird "
        "weder doppelt angelegt noch überschrieben, wenn es hier geändert wurde."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Die WordPress-Exportdatei (.xml).")
        parser.add_argument(
            "--media-dir",
            help=(
                "Ordner mit den hochgeladenen Dateien der alten Website (der Inhalt von "
                "wp-content/uploads/, also mit den Unterordnern JAHR/MONAT/)."
            ),
        )
        parser.add_argument(
            "--user",
            help=(
                "Benutzername des Redaktionskontos, dem Änderungsgeschichte und Artikel "
                "ohne passendes Konto zugeschrieben werden (Standard: das erste "
                "Administratorkonto)."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Nur zeigen, was übernommen würde (jeder Eintrag); nichts speichern.",
        )

    def handle(self, *args, file, media_dir=None, user=None, dry_run=False, **options):
        verbosity = options.get("verbosity", 1)
        media = Path(media_dir) if media_dir else None
        if media is not None and not media.is_dir():
            raise CommandError(f"Den Medienordner „{media_dir}“ gibt es nicht.")
        try:
            site = read_wxr(file)
        except WxrError as error:
            raise CommandError(str(error)) from error
        if user:
            account = get_user_model().objects.filter(username=user, is_staff=True).first()
            if account is None:
                raise CommandError(f"Es gibt kein Redaktionskonto mit dem Benutzernamen „{user}“.")
        else:
            account = default_import_user()
        if verbosity >= 1:
            self.stdout.write(
                f"{site.title or site.link}: {len(site.items)} Einträge (WXR {site.version})."
            )
        show_progress = verbosity >= 1 and self.stderr.isatty()
        report = wordpress_import(
            site=site,
            media_dir=media,
            user=account,
            dry_run=dry_run,
            progress=self._progress if show_progress else None,
            # Each record made or changed: in a dry run, and with -v 2.
            stdout=self.stdout if dry_run or verbosity >= 2 else None,
        )
        if show_progress:
            self.stderr.write("", style_func=str)
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"WordPress-Import: {report.summary}"))
            for line in report.details():
                self.stdout.write(line)

    def _progress(self, done, total):
        filled = PROGRESS_WIDTH * done // total
        bar = "█" * filled + "·" * (PROGRESS_WIDTH - filled)
        # Plain, not in the error colour Django gives stderr on a terminal.
        self.stderr.write(f"\r{bar} {done}/{total}", style_func=str, ending="")
        self.stderr.flush()
