"""Import a WordPress export (WXR) into articles, pages and photos, idempotently."""

import datetime
import hashlib
import json
import os
import posixpath
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import TextIO
from urllib.parse import unquote

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Max, Q
from django.utils import formats, timezone, translation

from apps.core.text import german_slugify, unique_slug
from apps.media.forms import PhotoUploadForm
from apps.media.models import Photo
from apps.media.services import photo_create_renditions, photo_save
from apps.media.validators import check_photo_file
from apps.news.models import Article, ArticlePhoto, TaggedItem, Topic
from apps.news.services import articles_unpublish
from apps.pages.models import Page

from .content import convert_body, plain_text, title_from_text
from .models import ImportedItem
from .redirects import old_path
from .report import ImportReport
from .wxr import (
    UNDATED,
    WxrItem,
    WxrSite,
    parse_date,
    publication_time,
    upload_key,
    upload_paths,
)

CHANGE_REASON = "Aus WordPress übernommen (import_wordpress)"
UPDATE_REASON = "In WordPress geändert, neu übernommen (import_wordpress)"
PHOTO_EXTENSIONS = {".jpg", ".jpeg", ".jpe", ".png", ".gif", ".webp"}
# WordPress' default category, which every uncategorised post carries: no topic.
DEFAULT_CATEGORIES = {"uncategorized", "allgemein", "unkategorisiert"}
TOPIC_MAX_LENGTH = 100

# WordPress status → (status here, why the post is not public, or None).
STATUSES = {
    "publish": (Article.Status.PUBLISHED, None),
    "future": (Article.Status.PUBLISHED, None),
    "draft": (Article.Status.DRAFT, "Entwurf"),
    "auto-draft": (Article.Status.DRAFT, "automatischer Entwurf"),
    "pending": (Article.Status.REVIEW, "ausstehender Review"),
    "private": (Article.Status.DRAFT, "privat"),
    "trash": (Article.Status.DRAFT, "im Papierkorb"),
}
# Statuses whose posts must never be published here without someone deciding so.
NEVER_PUBLIC = {"private", "trash"}


def _hash(*values) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


def _german_day(when: datetime.datetime) -> str:
    with translation.override("de"):
        return formats.date_format(timezone.localtime(when), "j. F Y")


