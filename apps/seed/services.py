"""Load the seed content (fixtures/seed/*.toml) into the database, idempotently."""

import datetime
import html
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from apps.core.dates import DatePrecision
from apps.core.text import sanitize_rich_text
from apps.media.models import Photo
from apps.media.services import photo_save
from apps.network.models import (
    Institution,
    Meeting,
    MeetingParticipation,
    Municipality,
    Person,
    Programme,
    ProgrammeMembership,
    Role,
)
from apps.news.models import Article, ArticlePhoto, Topic

from .models import SeedRecord, SeedText
from .placeholders import placeholder_alt_text, placeholder_jpeg

SEED_DIR = Path(settings.BASE_DIR) / "fixtures" / "seed"
PLACEHOLDER_CREDIT = "Platzhalterbild – kein Originalfoto"
PLACEHOLDER_LICENCE = (
    "Vom Startinhalte-Import erzeugter Platzhalter; bitte durch das Originalfoto ersetzen."
)
# Seed articles appear at noon, local time, on their day.
PUBLICATION_TIME = datetime.time(12, 0)
# The publication field of meetings and people: public on a first load, hidden later.
PUBLIC_FLAG = {"public": {"is_published": True}, "hidden": {"is_published": False}}


@dataclass
class SeedReport:
    """What a load created, overwrote, kept or skipped, counted per model."""

    created: Counter = field(default_factory=Counter)
    changed: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    # Records that differ from the seed files (editors' work), left as they are.
    kept: Counter = field(default_factory=Counter)
    # Records an editor deleted: not made again.
    deleted: Counter = field(default_factory=Counter)
    dry_run: bool = False
    skipped: bool = False

    @property
    def summary(self) -> str:
        if self.skipped:
            return (
                "Die Datenbank hat schon Inhalte; nichts geladen. Abgleich mit den Dateien: "
                "python manage.py load_seed_data"
            )
        prefix = "Probelauf (nichts gespeichert): " if self.dry_run else ""
        return (
            f"{prefix}{sum(self.created.values())} angelegt, "
            f"{sum(self.changed.values())} überschrieben, "
            f"{sum(self.kept.values())} von der Redaktion geändert und belassen, "
            f"{sum(self.deleted.values())} von der Redaktion gelöscht und nicht neu angelegt, "
            f"{sum(self.unchanged.values())} unverändert."
        )


def entry_key(entry: dict, derived: str) -> str:
    """Return a seed entry's identity: derived from its fields, or the `key` the entry names.

    An entry whose date, year or organisation was corrected in the files names its first key,
    so the loader finds the record it made then instead of making a second one.
    """
    return entry.get("key") or derived


