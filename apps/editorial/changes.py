"""A record's values as JSON, field by field: what a waiting change stores, shows and applies.

Plain fields are stored as Django's JSON encoder writes them (dates as ISO text, foreign keys
as the related record's number), many-to-many fields as sorted lists of numbers, topics as
sorted lists of names. Rich text is compared after sanitising, as it is stored.
"""

import difflib
import json
from types import SimpleNamespace

from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.translation import gettext as _
from taggit.managers import TaggableManager
from taggit.utils import edit_string_for_tags

EMPTY = "–"


def _encode(value):
    if isinstance(value, FieldFile):
        value = value.name
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _is_tags(field):
    return isinstance(field, TaggableManager)


def _is_related_list(field):
    return field.many_to_many and not _is_tags(field)


def is_related_list(field):
    """Whether field links other records by number (not topics by name)."""
    return _is_related_list(field)


def _sanitized(field, value):
    sanitize = getattr(field, "sanitize", None)
    return sanitize(value) if callable(sanitize) and isinstance(value, str) else value


def model_field(model, name):
    """Return the model's field called name, or None (form-only fields, removed fields)."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if getattr(field, "editable", False) and not field.auto_created else None


def form_fields(form, exclude=()):
    """Return the model fields a bound, valid form edits, minus those in exclude."""
    model = type(form.instance)
    fields = (model_field(model, name) for name in form.cleaned_data if name not in exclude)
    return [field for field in fields if field is not None]


def live_value(obj, field):
    """Return a field's stored value as JSON."""
    if _is_tags(field):
        return sorted(tag.name for tag in getattr(obj, field.name).all())
    if _is_related_list(field):
        return sorted(getattr(obj, field.name).values_list("pk", flat=True))
    return _encode(_sanitized(field, field.value_from_object(obj)))


def form_value(form, field):
    """Return the value a valid form gives a field, as JSON; comparable with live_value()."""
    if _is_tags(field):
        return sorted(form.cleaned_data[field.name])
    if _is_related_list(field):
        return sorted(related.pk for related in form.cleaned_data[field.name])
    # The form has copied its cleaned values onto its instance (ModelForm._post_clean).
    return _encode(_sanitized(field, field.value_from_object(form.instance)))


def form_initial(field, value):
    """Return value as a form's initial data for the field."""
    if _is_tags(field):
        return edit_string_for_tags([SimpleNamespace(name=name) for name in value])
    if field.is_relation or isinstance(field, models.FileField):
        return value
    return field.to_python(value)


def apply_value(obj, field, value):
    """Set a plain field on obj (before save)."""
    setattr(obj, field.attname, field.to_python(value))


def apply_related(obj, field, value):
    """Set a many-to-many field or the topics of a saved obj."""
    getattr(obj, field.name).set(value)


def is_related(field):
    return field.many_to_many


def label(field):
    name = str(field.verbose_name)
    return name[:1].upper() + name[1:]


def display(field, value):
    """Return value as a reader sees it: names instead of numbers, German dates, "ja"/"nein"."""
    if value in (None, "", []):
        return EMPTY
    if _is_tags(field):
        return ", ".join(value)
    if _is_related_list(field):
        related = field.related_model._default_manager.filter(pk__in=value)
        return ", ".join(sorted(str(item) for item in related)) or EMPTY
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else _("(gelöscht)")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("ja") if value else _("nein")
    python = field.to_python(value)
    if isinstance(field, models.DateTimeField):
        return formats.date_format(timezone.localtime(python), "DATETIME_FORMAT")
    if isinstance(field, models.DateField):
        return formats.date_format(python, "DATE_FORMAT")
    if isinstance(field, models.TimeField):
        return formats.time_format(python, "TIME_FORMAT")
    return strip_tags(str(python)) if getattr(field, "sanitize", None) else str(python)


def word_diff(old, new):
    """Return (old, new) as HTML, the removed words in <del> and the added ones in <ins>."""
    old_words, new_words = old.split(), new.split()
    before, after = [], []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = " ".join(old_words[i1:i2]), " ".join(new_words[j1:j2])
        if tag == "equal":
            before.append(format_html("{}", removed))
            after.append(format_html("{}", added))
            continue
        if removed:
            before.append(format_html("<del>{}</del>", removed))
        if added:
            after.append(format_html("<ins>{}</ins>", added))
    return _joined(before), _joined(after)


def _joined(parts):
    return format_html_join(" ", "{}", ((part,) for part in parts))


def diff_rows(model, changes, base):
    """Return (label, before, after) per changed field, as HTML with the changed words marked."""
    rows = []
    for name, value in changes.items():
        field = model_field(model, name)
        if field is None:
            continue
        old, new = display(field, base.get(name)), display(field, value)
        if old == new:
            # Only the markup changed (bold, a link): say so instead of showing no difference.
            new = f"{new} ({_('nur die Formatierung geändert')})"
        rows.append((label(field), *word_diff(old, new)))
    return rows
