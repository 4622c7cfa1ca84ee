"""A Redaktion member uploads two photos at once, describes them, finds them in the grid and
sets a focal point by clicking the image."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from apps.editorial.roles import EDITORS
from apps.media.models import Photo
from tests.factories import UserFactory
from tests.factories.media import image_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in_as_editor(page, live_server):
    user = UserFactory(username="pressestelle", is_staff=True, password="Presse-Ahlen-2026")
    user.groups.add(Group.objects.get(name=EDITORS))
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "pressestelle")
    page.fill("#id_password", "Presse-Ahlen-2026")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assert_accessible(page, *selectors):
    """No WCAG 2.1 AA violation inside the photo library's own parts of an admin page."""
    results = Axe().run(
        page,
        context={"include": [[selector] for selector in selectors]},
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    assert results.violations_count == 0, results.generate_report()


def console_error(message, errors):
    # The live server has no favicon; every other failed load or script error counts.
    if message.type == "error" and "favicon" not in message.location.get("url", ""):
        errors.append(f"{message.text} ({message.location.get('url')})")


@pytest.mark.slow(8)
def test_editor_uploads_two_photos_and_sets_a_focal_point_by_clicking(
    live_server, page, screenshot_dir
):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: console_error(message, errors))
    log_in_as_editor(page, live_server)

    page.goto(f"{live_server.url}/admin/media/photo/")
    # The upload page's script (deferred) must listen before files are chosen: a change event
    # fired while the page still parses is lost (a CI run under load showed no upload rows).
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.click("text=Mehrere Fotos hochladen")
    page.set_input_files(
        "#id_photo_files",
        [
            {"name": "sommerfest.jpg", "mimeType": "image/jpeg", "buffer": image_bytes((900, 600))},
            {
                "name": "elterncafe.png",
                "mimeType": "image/png",
                "buffer": image_bytes((600, 900), image_format="PNG", color=(20, 90, 160)),
            },
        ],
    )

    items = page.locator(".photo-upload-item")
    expect(items).to_have_count(2)
    expect(page.get_by_label("Fortschritt für sommerfest.jpg")).to_be_attached()
    expect(page.get_by_label("Fortschritt für elterncafe.png")).to_be_attached()
    expect(page.locator(".photo-upload-item.is-done")).to_have_count(2)
    expect(page.locator(".photo-upload-item progress[value='100']")).to_have_count(2)
    assert Photo.objects.count() == 2

    for index, text in enumerate(["Kinder beim Sommerfest", "Eltern im Café"]):
        item = items.nth(index)
        item.get_by_label("Alternativtext (Pflicht)").fill(text)
        item.get_by_role("button", name="Alternativtext speichern").click()
        expect(item.locator(".photo-upload-alt-status")).to_have_text("Alternativtext gespeichert.")
    assert sorted(Photo.objects.values_list("alt_text", flat=True)) == [
        "Eltern im Café",
        "Kinder beim Sommerfest",
    ]

    # A renamed PDF dropped on the zone: the admin form's German refusal, nothing stored.
    page.evaluate(
        """() => {
            const files = new DataTransfer();
            files.items.add(new File(["%PDF-1.4 kein Bild"], "bericht.jpg", {type: "image/jpeg"}));
            const zone = document.querySelector("[data-photo-dropzone]");
            zone.dispatchEvent(new DragEvent("drop", {dataTransfer: files, bubbles: true}));
        }"""
    )
    refused = page.locator(".photo-upload-item.is-error")
    expect(refused).to_contain_text("bericht.jpg")
    expect(refused).to_contain_text("Diese Datei ist kein Foto im Format JPEG, PNG, WebP oder GIF.")
    assert Photo.objects.count() == 2
    page.screenshot(path=screenshot_dir / "admin-photo-upload.png", full_page=True)
    assert_accessible(page, ".photo-upload", ".photo-upload-list")

    page.click("text=Zur Foto-Bibliothek")
    expect(page.locator(".photo-grid .photo-tile")).to_have_count(2)
    expect(page.locator(".photo-grid img")).to_have_count(2)
    page.screenshot(path=screenshot_dir / "admin-photo-grid.png", full_page=True)
    assert_accessible(page, ".photo-grid")
    page.fill("#searchbar", "Sommerfest")
    page.press("#searchbar", "Enter")
    expect(page.locator(".photo-grid .photo-tile")).to_have_count(1)
    page.click(".photo-tile-link")

    image = page.locator("[data-focal-point-image]")
    box = image.bounding_box()
    image.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
    x, y = int(page.input_value("#id_focal_x")), int(page.input_value("#id_focal_y"))
    assert abs(x - 25) <= 1 and abs(y - 75) <= 1
    marker = page.locator("[data-focal-point-marker]")
    expect(marker).to_be_focused()
    marker.press("ArrowRight")
    marker.press("ArrowUp")
    assert page.input_value("#id_focal_x") == str(x + 1)
    assert page.input_value("#id_focal_y") == str(y - 1)
    page.screenshot(path=screenshot_dir / "admin-photo-focal-point.png", full_page=True)
    assert_accessible(page, ".focal-point")

    # What the editor sees while the server makes the renditions, kept past the page change.
    page.evaluate(
        """() => document.getElementById("photo_form").addEventListener("submit", () => {
            const saving = document.querySelector(".photo-saving").textContent.trim();
            const disabled = document.querySelector("input[name=_continue]").disabled;
            sessionStorage.setItem("saving", saving + "|" + disabled);
        })"""
    )
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()

    photo = Photo.objects.get(alt_text="Kinder beim Sommerfest")
    assert photo.focal_point == (x + 1, y - 1)
    assert page.input_value("#id_focal_x") == str(x + 1)
    assert page.evaluate("sessionStorage.getItem('saving')") == "Foto wird gespeichert …|true"
    # The one failed load is the refused PDF's answer (400, with the message in JSON).
    assert [e for e in errors if "status of 400" not in e] == []
    assert len(errors) == 1 and "/admin/media/photo/hochladen/" in errors[0]


