"""Load the seed content (fixtures/seed/*.toml) into the database, idempotently."""

import datetime
import html
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

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
from apps.news.models import Article, ArticlePhoto

from .placeholders import placeholder_jpeg

SEED_DIR = Path(settings.BASE_DIR) / "fixtures" / "seed"
PLACEHOLDER_CREDIT = "Platzhalterbild – kein Originalfoto"
PLACEHOLDER_LICENCE = (
    "Vom Startinhalte-Import erzeugter Platzhalter; bitte durch das Originalfoto ersetzen."
)
# Seed articles appear at noon, local time, on their day.
PUBLICATION_TIME = datetime.time(12, 0)


@dataclass
class SeedReport:
    """What a load created, changed or found unchanged, counted per model."""

    created: Counter = field(default_factory=Counter)
    changed: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    dry_run: bool = False

    @property
    def summary(self) -> str:
        prefix = "Probelauf (nichts gespeichert): " if self.dry_run else ""
        return (
            f"{prefix}{sum(self.created.values())} angelegt, "
            f"{sum(self.changed.values())} geändert, "
            f"{sum(self.unchanged.values())} unverändert."
        )


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
    def __init__(self, *, dry_run: bool, stdout: TextIO | None):
        self.dry_run = dry_run
        self.stdout = stdout
        self.report = SeedReport(dry_run=dry_run)
        self.zone = timezone.get_default_timezone()
        # Links and tags of rows created in this run count with their creation.
        self.fresh = set()

    def say(self, line: str) -> None:
        if self.stdout is not None:
            self.stdout.write(line + "\n")

    # Generic writes: look up by natural key, write only what differs.

    def sync(self, model, lookup: dict, values: dict, *, label: str):
        name = model._meta.verbose_name
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            obj.save()
            self.fresh.add((model, obj.pk))
            self.report.created[name] += 1
            self.say(f"+ {name}: {label}")
            return obj
        changed = [key for key, value in values.items() if getattr(obj, key) != value]
        if changed:
            for key in changed:
                setattr(obj, key, values[key])
            obj.save(update_fields=[model._meta.get_field(key).name for key in changed])
            self.report.changed[name] += 1
            self.say(f"~ {name}: {label} ({', '.join(changed)})")
        else:
            self.report.unchanged[name] += 1
        return obj

    def sync_m2m(self, obj, attribute: str, wanted: list, *, label: str) -> None:
        manager = getattr(obj, attribute)
        wanted_pks = {item.pk for item in wanted}
        if set(manager.values_list("pk", flat=True)) != wanted_pks:
            manager.set(wanted)
            if (type(obj), obj.pk) not in self.fresh:
                self.say(f"~ {label}: {attribute}")
                self.report.changed[f"{obj._meta.verbose_name} ({attribute})"] += 1

    def sync_tags(self, obj, names: list[str], *, label: str) -> None:
        if set(obj.tags.names()) != set(names):
            obj.tags.set(names)
            if (type(obj), obj.pk) not in self.fresh:
                self.say(f"~ {label}: Themen {', '.join(names)}")
                self.report.changed[f"{obj._meta.verbose_name} (Themen)"] += 1

    # The content, in dependency order.

    def load(self) -> SeedReport:
        self.load_programmes()
        self.load_municipalities()
        self.load_institutions()
        self.load_people()
        self.load_meetings()
        self.load_articles()
        return self.report

    def load_programmes(self):
        self.programmes = {}
        for row in read_seed_file("programmes")["programme"]:
            predecessor = self.programmes.get(row.get("predecessor"))
            self.programmes[row["slug"]] = self.sync(
                Programme,
                {"slug": row["slug"]},
                {
                    "name": row["name"],
                    "short_name": row.get("short_name", ""),
                    "starts_year": row["starts_year"],
                    "ends_year": row.get("ends_year"),
                    "predecessor_id": predecessor.pk if predecessor else None,
                    "description": row.get("description", "").strip(),
                },
                label=row["name"],
            )

    def load_municipalities(self):
        self.municipalities = {}
        for row in read_seed_file("municipalities")["municipality"]:
            municipality = self.sync(
                Municipality,
                {"slug": row["slug"]},
                {
                    "name": row["name"],
                    "kind": row["kind"],
                    "district": row.get("district", ""),
                    "ags": row.get("ags", ""),
                },
                label=row["name"],
            )
            self.municipalities[row["slug"]] = municipality
            for membership in row.get("memberships", []):
                self.sync(
                    ProgrammeMembership,
                    {
                        "municipality": municipality,
                        "programme": self.programmes[membership["programme"]],
                        "joined_year": membership["joined_year"],
                    },
                    {"note": membership.get("note", "")},
                    label=f"{row['name']} – {membership['programme']}",
                )

    def load_institutions(self):
        self.institutions = {}
        for row in read_seed_file("institutions")["institution"]:
            parent = self.institutions.get(row.get("parent"))
            municipality = self.municipalities.get(row.get("municipality"))
            self.institutions[row["slug"]] = self.sync(
                Institution,
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
            )

    def load_people(self):
        self.people = {}
        for row in read_seed_file("people")["person"]:
            person = self.sync(
                Person,
                {"slug": row["slug"]},
                {
                    "academic_title": row.get("academic_title", ""),
                    "first_name": row["first_name"],
                    "last_name": row["last_name"],
                },
                label=f"{row['first_name']} {row['last_name']}",
            )
            self.people[row["slug"]] = person
            for role in row.get("roles", []):
                municipality = self.municipalities.get(role.get("municipality"))
                institution = self.institutions.get(role.get("institution"))
                self.sync(
                    Role,
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
                    },
                    label=f"{person} – {role.get('title') or role['kind']}",
                )

    def load_meetings(self):
        self.meetings = {}
        for row in read_seed_file("meetings")["meeting"]:
            host = self.municipalities.get(row.get("host_municipality"))
            programme = self.programmes.get(row.get("programme"))
            meeting = self.sync(
                Meeting,
                {"slug": row["slug"]},
                {
                    "kind": row["kind"],
                    "sequence_number": row.get("sequence_number"),
                    "title": row.get("title", ""),
                    "motto": row.get("motto", ""),
                    "starts_on": row["starts_on"],
                    "ends_on": row.get("ends_on", row["starts_on"]),
                    "venue": row.get("venue", ""),
                    "city": row.get("city", ""),
                    "host_municipality_id": host.pk if host else None,
                    "programme_id": programme.pk if programme else None,
                    "participant_count": row.get("participant_count"),
                    "participants_approximate": row.get("participants_approximate", False),
                    "municipality_count": row.get("municipality_count"),
                    "municipalities_approximate": row.get("municipalities_approximate", False),
                    "summary": row.get("summary", ""),
                    "is_published": True,
                },
                label=row["slug"],
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
                self.sync(
                    MeetingParticipation,
                    {
                        "meeting": meeting,
                        "person": self.people[part["person"]],
                        "role": part["role"],
                    },
                    {"note": part.get("note", ""), "order": order},
                    label=f"{row['slug']} – {part['person']} ({part['role']})",
                )

    def load_articles(self):
        for row in read_seed_file("articles")["article"]:
            published_at = datetime.datetime.combine(row["date"], PUBLICATION_TIME, self.zone)
            article = self.sync(
                Article,
                {"publication_date": row["date"], "slug": row["slug"]},
                {
                    "title": row["title"],
                    "lead": row["lead"].strip(),
                    "body": body_html(row.get("body", "")),
                    "status": Article.Status.PUBLISHED,
                    "published_at": published_at,
                    "editorial_note": row.get("date_note", ""),
                },
                label=f"{row['date']} {row['title']}",
            )
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
                self.load_photo(article, position, photo_row, row)

    def load_photo(self, article, position, row, article_row):
        key = f"seed:{article_row['date']}:{article_row['slug']}:{position}"
        values = {
            "alt_text": row["alt"],
            "caption": row["caption"],
            "credit": PLACEHOLDER_CREDIT,
            "licence": PLACEHOLDER_LICENCE,
        }
        photo = Photo.objects.filter(source_key=key).first()
        if photo is None:
            self.report.created[Photo._meta.verbose_name] += 1
            self.say(f"+ Foto: {row['caption']}")
            if self.dry_run:
                # No image files in a dry run: the rollback could not take them back.
                self.report.created[ArticlePhoto._meta.verbose_name] += 1
                return
            image = ContentFile(placeholder_jpeg(row["caption"]), name="platzhalter.jpg")
            photo = photo_save(photo=Photo(image=image, source_key=key, **values))
        else:
            changed = [key for key, value in values.items() if getattr(photo, key) != value]
            if changed:
                for name in changed:
                    setattr(photo, name, values[name])
                photo.save(update_fields=changed)
                self.report.changed[Photo._meta.verbose_name] += 1
                self.say(f"~ Foto: {row['caption']} ({', '.join(changed)})")
            else:
                self.report.unchanged[Photo._meta.verbose_name] += 1
        self.sync(
            ArticlePhoto,
            {"article": article, "photo": photo},
            {"position": position, "caption": ""},
            label=f"{article_row['slug']} – {row['caption']}",
        )


@transaction.atomic
def seed_data_load(*, dry_run: bool, stdout: TextIO | None = None) -> SeedReport:
    """Create or update the seed content; with dry_run, report and roll everything back."""
    report = _Loader(dry_run=dry_run, stdout=stdout).load()
    if dry_run:
        transaction.set_rollback(True)
    return report
