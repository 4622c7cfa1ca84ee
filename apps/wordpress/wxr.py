"""Read a WordPress export file (WXR: RSS 2.0 with WordPress' own elements).

WXR files come from other people's servers, so they are parsed with defusedxml: no document
type declarations, entity expansion or external references (billion laughs, XXE).
"""

import datetime
import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import parse as parse_xml
from django.utils import timezone

# Every WXR version (1.0 to 1.2) names its elements under these prefixes.
WP_NAMESPACE = "http://wordpress.org/export/"
NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}
# What WordPress writes for a date that was never chosen (a draft's publication time).
ZERO_DATE = "0000-00-00 00:00:00"
# ImportedItem.key's length.
KEY_LENGTH = 500
# A draft's date in WordPress is its last save, not a chosen publication time.
UNDATED = {"draft", "auto-draft", "pending"}
# Sizes WordPress made of an upload ("foto-300x200.jpg") are the same photo as "foto.jpg".
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")


class WxrError(Exception):
    """The file is not a readable WordPress export; the message is German, for the user."""


@dataclass
class WxrAuthor:
    login: str
    email: str = ""
    display_name: str = ""


@dataclass
class WxrTerm:
    """A category or tag of an item."""

    domain: str  # "category", "post_tag", or a plugin's taxonomy
    slug: str
    name: str


@dataclass
class WxrItem:
    post_id: int
    post_type: str
    guid: str = ""
    title: str = ""
    link: str = ""
    content: str = ""
    excerpt: str = ""
    status: str = ""
    password: str = ""
    date: str = ""
    date_gmt: str = ""
    creator: str = ""
    post_name: str = ""
    parent: int = 0
    attachment_url: str = ""
    terms: list[WxrTerm] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The item's import key: its GUID (hashed if longer than the key column), or its
        post id where the export has none."""
        if len(self.guid) > KEY_LENGTH:
            return "sha256:" + hashlib.sha256(self.guid.encode()).hexdigest()
        return self.guid or f"post-id:{self.post_id}"


@dataclass
class WxrSite:
    title: str
    link: str
    version: str
    authors: dict[str, WxrAuthor]
    items: list[WxrItem]


def _name(tag: str) -> str:
    """Return "wp:post_id", "content:encoded", "dc:creator", "excerpt:encoded" or "title"."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    if uri.startswith(WP_NAMESPACE):
        return f"{'excerpt' if 'excerpt' in uri else 'wp'}:{local}"
    return f"{NAMESPACES.get(uri, uri)}:{local}"


def _children(element) -> dict[str, str]:
    """Return the text of an element's simple children by name (the first of each)."""
    values = {}
    for child in element:
        values.setdefault(_name(child.tag), (child.text or "").strip())
    return values


