"""Every admin page an editor reads is German: no English interface word on the list, add,
change and history pages, nor on a revision's page, of any registered model."""

import re
from html.parser import HTMLParser

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from apps.editorial.models import ChangeRequest
from apps.news.models import Article
from apps.pages.models import Page
from tests.editorial.test_admin_access import REGISTERED, admin_pages
from tests.factories import (
    ArticleFactory,
    InstitutionFactory,
    MeetingFactory,
    PersonFactory,
    PhotoFactory,
    ProgrammeFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# English interface words, matched as whole words and case-sensitively, so that the German
# "Filter", "Status", "Text" or "Name" and a person called "Mark" do not trip it.
ENGLISH_WORDS = set(
    """
    None True False Yes No yes no CHANGES Changes Changed changed Change change History history
    Save save Delete delete Add add Revert revert Close close bold italic underline undo redo
    Paragraph paragraph Heading heading draft published review Draft Published Review Search
    search Show all Date time Comment Object Reason reason Created Updated Deleted entry
    entries View view Home Edit edit Insert Update Cancel unordered ordered list link
    superscript subscript blockquote strike horizontal rule Choose choose Select select Remove
    remove Clear clear Today Now Yesterday Tomorrow Logout Welcome Documentation password
    Password username Username Toggle fullscreen Title Open new window Prettify
    """.split()  # noqa: SIM905 (a word list reads best as words)
)
# Django 5.2 ships these auth strings without German; only a project translation
# (LOCALE_PATHS) could change them.
UNTRANSLATED_BY_DJANGO = (
    "After you’ve created a user, you’ll be able to edit more user options.",
    "Raw passwords are not stored, so there is no way to see the user’s password.",
    "Reset password",
    "Password-based authentication",
    "Whether the user will be able to authenticate using a password or not.",
    "If disabled, they may still be able to authenticate using other backends, such as "
    "Single Sign-On or LDAP.",
)
# Django writes these icons' alt text in English ("True", "Search") outside its translations;
# static/admin/js/editor_german.js renames them, tests/browser/test_german_admin.py checks it.
ICONS_RENAMED_IN_BROWSER = ("icon-yes.svg", "icon-no.svg", "icon-unknown.svg", "search.svg")
CHECKED_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


class VisibleText(HTMLParser):
    """Collect what a reader sees or hears: text and labelling attributes outside scripts,
    styles, form values and rows the admin hides (a hidden field's label)."""

    HIDDEN_TAGS = {"script", "style", "textarea", "template"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.open = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = (
            tag in self.HIDDEN_TAGS
            or "hidden" in attrs
            or "hidden" in (attrs.get("class") or "").split()
        )
        if tag not in self.VOID:
            self.open.append((tag, hidden))
        if hidden or any(h for _t, h in self.open):
            return
        if tag == "img" and (attrs.get("src") or "").endswith(ICONS_RENAMED_IN_BROWSER):
            attrs.pop("alt", None)
        self.parts.extend(value for name, value in attrs.items() if name in CHECKED_ATTRIBUTES)
        if tag == "input" and attrs.get("type") in ("submit", "button", "reset"):
            self.parts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                del self.open[i:]
                break

    def handle_data(self, data):
        if not any(h for _t, h in self.open):
            self.parts.append(data)


def english_words(html):
    parser = VisibleText()
    parser.feed(html)
    text = "\n".join(part or "" for part in parser.parts)
    for phrase in UNTRANSLATED_BY_DJANGO:
        text = text.replace(phrase, "")
    return sorted(set(WORD.findall(text)) & ENGLISH_WORDS)


@pytest.fixture
def records(editor, publisher):
    """A record of every registered model, with a history that changes choices and flags."""
    article = ArticleFactory(tags=["Schule"], status=Article.Status.DRAFT)
    article.status = Article.Status.PUBLISHED
    article.save()
    ChangeRequest.objects.create(
        content_type=ContentType.objects.get_for_model(article),
        object_id=article.pk,
        object_repr=str(article),
        changes={"title": "Vorschlag"},
        base={"title": article.title},
        author=editor,
    )
    page = Page.objects.order_by("pk").first()
    page.save()
    page.in_footer = not page.in_footer
    page.save()
    RoleFactory(person=PersonFactory(), institution=InstitutionFactory(), municipality=None)
    MeetingFactory()
    ProgrammeFactory()
    PhotoFactory()
    UserFactory(username="jemand")
    now = timezone.now()
    attempt = {"username": "jemand", "ip_address": "192.0.2.1", "user_agent": "Firefox"}
    AccessAttempt.objects.create(**attempt, failures_since_start=2, attempt_time=now)
    AccessLog.objects.create(**attempt, attempt_time=now, logout_time=now)
    AccessFailureLog.objects.create(**attempt, attempt_time=now, locked_out=False)


def walk(client):
    for key in REGISTERED:
        for page, url in admin_pages(*key):
            if page == "delete":
                continue
            response = client.get(url)
            if response.status_code == 200:
                yield key, page, url, response.content.decode()


@pytest.mark.slow(6)
@pytest.mark.parametrize("who", ["superuser", "Freigabe"])
def test_admin_pages_of_every_model_show_no_english_words(client, records, who, publisher):
    user = publisher if who == "Freigabe" else UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    pages = list(walk(client))
    walked = {page for _key, page, _url, _html in pages}
    assert walked == {"changelist", "add", "change", "history", "simple_history"}
    found = {url: words for _key, _page, url, html in pages if (words := english_words(html))}
    assert found == {}


def test_history_shows_german_choice_labels_flags_and_no_none(client, records):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    article = Article.objects.get()
    html = client.get(f"/admin/news/article/{article.pk}/history/").content.decode()
    assert "Entwurf → Veröffentlicht" in re.sub(r"\s+", " ", html.replace("&nbsp;", " "))
    assert "draft" not in english_words(html) and "None" not in english_words(html)
    page = Page.objects.order_by("pk").first()
    html = client.get(f"/admin/pages/page/{page.pk}/history/").content.decode()
    assert re.search(r"(ja|nein)\s*(&nbsp;|\s)*→(&nbsp;|\s)*(ja|nein)", html)


def test_word_check_finds_english_in_visible_text_and_attributes_only():
    html = (
        '<p>Speichern</p><button title="bold" aria-label="bold"></button><option>Show all'
        '</option><script>var None = "History";</script><style>.Save{}</style>'
        "<textarea>Yes</textarea>"
    )
    assert english_words(html) == ["Show", "all", "bold"]
