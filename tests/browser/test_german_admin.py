"""The admin in Chromium at a 1280 px laptop: a German rich-text toolbar, German spellcheck in
the text, and every form and the long lists without sideways scrolling."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    InstitutionFactory,
    MeetingFactory,
    PersonFactory,
    PhotoFactory,
    ProgrammeFactory,
    RoleFactory,
    StaffUserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1280, "height": 800}
ENGLISH_TOOLBAR = {"bold", "italic", "underline", "undo", "redo", "unordered list", "insert link"}


def log_in(page, live_server):
    StaffUserFactory(username="presse", password="Presse-Ahlen-2026", is_superuser=True)
    page.set_viewport_size(LAPTOP)
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "presse")
    page.fill("#id_password", "Presse-Ahlen-2026")
    page.click("input[type=submit]")


def page_width(page, url):
    page.goto(url)
    page.wait_for_load_state("load")
    return page.evaluate("document.scrollingElement.scrollWidth")


@pytest.mark.slow(4)
def test_rich_text_toolbar_speaks_german_and_text_is_spellchecked_in_german(live_server, page):
    log_in(page, live_server)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/admin/news/article/add/")
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.wait_for()

    buttons = page.locator(".prose-menubar__button")
    labels = {
        text
        for i in range(buttons.count())
        for text in (
            buttons.nth(i).get_attribute("title"),
            buttons.nth(i).get_attribute("aria-label"),
        )
        if text
    }
    assert {"Fett", "Kursiv", "Aufzählung", "Link einfügen", "Rückgängig"} <= labels
    assert not labels & ENGLISH_TOOLBAR
    assert not any(label.lower().startswith("heading") for label in labels)
    blocks = page.locator(".prose-menubar__option, .prose-menubar__selected").all_text_contents()
    assert "Absatz" in blocks and "Überschrift 2" in blocks
    assert not {"Paragraph", "Heading 2"} & {text.strip() for text in blocks}
    # The block menu's arrow needs no glyph ("⏷" is missing from many fonts: a box showed).
    arrow = "e => getComputedStyle(e, '::after').content"
    assert page.locator(".prose-menubar__selected").first.evaluate(arrow) in ('""', "none")

    # The link dialog, whose texts the editor sends through gettext.
    editor.click()
    page.keyboard.type("Kinderstark")
    page.keyboard.press("Control+A")
    page.locator(".prose-menubar__button[title='Link einfügen']").click()
    dialog = page.locator("dialog[open]")
    dialog.wait_for()
    assert dialog.locator("h3").inner_text() == "Link bearbeiten"
    assert {"Adresse (URL)", "Titel"} <= set(dialog.locator("label").all_inner_texts())
    assert set(dialog.locator("button").all_inner_texts()) == {"Übernehmen", "Abbrechen"}
    dialog.locator("button", has_text="Abbrechen").click()

    assert editor.get_attribute("spellcheck") == "true"
    assert editor.get_attribute("lang") == "de"
    assert editor.evaluate("e => e.getBoundingClientRect().height") >= 200
    assert page.locator("#id_title").evaluate("e => e.getBoundingClientRect().width") >= 600
    label = page.locator("label", has_text="Veröffentlichungszeitpunkt")
    # One line: the word is neither broken nor wider than its column.
    lines = (
        "e => { const r = document.createRange(); r.selectNodeContents(e);"
        " return r.getClientRects().length; }"
    )
    assert label.evaluate(lines) == 1
    assert label.evaluate("e => e.scrollWidth <= e.clientWidth")
    assert errors == []


@pytest.mark.slow(25)
def test_every_admin_form_and_the_long_lists_fit_a_1280_px_laptop(live_server, page):
    # The seed's long names and compounds: a select box or a word must not widen the page.
    article = ArticleFactory(
        title="18. Lernnetzwerktreffen: Das Bundespräventionsgesetz als Chance",
        tags=["Schule", "Elternarbeit", "Übergang Kita–Grundschule", "Frühjahrsakademie"],
    )
    person = PersonFactory()
    RoleFactory(
        person=person,
        institution=InstitutionFactory(
            name="Ministerium für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration"
        ),
        municipality=None,
        title="Ministerin für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration",
    )
    for _ in range(2):
        RoleFactory(person=person, institution=InstitutionFactory(), municipality=None)
    MeetingFactory(title="Frühjahrsakademie: Präventionsketten-Koordinierungsstellenaustausch")
    ProgrammeFactory()
    PhotoFactory()
    assert article.pk
    log_in(page, live_server)

    urls = [reverse("admin:news_article_changelist"), reverse("admin:network_person_changelist")]
    for model in admin.site._registry:
        app_label, model_name = model._meta.app_label, model._meta.model_name
        urls.append(reverse(f"admin:{app_label}_{model_name}_add"))
        record = model._default_manager.order_by("pk").first()
        if record is not None:
            urls.append(reverse(f"admin:{app_label}_{model_name}_change", args=[record.pk]))
    widths = {url: page_width(page, f"{live_server.url}{url}") for url in urls}
    assert {url: width for url, width in widths.items() if width > LAPTOP["width"]} == {}

    # The lists do not scroll sideways inside their box either: every column is in sight.
    results = page.locator("#changelist-form .results")
    for changelist in (
        "admin:network_person_changelist",
        "admin:network_role_changelist",
        "admin:network_meeting_changelist",
        "admin:news_article_changelist",
    ):
        page.goto(f"{live_server.url}{reverse(changelist)}")
        assert results.evaluate("e => e.scrollWidth <= e.clientWidth"), changelist
    right = results.evaluate("e => e.getBoundingClientRect().right")
    for column in ("Autor", "Themen"):
        header = page.locator("#result_list thead th", has_text=column).first
        box = header.bounding_box()
        assert box["x"] + box["width"] <= right, (column, box, right)

    # Django's own icons are German too: the boolean columns and the search field.
    page.goto(f"{live_server.url}{reverse('admin:auth_user_changelist')}")
    alts = set(page.locator("img[alt]").evaluate_all("images => images.map(i => i.alt)"))
    assert alts and not alts & {"True", "False", "None", "Search"}, alts
