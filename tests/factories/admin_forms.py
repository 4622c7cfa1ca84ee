"""What the admin's forms post, for tests that save through the admin."""

from html.parser import HTMLParser


def article_admin_form(article=None, **fields):
    """Return the article admin's POST data: a new draft, or `article` as it is; `fields`
    change single values (Django's field names, e.g. "published_at_1" for the time)."""
    when = article.local_published_at if article else None
    data = {
        "title": article.title if article else "Präventionswoche in Ahlen",
        "slug": article.slug if article else "",
        "lead": article.lead if article else "Vorspann",
        "body": article.body if article else "<p>Text</p>",
        "tags": "",
        "status": article.status if article else "draft",
        "published_at_0": when.strftime("%d.%m.%Y") if when else "",
        "published_at_1": when.strftime("%H:%M:%S") if when else "",
        "author": "",
        "article_photos-TOTAL_FORMS": "0",
        "article_photos-INITIAL_FORMS": "0",
    }
    data.update(fields)
    return data


class _FormFields(HTMLParser):
    """Collect what a browser would post from the page's main form (#…_form, or the
    list's #changelist-form)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data, self._in_form, self._select, self._textarea = [], False, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id", "").endswith(("_form", "changelist-form")):
            self._in_form = True
        if not self._in_form or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self.data.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.data.append(tuple(self._textarea))
            self._textarea = None


def scraped_form(html, **changes):
    """Return the POST data of the admin page's form as a browser would send it, with
    `changes` replacing single fields; a dict of lists, ready for the test client."""
    parser = _FormFields()
    parser.feed(html)
    data = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    data.update(
        {name: value if isinstance(value, list) else [value] for name, value in changes.items()}
    )
    return data
