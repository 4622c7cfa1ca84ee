"""Text helpers: German-aware slugs and the rich-text allow-list."""

import re
from collections.abc import Collection

from django.db.models import QuerySet
from django.utils.text import slugify
from django_prose_editor.fields import create_sanitizer

# Control characters that neither XML 1.0 nor iCalendar text may hold (tab and newline may
# stay). Word pastes a vertical tab for a line break; one would take a whole feed down.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)")

GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)

# What editors may format; the admin editor and the server-side sanitiser share it.
RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "History": True,
    # The editor turns the browser's spellcheck off unless told not to; editors want it.
    "NoSpellCheck": False,
}

_allow_listed = create_sanitizer(RICH_TEXT_EXTENSIONS)
HEADING = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)
FIRST_LEVEL, LAST_LEVEL = 2, 4


def plain_number(text: str, *, max_digits: int = 18) -> int | None:
    """The number that ASCII digits write, or None: "²²²²" and "①" pass str.isdigit() but
    not int(), and a number of more than max_digits digits is no id, page or year here."""
    if text and len(text) <= max_digits and text.isascii() and text.isdigit():
        return int(text)
    return None


def plain_year(text: str) -> int | None:
    """A year as a query parameter gives it ("2017"), or None (also for "0000")."""
    year = plain_number(text, max_digits=4)
    return year if year and len(text) == 4 else None


def normalise_headings(html: str) -> str:
    """Renumber headings so that the first is an h2 (the page's title is its h1) and none
    skips a level: h3, h4, h2 becomes h2, h3, h2 (WCAG 1.3.1, the HTML outline)."""
    previous = None  # (level as written, level given) of the last heading
    opened = []  # levels given to headings not closed yet

    def renumber(match):
        nonlocal previous
        closing, level = match.group(1), int(match.group(2))
        if closing:
            return f"</h{opened.pop() if opened else level}"
        if previous is None:
            new = FIRST_LEVEL
        else:
            # One deeper at most; back up as far as the text backs up.
            new = previous[1] + 1 if level > previous[0] else previous[1] - (previous[0] - level)
        new = max(FIRST_LEVEL, min(LAST_LEVEL, new))
        previous = (level, new)
        opened.append(new)
        return f"<h{new}"

    return HEADING.sub(renumber, html)


def sanitize_rich_text(html: str) -> str:
    """Keep only what the editor offers (nh3's allow-list), headings in outline order."""
    return normalise_headings(_allow_listed(html))


def without_control_characters(text: str) -> str:
    """Return text with the control characters feeds cannot carry replaced by spaces."""
    return _CONTROL_CHARACTERS.sub(" ", text)


def german_slugify(value: str, max_length: int = 200) -> str:
    """Return an ASCII slug that spells umlauts the German way ("Übergänge" → "uebergaenge")."""
    slug = slugify(str(value).translate(GERMAN_TRANSLITERATION))
    return slug[:max_length].strip("-")


def unique_slug(base: str, taken: Collection[str] | QuerySet, max_length: int) -> str:
    """Return base, or base numbered "-2", "-3" …, cut to fit max_length, that is not taken.

    taken is a collection of slugs, or a queryset of the rows to avoid, read by "slug".
    """
    prefix, in_use, n = None, (), 1
    while True:
        suffix = f"-{n}" if n > 1 else ""
        # Cut the base, never the number, and leave no hyphen dangling before the number.
        stem = base[: max_length - len(suffix)].rstrip("-")
        if prefix is None or not stem.startswith(prefix):
            # All candidates up to the next power of ten start with this: one query for them.
            prefix = base[: max_length - len(f"-{max(n, 2)}")].rstrip("-")
            in_use = _slugs_starting_with(taken, prefix)
        if stem + suffix not in in_use:
            return stem + suffix
        n += 1


def _slugs_starting_with(taken, prefix):
    if isinstance(taken, QuerySet):
        return set(taken.filter(slug__startswith=prefix).values_list("slug", flat=True))
    return taken
