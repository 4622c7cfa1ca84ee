"""Fill an empty, throwaway database with a state-wide network's worth of content.

Used by `make bench` (bench/bench.py); never run it against a database you want to keep.
"""

import datetime
import random
import sys

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from apps.core.text import german_slugify
from apps.media.models import Photo
from apps.network.models import (
    Institution,
    Meeting,
    MeetingParticipation,
    Municipality,
    Person,
)
from apps.news.models import Article, ArticlePhoto, TaggedItem, Topic

BATCH = 2000
WORDS = (  # noqa: SIM905 (a sentence reads better than a list)
    "Kita Familienzentrum Jugendamt Prävention Netzwerk Elternabend Sprachförderung Schule "
    "Übergang Gesundheit Bewegung Ernährung Beratung Quartier Armut Teilhabe Ehrenamt Sport "
    "Frühe Hilfen Lernnetzwerk Kommune Kinder Jugendliche Familien Fachtag Workshop Ahlen"
).split()


class Progress:
    """A one-line progress bar on standard error, without any dependency."""

    def __init__(self, label, total):
        self.label, self.total, self.done = label, total, 0

    def advance(self, n):
        self.done += n
        width = 30
        filled = int(width * self.done / max(self.total, 1))
        bar = "#" * filled + "-" * (width - filled)
        end = "\n" if self.done >= self.total else ""
        sys.stderr.write(f"\r{self.label:<22} [{bar}] {self.done:>7}/{self.total}{end}")
        sys.stderr.flush()


def _batched(model, objects, progress):
    batch = []
    for obj in objects:
        batch.append(obj)
        if len(batch) == BATCH:
            model.objects.bulk_create(batch)
            progress.advance(len(batch))
            batch = []
    if batch:
        model.objects.bulk_create(batch)
        progress.advance(len(batch))


