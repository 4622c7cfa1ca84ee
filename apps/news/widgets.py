"""The topics field as editors expect it: existing topics suggested while typing, new ones
typed freely (Django's own select2, as the admin's autocomplete fields use it)."""

from types import SimpleNamespace

from django import forms
from django.urls import reverse_lazy
from taggit.utils import edit_string_for_tags, parse_tags


class TopicsWidget(forms.SelectMultiple):
    """A multiple select of topic names; posts them back as taggit's comma-separated text."""

    class Media:
        js = [
            "admin/js/vendor/jquery/jquery.min.js",
            "admin/js/vendor/select2/select2.full.min.js",
            "admin/js/vendor/select2/i18n/de.js",
            "admin/js/jquery.init.js",
            "admin/js/topic_select.js",
        ]
        css = {"screen": ["admin/css/vendor/select2/select2.min.css", "admin/css/autocomplete.css"]}

    def __init__(self, attrs=None):
        attrs = {
            "class": "topic-select",
            "data-url": reverse_lazy("admin:news_topic_suggestions"),
            "data-placeholder": "Thema suchen oder neu eingeben",
            "lang": "de",
            **(attrs or {}),
        }
        super().__init__(attrs)

    @staticmethod
    def names(value):
        """Return topic names from what a form holds: text, names, or Topic objects."""
        if not value:
            return []
        if isinstance(value, str):
            return parse_tags(value)
        return [item if isinstance(item, str) else item.name for item in value]

    def optgroups(self, name, value, attrs=None):
        # Only the chosen topics are options; the suggestions come from the server.
        self.choices = [(topic, topic) for topic in value]
        return super().optgroups(name, value, attrs)

    def format_value(self, value):
        return self.names(value)

    def value_from_datadict(self, data, files, name):
        chosen = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        if isinstance(chosen, str):
            chosen = [chosen]
        names = []
        for entry in chosen:
            # An entry with commas or quotes is taggit's text (posted by a script or an old
            # form); an option of the select is one topic, spaces and all.
            names += parse_tags(entry) if {",", '"'} & set(entry) else [entry.strip()]
        return edit_string_for_tags([SimpleNamespace(name=name) for name in names if name])
