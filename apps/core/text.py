"""Text helpers: German-aware slugs and the rich-text allow-list."""

from django.utils.text import slugify
from django_prose_editor.fields import create_sanitizer

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
}

sanitize_rich_text = create_sanitizer(RICH_TEXT_EXTENSIONS)


def german_slugify(value: str, max_length: int = 200) -> str:
    """Return an ASCII slug that spells umlauts the German way ("Übergänge" → "uebergaenge")."""
    slug = slugify(str(value).translate(GERMAN_TRANSLITERATION))
    return slug[:max_length].strip("-")