class _Importer:
    def __init__(
        self, *, site: WxrSite, media_dir: Path | None, user, dry_run: bool, progress, stdout
    ):
        self.site = site
        self.stdout = stdout
        self.media_dir = media_dir.resolve() if media_dir else None
        self.user = user
        self.dry_run = dry_run
        self.progress = progress
        self.report = ImportReport(dry_run=dry_run)
        self.records = {
            record.key: record for record in ImportedItem.objects.select_related("content_type")
        }
        self.attachments = {i.post_id: i for i in site.items if i.post_type == "attachment"}
        self.attachment_by_url = {
            upload_key(path): item.post_id
            for item in self.attachments.values()
            for path in [item.attachment_url or item.guid, *upload_paths(item)]
        }
        # attachment post id → Photo (or None in a dry run, where no file is stored)
        self.photos: dict[int, Photo | None] = {}
        self.authors = {}
        self.topics = None  # casefolded name → Topic, read once
        self.new_photos = set()  # attachment ids whose photo this run made
        # Renditions are most of a photo's cost; Pillow encodes without holding the GIL, so
        # they are made on every core while the next items are read and saved.
        self.renditions = ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
        self.pending_renditions = []

    def say(self, line: str) -> None:
        if self.stdout is not None:
            self.stdout.write(line + "\n")

    # Records by their WordPress key.

    def _find(self, item: WxrItem, model):
        """Return (import record or None, deleted by an editor)."""
        record = self.records.get(item.key)
        if record is None:
            return None, False
        obj = model.objects.filter(pk=record.object_id).first()
        record.obj = obj
        return record, obj is None

    def _remember(self, item: WxrItem, obj, kind, *, path="", written=""):
        self.records[item.key] = ImportedItem.objects.create(
            key=item.key,
            post_id=item.post_id,
            kind=kind,
            old_path=path,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            source_hash=_hash(asdict(item)),
            written_hash=written,
        )

    def _unchanged_or_kept(self, item, record, current_hash, label) -> bool:
        """Whether the record stays as it is: WordPress did not change the item, or editors
        here changed the record (their work is never overwritten)."""
        if record.source_hash == _hash(asdict(item)):
            self.report.skipped["unverändert"] += 1
            return True
        if current_hash != record.written_hash:
            self.report.skipped["hier geändert, belassen"] += 1
            self.report.notes.append(
                f"In WordPress und hier geändert, hier belassen: {label} (WordPress-ID "
                f"{item.post_id})"
            )
            return True
        return False

    def run(self) -> ImportReport:
        try:
            self._import_items()
            for future in self.pending_renditions:
                future.result()  # an error in a rendition fails the import like an upload
        finally:
            self.renditions.shutdown(cancel_futures=True)
        return self.report

    def _import_items(self):
        order = {"attachment": 0, "post": 1, "page": 2}
        items = sorted(self.site.items, key=lambda item: order.get(item.post_type, 3))
        for done, item in enumerate(items, 1):
            handler = {
                "attachment": self.import_attachment,
                "post": self.import_post,
                "page": self.import_page,
            }.get(item.post_type)
            if handler is None:
                # Menus, revisions, reusable blocks, plugins' own types.
                self.report.skipped[f"Typ {item.post_type}"] += 1
            else:
                handler(item)
            self.progress(done, len(items))

    # Attachments → photos.

    def _file_for(self, item: WxrItem) -> tuple[Path | None, str]:
        candidates = upload_paths(item)
        if self.media_dir is not None:
            for relative in candidates:
                path = (self.media_dir / relative).resolve()
                # Never outside the folder, whatever the export says ("../../etc/passwd").
                if path.is_relative_to(self.media_dir) and path.is_file():
                    return path, relative
        return None, (candidates[0] if candidates else item.attachment_url)

    def import_attachment(self, item: WxrItem) -> None:
        record, deleted = self._find(item, Photo)
        alt = item.meta.get("_wp_attachment_image_alt", "").strip()[:300]
        caption = plain_text(item.excerpt)[:500]
        if deleted:
            self.report.skipped["hier gelöscht"] += 1
            return
        if record is not None:
            photo = record.obj
            self.photos[item.post_id] = photo
            if self._unchanged_or_kept(
                item, record, _hash(photo.alt_text, photo.caption), str(photo)
            ):
                return
            photo.alt_text, photo.caption = alt or photo.alt_text, caption
            photo_save(photo=photo)
            self._rewrite(record, item, _hash(photo.alt_text, photo.caption))
            self.report.updated["Fotos"] += 1
            self.say(f"~ Foto: {photo} (Alternativtext und Bildunterschrift neu übernommen)")
            return

        path, relative = self._file_for(item)
        extension = posixpath.splitext(relative)[1].lower()
        if extension and extension not in PHOTO_EXTENSIONS:
            self.report.skipped["Anhang, kein Foto"] += 1
            self.report.refused_media.append(f"{relative}: kein Foto (JPEG, PNG, WebP, GIF)")
            return
        if path is None:
            self.report.missing_media.append(relative)
            return
        upload = SimpleUploadedFile(path.name, path.read_bytes())
        if self.dry_run:
            # No file is stored in a dry run: the rollback could not take it back.
            try:
                check_photo_file(upload)
            except ValidationError as error:
                self.report.refused_media.append(f"{relative}: {' '.join(error.messages)}")
                return
            photo = None
        else:
            form = PhotoUploadForm(data={"alt_text": alt}, files={"image": upload})
            if not form.is_valid():
                errors = " ".join(str(e) for errors in form.errors.values() for e in errors)
                self.report.refused_media.append(f"{relative}: {errors}")
                return
            photo = form.save(commit=False)
            photo.caption = caption
            photo.source_key = f"wordpress:{item.key}"[:200]
            # What photo_save does for a new photo, its renditions made on the pool.
            photo.save()
            copy = Photo.objects.get(pk=photo.pk)  # the worker's own file handle
            self.pending_renditions.append(
                self.renditions.submit(photo_create_renditions, photo=copy)
            )
            self._remember(item, photo, ImportedItem.Kind.ATTACHMENT, written=_hash(alt, caption))
        self.photos[item.post_id] = photo
        self.new_photos.add(item.post_id)
        self.report.created["Fotos"] += 1
        self.say(f"+ Foto: {relative}")
        if not alt:
            self.report.missing_alt.append(f"{relative} (WordPress-ID {item.post_id})")

    def _rewrite(self, record, item, written, path=None):
        record.source_hash = _hash(asdict(item))
        record.written_hash = written
        if path is not None:
            record.old_path = path
        record.save()

    # Posts → articles.

    def _author(self, login: str):
        """Return (staff account, original name when none matched)."""
        if login not in self.authors:
            wp = self.site.authors.get(login)
            match = Q(username__iexact=login) if login else Q(pk__in=[])
            if wp and wp.email:
                match |= Q(email__iexact=wp.email)
            users = get_user_model().objects.filter(match, is_staff=True, is_active=True)
            name = (wp.display_name if wp else "") or login
            found = users.order_by("pk").first()
            original = name if name == login else f"{name} ({login})"
            self.authors[login] = (found, None if found else original)
        return self.authors[login]

    def _topics(self, item: WxrItem) -> list[Topic]:
        """Return the post's categories and tags as topics: an existing topic whatever its
        letter case (also beyond ASCII, which SQLite's iexact misses), else a new one."""
        if self.topics is None:
            self.topics = {topic.name.casefold(): topic for topic in Topic.objects.all()}
        topics = {}
        for term in item.terms:
            if term.domain not in ("category", "post_tag") or not term.name.strip():
                continue
            if term.domain == "category" and term.slug.lower() in DEFAULT_CATEGORIES:
                continue
            name = " ".join(term.name.split())[:TOPIC_MAX_LENGTH]
            key = name.casefold()
            if key not in self.topics:
                self.topics[key] = Topic.objects.create(name=name)
            topics[key] = self.topics[key]
        return list(topics.values())

    def _gallery(self, item: WxrItem, body, *, report=True) -> list[tuple[int, Photo, str]]:
        """Return the article's photos in order: featured image, then the text's images and
        galleries; each with its attachment id and the caption the text gave it."""
        wanted = []
        # A post without a title is named by its WordPress id in the report.
        named = f"„{item.title}“" if item.title else f"Beitrag {item.post_id} (ohne Titel)"
        thumbnail = item.meta.get("_thumbnail_id", "")
        if thumbnail.isdecimal():
            wanted.append((int(thumbnail), ""))
        for ref in body.images:
            ident = ref.attachment_id or self.attachment_by_url.get(upload_key(ref.url))
            if ident:
                wanted.append((ident, ref.caption))
            elif report:
                self.report.missing_media.append(
                    f"{ref.url} (Bild im Text von {named}, nicht in der Exportdatei)"
                )
        wanted += [(ident, "") for ident in body.gallery_ids]
        if body.gallery_of_post:
            wanted += [
                (a.post_id, "") for a in self.attachments.values() if a.parent == item.post_id
            ]
        photos, seen = [], set()
        for ident, caption in wanted:
            if ident in seen:
                continue
            seen.add(ident)
            if ident not in self.attachments:
                if report:
                    self.report.missing_media.append(
                        f"Anhang {ident} (in {named}, nicht in der Exportdatei)"
                    )
            elif self.photos.get(ident) is not None:
                photos.append((ident, self.photos[ident], caption))
        return photos

    def _add_photos(self, article, photos, start=0):
        for position, (_ident, photo, caption) in enumerate(photos, start):
            ArticlePhoto.objects.create(
                article=article,
                photo=photo,
                position=position,
                caption="" if caption == photo.caption else caption[:500],
            )

    def _link_new_photos(self, item, body, article):
        """Give an article imported before the photos it names whose files turned up only
        now (a first run without --media-dir, or with files missing)."""
        if not self.new_photos:
            return
        present = set(article.article_photos.values_list("photo_id", flat=True))
        photos = [
            entry
            for entry in self._gallery(item, body, report=False)
            if entry[0] in self.new_photos and entry[1].pk not in present
        ]
        if photos:
            last = article.article_photos.aggregate(last=Max("position"))["last"]
            self._add_photos(article, photos, 0 if last is None else last + 1)
            self.report.updated["Artikel (Fotos ergänzt)"] += 1
            self.say(f"~ Artikel: {article.title} ({len(photos)} Fotos ergänzt)")

    def _title(self, item: WxrItem, body_html: str, when) -> str:
        title = " ".join(item.title.split())
        if title:
            return title[:255]
        if when is None:
            when = parse_date(item.date, timezone.get_default_timezone())
        fallback = f"Beitrag vom {_german_day(when)}" if when else "Beitrag ohne Titel"
        return title_from_text(body_html)[:255] or fallback

    def _withdraw_if_hidden_now(self, item, record, article):
        """A post made private, trashed or given a password in WordPress since the last
        import is taken back here too, whatever else editors changed: it must not be public."""
        if record.source_hash == _hash(asdict(item)):
            return
        if item.status not in NEVER_PUBLIC and not item.password:
            return
        if articles_unpublish(articles=Article.objects.filter(pk=article.pk), user=self.user):
            article.refresh_from_db()
            self.report.hidden += 1
            self.report.notes.append(
                f"In WordPress nicht mehr öffentlich, darum hier zurückgezogen: {article.title} "
                f"(WordPress-ID {item.post_id})"
            )

    def import_post(self, item: WxrItem) -> None:
        record, deleted = self._find(item, Article)
        if deleted:
            self.report.skipped["hier gelöscht"] += 1
            return
        body = convert_body(item.content)
        when = publication_time(item)
        title = self._title(item, body.html, when)
        lead = plain_text(item.excerpt)
        path = old_path(item.link)
        if record is not None:
            article = record.obj
            self._withdraw_if_hidden_now(item, record, article)
            self._link_new_photos(item, body, article)
            current = _hash(article.title, article.lead, article.body)
            if self._unchanged_or_kept(item, record, current, article.title):
                return
            article.title, article.lead, article.body = title, lead, body.html
            article._history_user = self.user
            article._change_reason = UPDATE_REASON
            article.save()
            article.tags.add(*self._topics(item))
            self._rewrite(record, item, _hash(article.title, article.lead, article.body), path)
            self.report.updated["Artikel"] += 1
            self.say(f"~ Artikel: {article.title} (in WordPress geändert, neu übernommen)")
            self.report.dropped_shortcodes += body.dropped
            return

        if item.status == "auto-draft" and not item.title.strip() and not body.html:
            self.report.skipped["leerer automatischer Entwurf"] += 1
            return
        status, hidden = STATUSES.get(item.status, (Article.Status.DRAFT, None))
        notes = [f"Aus WordPress übernommen (Beitrag {item.post_id}, Status „{item.status}“)."]
        if item.status not in STATUSES:
            hidden = f"unbekannter Status „{item.status}“"
        if item.password:
            status, hidden = Article.Status.DRAFT, "passwortgeschützt"
        if item.status in NEVER_PUBLIC or item.password:
            notes.append(
                f"In WordPress {hidden}: nie öffentlich gewesen; nicht ohne Rücksprache "
                "veröffentlichen."
            )
        if item.status in UNDATED and when is None and item.date:
            notes.append(f"In WordPress zuletzt gespeichert: {item.date} (Ortszeit).")
        author, original = self._author(item.creator)
        if original:
            notes.append(f"In WordPress verfasst von {original}.")

        article = Article(
            title=title,
            lead=lead,
            body=body.html,
            status=status,
            published_at=when,
            author=author or self.user,
            editorial_note="\n".join(notes),
        )
        if status == Article.Status.PUBLISHED and when is None:
            article.published_at = when = timezone.now()
        article.publication_date = timezone.localdate(when) if when else None
        base = german_slugify(unquote(item.post_name)) or german_slugify(title) or "artikel"
        article.slug = article.unique_slug(base)
        article._history_user = self.user
        article._change_reason = CHANGE_REASON
        article.save()
        # One insert for all topics of a new article (taggit's add() asks once per topic).
        content_type = ContentType.objects.get_for_model(Article)
        TaggedItem.objects.bulk_create(
            TaggedItem(content_type=content_type, object_id=article.pk, tag=topic)
            for topic in self._topics(item)
        )
        self._add_photos(article, self._gallery(item, body))
        public_later = status == Article.Status.PUBLISHED and when > timezone.now()
        self.report.created["Artikel"] += 1
        state = (
            "geplant"
            if public_later
            else "veröffentlicht"
            if status == Article.Status.PUBLISHED
            else f"nicht öffentlich: {hidden}"
        )
        self.say(f"+ Artikel: {article.title} ({state})")
        self.report.hidden += status != Article.Status.PUBLISHED
        self.report.scheduled += public_later
        self.report.dropped_shortcodes += body.dropped
        self._remember(
            item,
            article,
            ImportedItem.Kind.POST,
            path=path,
            written=_hash(article.title, article.lead, article.body),
        )

    # Pages → editable pages, hidden until an editor publishes them.

    def import_page(self, item: WxrItem) -> None:
        record, deleted = self._find(item, Page)
        if deleted:
            self.report.skipped["hier gelöscht"] += 1
            return
        body = convert_body(item.content)
        title = self._title(item, body.html, publication_time(item))[:200]
        if record is not None:
            page = record.obj
            if self._unchanged_or_kept(item, record, _hash(page.title, page.body), page.title):
                return
            page.title, page.body = title, body.html
            page._history_user = self.user
            page._change_reason = UPDATE_REASON
            page.save()
            self._rewrite(record, item, _hash(page.title, page.body), old_path(item.link))
            self.report.updated["Seiten"] += 1
            self.say(f"~ Seite: {page.title} (in WordPress geändert, neu übernommen)")
            self.report.dropped_shortcodes += body.dropped
            return
        if item.status in ("auto-draft", "trash") and not body.html:
            self.report.skipped["leerer Entwurf oder Papierkorb"] += 1
            return
        base = german_slugify(unquote(item.post_name), 100) or german_slugify(title, 100)
        page = Page(
            title=title,
            slug=unique_slug(base or "seite", Page.objects.all(), 100),
            body=body.html,
            description=plain_text(item.excerpt)[:300],
            is_published=False,
        )
        page._history_user = self.user
        page._change_reason = CHANGE_REASON
        page.save()
        self.report.created["Seiten"] += 1
        self.say(f"+ Seite: {page.title} (nicht öffentlich)")
        self.report.hidden += 1
        self.report.dropped_shortcodes += body.dropped
        self._remember(
            item,
            page,
            ImportedItem.Kind.PAGE,
            path=old_path(item.link),
            written=_hash(page.title, page.body),
        )


def default_import_user():
    """Return the account imports are made by when none is named: the first superuser."""
    users = get_user_model().objects.filter(is_superuser=True, is_active=True)
    return users.order_by("pk").first()


@transaction.atomic
def wordpress_import(
    *,
    site: WxrSite,
    media_dir: Path | None = None,
    user=None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    stdout: TextIO | None = None,
) -> ImportReport:
    """Import a parsed WordPress export: attachments → photos, posts → articles, pages →
    hidden pages. Items imported before (by GUID) are left alone unless WordPress changed
    them and editors here did not; with dry_run, report and roll everything back. Each
    record made or changed is written to stdout, if given."""
    report = _Importer(
        site=site,
        media_dir=media_dir,
        user=user,
        dry_run=dry_run,
        progress=progress or (lambda done, total: None),
        stdout=stdout,
    ).run()
    if dry_run:
        transaction.set_rollback(True)
    return report