def _int(value: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _item(element) -> WxrItem:
    values = _children(element)
    item = WxrItem(
        post_id=_int(values.get("wp:post_id")),
        post_type=values.get("wp:post_type", "post"),
        guid=values.get("guid", ""),
        title=html.unescape(values.get("title", "")),
        link=values.get("link", ""),
        excerpt=values.get("excerpt:encoded", ""),
        status=values.get("wp:status", ""),
        password=values.get("wp:post_password", ""),
        date=values.get("wp:post_date", ""),
        date_gmt=values.get("wp:post_date_gmt", ""),
        creator=values.get("dc:creator", ""),
        post_name=values.get("wp:post_name", ""),
        parent=_int(values.get("wp:post_parent")),
        attachment_url=values.get("wp:attachment_url", ""),
    )
    for child in element:
        name = _name(child.tag)
        if name == "content:encoded":
            # Not stripped: classic posts mark paragraphs with blank lines.
            item.content = child.text or ""
        elif name == "category":
            item.terms.append(
                WxrTerm(
                    domain=child.get("domain", "category"),
                    slug=child.get("nicename", ""),
                    name=html.unescape((child.text or "").strip()),
                )
            )
        elif name == "wp:postmeta":
            meta = _children(child)
            item.meta.setdefault(meta.get("wp:meta_key", ""), meta.get("wp:meta_value", ""))
    return item


def _author(element) -> WxrAuthor:
    values = _children(element)
    return WxrAuthor(
        login=values.get("wp:author_login", ""),
        email=values.get("wp:author_email", ""),
        display_name=html.unescape(values.get("wp:author_display_name", "")),
    )


def read_wxr(path: Path | str) -> WxrSite:
    """Parse a WXR file; raise WxrError with a German message for anything else."""
    path = Path(path)
    try:
        with path.open("rb") as file:
            root = parse_xml(file, forbid_dtd=True).getroot()
    except FileNotFoundError as error:
        raise WxrError(f"Die Datei „{path}“ gibt es nicht.") from error
    except IsADirectoryError as error:
        raise WxrError(f"„{path}“ ist ein Ordner, keine WordPress-Exportdatei.") from error
    except OSError as error:
        raise WxrError(f"Die Datei „{path}“ lässt sich nicht lesen: {error.strerror}.") from error
    except DefusedXmlException as error:
        raise WxrError(
            f"„{path.name}“ enthält XML-Konstrukte (DTD oder Entitäten), die eine "
            "WordPress-Exportdatei nie enthält; aus Sicherheitsgründen wird sie nicht gelesen."
        ) from error
    except (ParseError, ValueError, UnicodeError) as error:
        line, column = getattr(error, "position", (0, 0))
        where = f" (Fehler in Zeile {line}, Spalte {column})" if line else ""
        raise WxrError(
            f"„{path.name}“ ist keine lesbare XML-Datei{where}. Bitte in WordPress unter "
            "Werkzeuge › Daten exportieren eine neue Exportdatei erzeugen."
        ) from error

    channel = root.find("channel") if root.tag == "rss" else None
    version = None
    if channel is not None:
        version = next(
            (child.text for child in channel if _name(child.tag) == "wp:wxr_version"), None
        )
    if channel is None or not version:
        raise WxrError(
            f"„{path.name}“ ist keine WordPress-Exportdatei (WXR): es fehlt die Angabe "
            "wp:wxr_version. Bitte die Datei aus WordPress unter Werkzeuge › Daten exportieren "
            "verwenden."
        )
    values = _children(channel)
    authors = {}
    items = []
    for child in channel:
        name = _name(child.tag)
        if name == "wp:author":
            author = _author(child)
            authors[author.login] = author
        elif name == "item":
            items.append(_item(child))
    return WxrSite(
        title=html.unescape(values.get("title", "")),
        link=values.get("link", ""),
        version=version.strip(),
        authors=authors,
        items=items,
    )


# What the fields of an item mean.


def upload_paths(item: WxrItem) -> list[str]:
    """Return where an attachment's file may lie inside the uploads folder, best first."""
    path = unquote(urlsplit(item.attachment_url or item.guid).path)
    candidates = []
    if "/wp-content/uploads/" in path:
        candidates.append(path.split("/wp-content/uploads/", 1)[1])
    month = re.search(r"(\d{4}/\d{2}/[^/]+)$", path)
    if month:  # WordPress.com keeps its files on another host, by year and month
        candidates.append(month[1])
    if item.meta.get("_wp_attached_file"):
        candidates.append(item.meta["_wp_attached_file"])
    return list(dict.fromkeys(candidates))


def upload_key(url: str) -> str:
    """Return an image address reduced to what identifies the upload."""
    path = unquote(urlsplit(url).path)
    if "/wp-content/uploads/" in path:
        path = path.split("/wp-content/uploads/", 1)[1]
    return SIZE_SUFFIX.sub("", path).lower()


def parse_date(value: str, zone) -> datetime.datetime | None:
    """Return a WXR date ("2017-03-03 12:00:00") in the zone; None for a zero or odd one."""
    if not value or value.startswith(ZERO_DATE[:4]):
        return None
    try:
        return datetime.datetime.strptime(value[:19], "%Y-%m-%d %H:%M:%S").replace(tzinfo=zone)
    except ValueError:
        return None


def publication_time(item: WxrItem) -> datetime.datetime | None:
    """Return when the post was published: post_date_gmt, else post_date in the site's time
    zone; None for a draft whose date WordPress left unchosen (post_date_gmt zero)."""
    when = parse_date(item.date_gmt, datetime.UTC)
    if when is None and item.status not in UNDATED:
        when = parse_date(item.date, timezone.get_default_timezone())
    return when
