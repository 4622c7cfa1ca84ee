"""Create a news index at /nachrichten/ with N live news pages under it, fast.

Wagtail's `add_child` costs several queries a page (sibling lookup, slug check, numchild
update); this builds the materialised paths itself, as treebeard would, and inserts the rows
in batches: the `wagtailcore_page` rows with `bulk_create`, then the `news_newspage` rows
alone (`save_base(raw=True)` skips the parent table). Same content shape as the project's
`bench_data`: four-word titles, a 25-word intro, a body of four 60-word paragraphs, dates
spread over 15 years.
"""

import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from news.models import NewsIndexPage, NewsPage

BATCH = 2000
WORDS = (  # noqa: SIM905 (a sentence reads better than a list)
    "Kita Familienzentrum Jugendamt Prävention Netzwerk Elternabend Sprachförderung Schule "
    "Übergang Gesundheit Bewegung Ernährung Beratung Quartier Armut Teilhabe Ehrenamt Sport "
    "Frühe Hilfen Lernnetzwerk Kommune Kinder Jugendliche Familien Fachtag Workshop Ahlen"
).split()


class Command(BaseCommand):
    help = "Legt /nachrichten/ mit N veröffentlichten Nachrichtenseiten an."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=6)
        parser.add_argument("--years", type=int, default=15)

    @transaction.atomic
    def handle(self, *args, count, seed, years, **options):
        if NewsIndexPage.objects.exists():
            raise CommandError("Die Datenbank enthält schon Nachrichten: bitte eine leere.")
        home = Site.objects.get(is_default_site=True).root_page
        index = home.add_child(instance=NewsIndexPage(title="Nachrichten", slug="nachrichten"))

        rng = random.Random(seed)
        today = timezone.localdate()
        now = timezone.now()
        content_type = ContentType.objects.get_for_model(NewsPage)
        locale = Locale.get_default()
        depth = index.depth + 1
        pages = []
        for n in range(1, count + 1):
            date = today - datetime.timedelta(days=rng.randrange(365 * years))
            title = f"{' '.join(rng.sample(WORDS, 4))} {n}"
            slug = f"nachricht-{n}"
            published = datetime.datetime.combine(date, datetime.time(9), now.tzinfo)
            pages.append(
                NewsPage(
                    path=NewsPage._get_path(index.path, depth, n),
                    depth=depth,
                    numchild=0,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    url_path=f"{index.url_path}{slug}/",
                    content_type=content_type,
                    locale=locale,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    date=date,
                    intro=" ".join(rng.choices(WORDS, k=25)),
                    body="".join(f"<p>{' '.join(rng.choices(WORDS, k=60))}</p>" for _ in range(4)),
                )
            )
        for start in range(0, count, BATCH):
            batch = pages[start : start + BATCH]
            rows = Page.objects.bulk_create([Page(**_page_fields(page)) for page in batch])
            for page, row in zip(batch, rows, strict=True):
                page.page_ptr_id = page.id = row.id
                page.save_base(raw=True)
        Page.objects.filter(pk=index.pk).update(numchild=count)
        self.stdout.write(f"{count} Nachrichten unter {index.url_path}")


def _page_fields(page):
    """The values of the parent (wagtailcore_page) table of a NewsPage not yet saved."""
    return {
        field.attname: getattr(page, field.attname)
        for field in Page._meta.concrete_fields
        if not field.primary_key
    }