class Command(BaseCommand):
    help = (
        "Füllt eine leere Datenbank mit Inhalten für den Benchmark "
        "(Artikel, Fotos, Treffen, Personen)."
    )

    def add_arguments(self, parser):
        number = {"type": int, "metavar": "ANZAHL"}
        parser.add_argument(
            "--articles", **number, default=100_000, help="Artikel (Standard: %(default)s)"
        )
        parser.add_argument(
            "--photos", **number, default=40_000, help="Fotos (Standard: %(default)s)"
        )
        parser.add_argument(
            "--meetings", **number, default=2_000, help="Treffen (Standard: %(default)s)"
        )
        parser.add_argument(
            "--places",
            **number,
            default=400,
            help="Kommunen, ebenso viele Institutionen (Standard: %(default)s)",
        )
        parser.add_argument(
            "--people", **number, default=3_000, help="Personen (Standard: %(default)s)"
        )
        parser.add_argument(
            "--years",
            **number,
            default=15,
            help="Jahre, über die die Artikel reichen (Standard: %(default)s)",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=6,
            metavar="ZAHL",
            help="Startwert des Zufalls; gleicher Wert, gleiche Inhalte (Standard: %(default)s)",
        )

    @transaction.atomic
    def handle(self, *args, **opts):
        if Article.objects.exists():
            raise CommandError("Die Datenbank enthält schon Artikel: bitte eine leere verwenden.")
        rng = random.Random(opts["seed"])
        now = timezone.now()
        start = now - datetime.timedelta(days=365 * opts["years"])
        span = (now - start).total_seconds()

        places = opts["places"]
        _batched(
            Municipality,
            (Municipality(name=f"Kommune {n}", slug=f"kommune-{n}") for n in range(places)),
            Progress("Kommunen", places),
        )
        _batched(
            Institution,
            (Institution(name=f"Institution {n}", slug=f"institution-{n}") for n in range(places)),
            Progress("Institutionen", places),
        )
        _batched(
            Person,
            (
                Person(
                    first_name=f"Vorname{n}",
                    last_name=f"Nachname{n}",
                    slug=f"person-{n}",
                    is_published=True,
                )
                for n in range(opts["people"])
            ),
            Progress("Personen", opts["people"]),
        )
        town_ids = list(Municipality.objects.values_list("pk", flat=True))
        person_ids = list(Person.objects.values_list("pk", flat=True))

        def meeting(n):
            day = (start + datetime.timedelta(seconds=rng.random() * span * 1.05)).date()
            return Meeting(
                kind=Meeting.Kind.EXCHANGE,
                title=f"Austausch {n}: {' '.join(rng.sample(WORDS, 3))}",
                slug=f"treffen-{n}",
                starts_on=day,
                ends_on=day,
                city="Ahlen",
                host_municipality_id=rng.choice(town_ids),
                summary=" ".join(rng.choices(WORDS, k=40)),
                is_published=True,
            )

        _batched(Meeting, (meeting(n) for n in range(opts["meetings"])), Progress("Treffen", 2000))
        meeting_ids = list(Meeting.objects.values_list("pk", flat=True))
        _batched(
            MeetingParticipation,
            (
                MeetingParticipation(
                    meeting_id=m, person_id=p, role=MeetingParticipation.Role.SPEAKER, order=i
                )
                for m in meeting_ids
                for i, p in enumerate(rng.sample(person_ids, 3))
            ),
            Progress("Mitwirkende", 3 * len(meeting_ids)),
        )

        topics = [Topic(name=word, slug=german_slugify(word)) for word in dict.fromkeys(WORDS)]
        Topic.objects.bulk_create(topics)
        topic_ids = list(Topic.objects.values_list("pk", flat=True))

        _batched(
            Photo,
            (
                Photo(
                    image=f"photos/bench/{n:06d}.jpg",
                    format=Photo.Format.JPEG,
                    width=1600,
                    height=1067,
                    file_size=250_000,
                    alt_text=f"Foto {n} aus dem Netzwerk",
                )
                for n in range(opts["photos"])
            ),
            Progress("Fotos", opts["photos"]),
        )
        photo_ids = list(Photo.objects.values_list("pk", flat=True))

        tz = timezone.get_default_timezone()

        def article(n):
            published_at = start + datetime.timedelta(seconds=rng.random() * span)
            title = f"{' '.join(rng.sample(WORDS, 4))} {n}"
            lead = " ".join(rng.choices(WORDS, k=25))
            return Article(
                title=title,
                slug=f"artikel-{n}",
                lead=lead,
                body="".join(f"<p>{' '.join(rng.choices(WORDS, k=60))}</p>" for _ in range(4)),
                status=Article.Status.PUBLISHED,
                published_at=published_at,
                publication_date=published_at.astimezone(tz).date(),
            )

        _batched(
            Article,
            (article(n) for n in range(opts["articles"])),
            Progress("Artikel", opts["articles"]),
        )
        article_ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))

        article_type = ContentType.objects.get_for_model(Article)
        _batched(
            TaggedItem,
            (
                TaggedItem(content_type=article_type, object_id=a, tag_id=t)
                for a in article_ids
                for t in rng.sample(topic_ids, 3)
            ),
            Progress("Themen an Artikeln", 3 * len(article_ids)),
        )
        # Two in five articles have photos, one to three each.
        with_photos = article_ids[::5] + article_ids[1::5]
        rows = [
            ArticlePhoto(article_id=a, photo_id=p, position=i)
            for a in with_photos
            for i, p in enumerate(rng.sample(photo_ids, 1 + a % 3))
        ]
        _batched(ArticlePhoto, rows, Progress("Fotos an Artikeln", len(rows)))
        through = Article.meetings.through
        _batched(
            through,
            (through(article_id=a, meeting_id=rng.choice(meeting_ids)) for a in article_ids[::10]),
            Progress("Artikel zu Treffen", len(article_ids[::10])),
        )
        through = Article.municipalities.through
        _batched(
            through,
            (through(article_id=a, municipality_id=rng.choice(town_ids)) for a in article_ids[::2]),
            Progress("Artikel zu Kommunen", len(article_ids[::2])),
        )
        self.stdout.write(self.style.SUCCESS(f"{len(article_ids)} Artikel angelegt."))