def read_seed_file(name: str) -> dict:
    """Return the parsed TOML file fixtures/seed/<name>.toml."""
    with (SEED_DIR / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


def body_html(text: str) -> str:
    """Turn paragraphs separated by blank lines into sanitised HTML ("### " = subheading)."""
    parts = []
    for paragraph in (p.strip() for p in text.strip().split("\n\n")):
        if not paragraph:
            continue
        if paragraph.startswith("### "):
            parts.append(f"<h3>{html.escape(paragraph[4:], quote=False)}</h3>")
        else:
            parts.append(f"<p>{html.escape(paragraph, quote=False)}</p>")
    return sanitize_rich_text("".join(parts)) if parts else ""


class _Loader:
    """Writes the seed files' content.

    Records are found by their seed key (SeedRecord). A first load (an empty database)
    creates everything public; a later run creates only entries new to the files, unpublished
    for an editor to release, reports what editors changed without overwriting it (unless
    overwrite), adds no link an editor removed, and never publishes, unpublishes, deletes or
    duplicates anything.
    """

    def __init__(self, *, dry_run: bool, overwrite: bool, first_load: bool, stdout):
        self.dry_run = dry_run
        self.overwrite = overwrite
        self.first_load = first_load
        self.stdout = stdout
        self.report = SeedReport(dry_run=dry_run)
        self.zone = timezone.get_default_timezone()
        # Links and tags of rows created in this run count with their creation.
        self.fresh = set()
        self.records = {
            record.key: record
            for record in SeedRecord.objects.select_related("content_type").prefetch_related(
                "sources"
            )
        }
        self.texts = {}
        # The records entries already claim, per content type: a new entry never takes one.
        self.claimed = defaultdict(set)
        for record in self.records.values():
            self.claimed[record.content_type_id].add(record.object_id)

    def say(self, line: str) -> None:
        if self.stdout is not None:
            self.stdout.write(line + "\n")

    def _remember(self, key, obj):
        record = SeedRecord.objects.create(
            key=key, content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )
        self.records[key] = record
        self.claimed[record.content_type_id].add(record.object_id)

    def _cite(self, key: str, sources: list[str]) -> None:
        """Record which texts the entry comes from. This is the seed's own bookkeeping, not
        editors' work, so it always follows the files."""
        record = self.records.get(key)
        if record is None:
            return
        wanted = {self.texts[source] for source in sources}
        if {text.pk for text in record.sources.all()} != {text.pk for text in wanted}:
            record.sources.set(wanted)

    def _find(self, model, key, lookup):
        """Return (record or None, deleted): by seed key, else (older databases) by lookup."""
        record = self.records.get(key)
        if record is not None:
            obj = model.objects.filter(pk=record.object_id).first()
            return obj, obj is None
        # A record another entry already claims is not this one (two roles of one person at
        # one institution, from two texts, say).
        claimed = self.claimed[ContentType.objects.get_for_model(model).pk]
        obj = model.objects.filter(**lookup).exclude(pk__in=claimed).first()
        if obj is not None:
            self._remember(key, obj)
        return obj, False

    # Generic writes.

    def sync(
        self, model, key: str, lookup: dict, values: dict, *, label: str, sources, release=None
    ):
        """Return the record for a seed entry, created if new; None if an editor deleted it.

        `sources` names the texts the entry comes from. `release` holds the publication
        fields: set on creation only, public on a first load, unpublished on a later one.
        """
        obj = self._sync(model, key, lookup, values, label=label, release=release)
        if obj is not None:
            self._cite(key, sources)
        return obj

    def _sync(self, model, key, lookup, values, *, label, release):
        name = model._meta.verbose_name
        obj, deleted = self._find(model, key, lookup)
        if deleted:
            self.report.deleted[name] += 1
            self.say(f"- {name}: {label} (von der Redaktion gelöscht, nicht neu angelegt)")
            return None
        if obj is None:
            state = (release or {}).get("public" if self.first_load else "hidden", {})
            obj = model(**lookup, **values, **state)
            obj.save()
            self._remember(key, obj)
            self.fresh.add((model, obj.pk))
            self.report.created[name] += 1
            hidden = "" if self.first_load or not release else " (unveröffentlicht)"
            self.say(f"+ {name}: {label}{hidden}")
            return obj
        differing = [key for key, value in values.items() if getattr(obj, key) != value]
        if not differing:
            self.report.unchanged[name] += 1
        elif self.overwrite:
            for field_name in differing:
                setattr(obj, field_name, values[field_name])
            written = {model._meta.get_field(key).name for key in differing}
            # A new updated_at, so that editors' open forms notice the change.
            written |= {f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", 0)}
            obj._change_reason = "Startinhalte überschrieben (load_seed_data --overwrite)"
            obj.save(update_fields=written)
            self.report.changed[name] += 1
            self.say(f"~ {name}: {label} ({', '.join(differing)}) überschrieben")
        else:
            self.report.kept[name] += 1
            self.say(f"= {name}: {label} ({', '.join(differing)}) geändert, belassen")
        return obj

    def _sync_links(self, obj, what, missing, add, *, label):
        if not missing:
            return
        if (type(obj), obj.pk) in self.fresh:
            add()
        elif self.overwrite:
            add()
            self.say(f"~ {label}: {what} ergänzt: {', '.join(sorted(map(str, missing)))}")
            self.report.changed[f"{obj._meta.verbose_name} ({what})"] += 1
        else:
            self.say(f"= {label}: {what} fehlen, belassen: {', '.join(sorted(map(str, missing)))}")
            self.report.kept[f"{obj._meta.verbose_name} ({what})"] += 1

    def sync_m2m(self, obj, attribute: str, wanted: list, *, label: str) -> None:
        """Add the seed's links that are missing (on a new record, or with overwrite); an
        editor's own links always stay."""
        if obj is None:
            return
        manager = getattr(obj, attribute)
        present = set(manager.values_list("pk", flat=True))
        missing = [item for item in wanted if item is not None and item.pk not in present]
        what = str(obj._meta.get_field(attribute).verbose_name)  # "Personen", not "people"
        self._sync_links(obj, what, missing, lambda: manager.add(*missing), label=label)

    def sync_tags(self, obj, names: list[str], *, label: str) -> None:
        if obj is None:
            return
        present = {name.casefold() for name in obj.tags.names()}
        missing = [name for name in names if name.casefold() not in present]
        if (type(obj), obj.pk) not in self.fresh:
            # On records that exist, only topics that exist: one that editors renamed or
            # merged is not made again.
            known = {t.casefold() for t in Topic.objects.values_list("name", flat=True)}
            gone = [name for name in missing if name.casefold() not in known]
            if gone:
                self.say(f"= {label}: Themen umbenannt oder zusammengeführt: {', '.join(gone)}")
            missing = [name for name in missing if name.casefold() in known]
        self._sync_links(obj, "Themen", missing, lambda: obj.tags.add(*missing), label=label)

    # The content, in dependency order.

    def load(self) -> SeedReport:
        self.load_texts()
        self.load_programmes()
        self.load_municipalities()
        self.load_institutions()
        self.load_people()
        self.load_meetings()
        self.load_articles()
        return self.report

    def load_texts(self):
        known = {text.key: text for text in SeedText.objects.all()}
        for row in read_seed_file("texts")["text"]:
            values = {"title": row["title"], "site": row["site"], "filename": row["file"]}
            text = known.get(row["key"]) or SeedText(key=row["key"])
            if text.pk is None or any(getattr(text, k) != v for k, v in values.items()):
                for name, value in values.items():
                    setattr(text, name, value)
                text.save()
            self.texts[row["key"]] = text

    def load_programmes(self):
        self.programmes = {}
        for row in read_seed_file("programmes")["programme"]:
            predecessor = self.programmes.get(row.get("predecessor"))
            self.programmes[row["slug"]] = self.sync(
                Programme,
                f"programme:{row['slug']}",
                {"slug": row["slug"]},
                {
                    "name": row["name"],
                    "short_name": row.get("short_name", ""),
                    "starts_year": row.get("starts_year"),
                    "ends_year": row.get("ends_year"),
                    "predecessor_id": predecessor.pk if predecessor else None,
                    "description": row.get("description", "").strip(),
                },
                label=row["name"],
                sources=row["sources"],
            )

    def load_municipalities(self):
        self.municipalities = {}
        for row in read_seed_file("municipalities")["municipality"]:
            municipality = self.sync(
                Municipality,
                f"municipality:{row['slug']}",
                {"slug": row["slug"]},
                {
                    "name": row["name"],
                    "kind": row.get("kind", ""),
                    "district": row.get("district", ""),
                    "ags": row.get("ags", ""),
                },
                label=row["name"],
                sources=row["sources"],
            )
            self.municipalities[row["slug"]] = municipality
            for membership in row.get("memberships", []):
                programme = self.programmes[membership["programme"]]
                if municipality is None or programme is None:
                    continue
                self.sync(
                    ProgrammeMembership,
                    entry_key(
                        membership,
                        f"membership:{row['slug']}:{membership['programme']}:"
                        f"{membership.get('joined_year')}",
                    ),
                    {
                        "municipality": municipality,
                        "programme": programme,
                        "joined_year": membership.get("joined_year"),
                    },
                    {"note": membership.get("note", "")},
                    label=f"{row['name']} – {membership['programme']}",
                    sources=membership.get("sources", row["sources"]),
                )

    def load_institutions(self):
        self.institutions = {}
        for row in read_seed_file("institutions")["institution"]:
            parent = self.institutions.get(row.get("parent"))
            municipality = self.municipalities.get(row.get("municipality"))
            self.institutions[row["slug"]] = self.sync(
                Institution,
                f"institution:{row['slug']}",
                {"slug": row["slug"]},
                {
                    "name": row["name"],
                    "short_name": row.get("short_name", ""),
                    "kind": row["kind"],
                    "parent_id": parent.pk if parent else None,
                    "municipality_id": municipality.pk if municipality else None,
                    "description": row.get("description", ""),
                },
                label=row["name"],
                sources=row["sources"],
            )

    def load_people(self):
        self.people = {}
        for row in read_seed_file("people")["person"]:
            person = self.sync(
                Person,
                f"person:{row['slug']}",
                {"slug": row["slug"]},
                {
                    "academic_title": row.get("academic_title", ""),
                    "first_name": row["first_name"],
                    "last_name": row["last_name"],
                    "other_names": row.get("other_names", ""),
                },
                label=f"{row['first_name']} {row['last_name']}",
                sources=row["sources"],
                release=PUBLIC_FLAG,
            )
            self.people[row["slug"]] = person
            for role in row.get("roles", []):
                municipality = self.municipalities.get(role.get("municipality"))
                institution = self.institutions.get(role.get("institution"))
                if person is None:
                    continue
                organisation = role.get("municipality") or role.get("institution")
                self.sync(
                    Role,
                    entry_key(
                        role,
                        f"role:{row['slug']}:{role['kind']}:{organisation}:"
                        f"{role.get('starts_on', '')}",
                    ),
                    {
                        "person": person,
                        "kind": role["kind"],
                        "municipality": municipality,
                        "institution": institution,
                    },
                    {
                        "title": role.get("title", ""),
                        "starts_on": role.get("starts_on"),
                        "ends_on": role.get("ends_on"),
                        "as_mentioned": role.get("as_mentioned", False),
                        "mentioned_precision": role.get("mentioned", DatePrecision.DAY),
                        "mentioned_inferred": role.get("mentioned_inferred", False),
                    },
                    label=f"{person} – {role.get('title') or role['kind']}",
                    sources=role.get("sources", row["sources"]),
                )

    def load_meetings(self):
        self.meetings = {}
        for row in read_seed_file("meetings")["meeting"]:
            host = self.municipalities.get(row.get("host_municipality"))
            programme = self.programmes.get(row.get("programme"))
            meeting = self.sync(
                Meeting,
                f"meeting:{row['slug']}",
                {"slug": row["slug"]},
                {
                    "kind": row["kind"],
                    "sequence_number": row.get("sequence_number"),
                    "title": row.get("title", ""),
                    "motto": row.get("motto", ""),
                    "starts_on": row["starts_on"],
                    "ends_on": row.get("ends_on", row["starts_on"]),
                    "date_precision": row.get("date_precision", DatePrecision.DAY),
                    "date_inferred": row.get("date_inferred", False),
                    "editorial_note": row.get("date_note", ""),
                    "venue": row.get("venue", ""),
                    "city": row.get("city", ""),
                    "host_municipality_id": host.pk if host else None,
                    "programme_id": programme.pk if programme else None,
                    "participant_count": row.get("participant_count"),
                    "participants_qualifier": row.get("participants_qualifier", ""),
                    "municipality_count": row.get("municipality_count"),
                    "municipalities_qualifier": row.get("municipalities_qualifier", ""),
                    "summary": row.get("summary", ""),
                },
                label=row["slug"],
                sources=row["sources"],
                release=PUBLIC_FLAG,
            )
            self.meetings[row["slug"]] = meeting
            self.sync_m2m(
                meeting,
                "organisers",
                [self.institutions[slug] for slug in row.get("organisers", [])],
                label=row["slug"],
            )
            self.sync_m2m(
                meeting,
                "attending_municipalities",
                [self.municipalities[slug] for slug in row.get("attending_municipalities", [])],
                label=row["slug"],
            )
            self.sync_tags(meeting, row.get("tags", []), label=row["slug"])
            for order, part in enumerate(row.get("participations", [])):
                person = self.people[part["person"]]
                if meeting is None or person is None:
                    continue
                self.sync(
                    MeetingParticipation,
                    f"participation:{row['slug']}:{part['person']}:{part['role']}",
                    {
                        "meeting": meeting,
                        "person": person,
                        "role": part["role"],
                    },
                    {"note": part.get("note", ""), "order": order},
                    label=f"{row['slug']} – {part['person']} ({part['role']})",
                    sources=part.get("sources", row["sources"]),
                )

    def load_articles(self):
        for row in read_seed_file("articles")["article"]:
            published_at = datetime.datetime.combine(row["date"], PUBLICATION_TIME, self.zone)
            key = entry_key(row, f"article:{row['date']}:{row['slug']}")
            article = self.sync(
                Article,
                key,
                {"publication_date": row["date"], "slug": row["slug"]},
                {
                    "title": row["title"],
                    "lead": row["lead"].strip(),
                    "body": body_html(row.get("body", "")),
                    "editorial_note": row.get("date_note", ""),
                    "date_precision": row.get("date_precision", DatePrecision.DAY),
                    "date_inferred": row.get("date_inferred", False),
                },
                label=f"{row['date']} {row['title']}",
                sources=row["sources"],
                release={
                    "public": {"status": Article.Status.PUBLISHED, "published_at": published_at},
                    "hidden": {"status": Article.Status.DRAFT, "published_at": published_at},
                },
            )
            if article is None:
                continue
            label = f"Artikel {row['slug']}"
            self.sync_tags(article, row.get("tags", []), label=label)
            for attribute, known in (
                ("meetings", self.meetings),
                ("people", self.people),
                ("municipalities", self.municipalities),
                ("institutions", self.institutions),
            ):
                wanted = [known[slug] for slug in row.get(attribute, [])]
                self.sync_m2m(article, attribute, wanted, label=label)
            for position, photo_row in enumerate(row.get("photos", [])):
                self.load_photo(article, position, photo_row, row, key.removeprefix("article:"))

    def load_photo(self, article, position, row, article_row, entry):
        key = f"seed:{entry}:{position}"
        values = {
            # Says what the image shows: a placeholder with the caption, not the scene of an
            # original photo nobody here has seen.
            "alt_text": placeholder_alt_text(row["caption"]),
            "caption": row["caption"],
            "credit": PLACEHOLDER_CREDIT,
            "licence": PLACEHOLDER_LICENCE,
        }
        link_key = f"articlephoto:{entry}:{position}"
        # A photo's caption comes from one of its article's texts; the row may name which.
        sources = row.get("sources", article_row["sources"])
        photo = Photo.objects.filter(source_key=key).first()
        if photo is None and link_key in self.records:
            return  # the editors deleted the placeholder photo
        if photo is None:
            self.report.created[Photo._meta.verbose_name] += 1
            self.say(f"+ Foto: {row['caption']}")
            if self.dry_run:
                # No image files in a dry run: the rollback could not take them back.
                self.report.created[ArticlePhoto._meta.verbose_name] += 1
                return
            image = ContentFile(placeholder_jpeg(row["caption"]), name="platzhalter.jpg")
            photo = photo_save(photo=Photo(image=image, source_key=key, **values))
            self._remember(f"photo:{key}", photo)
            self._cite(f"photo:{key}", sources)
        else:
            self.sync(
                Photo,
                f"photo:{key}",
                {"source_key": key},
                values,
                label=row["caption"],
                sources=sources,
            )
        self.sync(
            ArticlePhoto,
            link_key,
            {"article": article, "photo": photo},
            {"position": position},
            label=f"{article_row['slug']} – {row['caption']}",
            sources=sources,
        )


def _has_content() -> bool:
    """Whether anyone entered content (the pages a migration creates do not count)."""
    models = (Article, Meeting, Person, Municipality, Institution, Programme, Photo)
    return any(model.objects.exists() for model in models)


@transaction.atomic
def seed_data_load(
    *, dry_run: bool, overwrite: bool = False, if_empty: bool = False, stdout: TextIO | None = None
) -> SeedReport:
    """Load the seed content; see _Loader for what a later run does. With if_empty, load only
    into a database without content (what `make run` does on every start); with dry_run,
    report and roll everything back."""
    first_load = not SeedRecord.objects.exists() and not _has_content()
    if if_empty and not first_load:
        return SeedReport(dry_run=dry_run, skipped=True)
    report = _Loader(
        dry_run=dry_run, overwrite=overwrite, first_load=first_load, stdout=stdout
    ).load()
    if dry_run:
        transaction.set_rollback(True)
    return report