@pytest.mark.slow(6)
def test_editor_chooses_a_photo_from_thumbnails_and_uploads_one_in_place(
    live_server, page, screenshot_dir
):
    from apps.news.models import ArticlePhoto
    from tests.factories import ArticleFactory, PhotoFactory

    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: console_error(message, errors))
    wanted = PhotoFactory(caption="Sommerfest im Familienzentrum", renditions=True)
    PhotoFactory(caption="Lenkungsgruppe", renditions=True)
    article = ArticleFactory(draft=True)
    log_in_as_editor(page, live_server)
    page.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")

    first = page.locator("#article_photos-0")
    first.get_by_role("button", name="Foto aus der Bibliothek wählen").click()
    dialog = page.get_by_role("dialog", name="Foto auswählen")
    expect(dialog.locator("[data-photo-choice]")).to_have_count(2)
    page.screenshot(path=screenshot_dir / "admin-photo-chooser.png")
    assert_accessible(page, ".photo-chooser-dialog")
    dialog.get_by_label("Fotos durchsuchen").fill("Sommerfest")
    dialog.get_by_role("button", name="Suchen").click()
    expect(dialog.locator("[data-photo-choice]")).to_have_count(1)
    dialog.locator("[data-photo-choice]").click()
    expect(dialog).to_be_hidden()
    expect(first.locator(".photo-chooser-preview img")).to_be_visible()
    expect(first.locator(".photo-chooser-label")).to_contain_text("Sommerfest")
    assert first.locator("input[name='article_photos-0-photo']").input_value() == str(wanted.pk)

    page.locator(".add-row a").click()
    second = page.locator("#article_photos-1")
    with page.expect_popup() as popup_info:
        second.locator(".add-related").click()
    popup = popup_info.value
    popup.set_input_files(
        "#id_image",
        {"name": "neu.jpg", "mimeType": "image/jpeg", "buffer": image_bytes((800, 600))},
    )
    popup.fill("#id_alt_text", "Ein neues Foto vom Fachtag")
    # Listen before clicking: the popup may close before a later wait would start.
    with popup.expect_event("close"):
        popup.click("input[name=_save]")
    uploaded = Photo.objects.get(alt_text="Ein neues Foto vom Fachtag")
    expect(second.locator(".photo-chooser-label")).to_contain_text("Ein neues Foto vom Fachtag")
    expect(second.locator(".photo-chooser-preview img")).to_be_visible()
    page.locator("#article_photos-group").screenshot(
        path=screenshot_dir / "admin-article-photo-chooser.png"
    )

    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")
    assert set(ArticlePhoto.objects.filter(article=article).values_list("photo_id", flat=True)) == {
        wanted.pk,
        uploaded.pk,
    }
    assert errors == []
