"""An editor's week in Chromium: on Monday a Redaktion member drafts an article with two photos
dragged into the library and a topic chosen from the suggestions, and submits it; on Thursday
Freigabe publishes it, and it is dated Thursday, first on /aktuelles/ and in the calendar; a
restart (what `make run` does before serving) changes nothing of it."""

import datetime
import io
import zoneinfo

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from playwright.sync_api import expect

from apps.devtools.management.commands import ensure_demo_user
from apps.editorial.roles import EDITORS, PUBLISHERS
from apps.news.models import Article
from tests.factories import ArticleFactory, UserFactory
from tests.factories.media import image_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
MONDAY = datetime.datetime(2026, 11, 30, 9, 0, tzinfo=BERLIN)
THURSDAY = datetime.datetime(2026, 12, 3, 15, 30, tzinfo=BERLIN)
PASSWORD = "Woche-in-Ahlen-2026"
TITLE = "Elterncafé im Familienzentrum öffnet"


def log_in(browser, live_server, username, group):
    user = UserFactory(username=username, is_staff=True, password=PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()
    return page


def upload_two_photos(page, live_server):
    page.goto(f"{live_server.url}/admin/media/photo/hochladen/")
    page.evaluate(
        """([first, second]) => {
            const files = new DataTransfer();
            const jpeg = {type: "image/jpeg"};
            files.items.add(new File([new Uint8Array(first)], "sommerfest.jpg", jpeg));
            files.items.add(new File([new Uint8Array(second)], "cafe.jpg", jpeg));
            document.querySelector("[data-photo-dropzone]")
                .dispatchEvent(new DragEvent("drop", {dataTransfer: files, bubbles: true}));
        }""",
        [list(image_bytes((900, 600))), list(image_bytes((900, 600), color=(20, 90, 160)))],
    )
    items = page.locator(".photo-upload-item")
    expect(page.locator(".photo-upload-item.is-done")).to_have_count(2)
    for index, text in enumerate(["Kinder beim Sommerfest", "Eltern im Elterncafé"]):
        item = items.nth(index)
        item.get_by_label("Alternativtext (Pflicht)").fill(text)
        item.get_by_role("button", name="Alternativtext speichern").click()
        expect(item.locator(".photo-upload-alt-status")).to_have_text("Alternativtext gespeichert.")


def choose_photo(page, row, search):
    row.get_by_role("button", name="Foto aus der Bibliothek wählen").click()
    dialog = page.get_by_role("dialog", name="Foto auswählen")
    dialog.get_by_label("Fotos durchsuchen").fill(search)
    dialog.get_by_role("button", name="Suchen").click()
    expect(dialog.locator("[data-photo-choice]")).to_have_count(1)
    dialog.locator("[data-photo-choice]").click()
    expect(dialog).to_be_hidden()


def restart_as_make_run_does(tmp_path, monkeypatch, settings):
    """make run's steps before serving: migrate, seed only an empty database, demo logins."""
    settings.DEBUG = True
    monkeypatch.setattr(ensure_demo_user, "PASSWORD_FILE", tmp_path / ".demo-password")
    for command in (
        ["migrate", "--noinput"],
        ["load_seed_data", "--if-empty"],
        ["ensure_demo_user"],
    ):
        call_command(*command, stdout=io.StringIO())
    settings.DEBUG = False


def snapshot(article):
    article.refresh_from_db()
    return (
        article.title,
        article.status,
        article.published_at,
        sorted(article.tags.names()),
        list(article.article_photos.values_list("photo__alt_text", flat=True)),
    )


@pytest.mark.slow(14)
def test_editors_week_from_draft_to_thursdays_front_page(
    live_server, browser, time_machine, tmp_path, monkeypatch, settings
):
    time_machine.move_to(MONDAY, tick=True)
    ArticleFactory(title="Vorige Woche: Fachtag", published_at=MONDAY - datetime.timedelta(days=3))
    ArticleFactory(tags=["Familienzentrum"], published_at=MONDAY - datetime.timedelta(days=20))
    errors = []

    # Monday: Redaktion.
    editor = log_in(browser, live_server, "redakteur", EDITORS)
    editor.on("pageerror", lambda error: errors.append(str(error)))
    upload_two_photos(editor, live_server)
    editor.goto(f"{live_server.url}/admin/news/article/add/")
    editor.fill("#id_title", TITLE)
    editor.fill("#id_lead", "Jeden Dienstag treffen sich Eltern im Familienzentrum.")
    editor.locator(".ProseMirror[contenteditable=true]").click()
    editor.keyboard.type("Das Elterncafé ist offen für alle Familien.")
    editor.click("#id_tags + .select2 .select2-selection")
    editor.keyboard.type("famil")
    editor.locator(".select2-results__option", has_text="Familienzentrum").click()
    choose_photo(editor, editor.locator("#article_photos-0"), "Sommerfest")
    editor.locator(".add-row a").click()
    choose_photo(editor, editor.locator("#article_photos-1"), "Elterncafé")
    editor.click("input[name=_submit_review]")
    expect(editor.locator(".messagelist")).to_contain_text("erfolgreich hinzugefügt")

    article = Article.objects.get(title=TITLE)
    assert article.status == Article.Status.REVIEW and article.published_at is None
    assert sorted(article.tags.names()) == ["Familienzentrum"]  # not a second "familienzentrum"
    assert article.article_photos.count() == 2

    # Thursday: Freigabe.
    time_machine.move_to(THURSDAY, tick=True)
    publisher = log_in(browser, live_server, "freigeber", PUBLISHERS)
    publisher.on("pageerror", lambda error: errors.append(str(error)))
    publisher.goto(f"{live_server.url}/admin/news/article/?sichtbarkeit=freigabe")
    publisher.get_by_role("link", name=TITLE).click()
    publisher.click("input[name=_publish]")
    expect(publisher.locator(".messagelist")).to_contain_text("erfolgreich geändert")

    article.refresh_from_db()
    assert article.is_published
    assert article.local_published_at.date() == THURSDAY.date()

    visitor = browser.new_page()
    visitor.goto(f"{live_server.url}/aktuelles/")
    expect(visitor.locator(".teaser-title").first).to_have_text(TITLE)
    calendar = visitor.locator(".calendar")
    expect(calendar.get_by_role("link", name="3. Dezember 2026: 1 Artikel")).to_be_visible()
    assert (
        article.get_absolute_url() == "/aktuelles/2026/12/03/elterncafe-im-familienzentrum-oeffnet/"
    )

    # A restart changes nothing of the week's work.
    before = snapshot(article)
    restart_as_make_run_does(tmp_path, monkeypatch, settings)
    assert snapshot(article) == before
    assert Article.objects.count() == 3
    assert errors == []
