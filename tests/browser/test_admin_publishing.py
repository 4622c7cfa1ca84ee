"""A staff member writes and publishes an article in the admin; a visitor then finds it."""

import pytest

from apps.news.models import Article
from tests.factories import StaffUserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.slow(4)
def test_staff_writes_article_in_rich_text_editor_and_visitor_finds_it(live_server, page):
    StaffUserFactory(username="presse", password="Presse-Ahlen-2026")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "presse")
    page.fill("#id_password", "Presse-Ahlen-2026")
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/news/article/add/")

    page.locator("#id_title").press_sequentially("Übergänge gestalten in Ahlen")
    assert page.input_value("#id_slug") == "uebergaenge-gestalten-in-ahlen"
    page.fill("#id_lead", "Vier strategische Ziele für die Präventionskette.")
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.type("Die Elternarbeit intensivieren und Bildung fördern.")
    # Topics: typed into the suggestion box, taken with Enter.
    page.click("#id_tags + .select2 .select2-selection")
    page.keyboard.type("Planungsworkshop")
    page.locator(".select2-results__option", has_text="Planungsworkshop").wait_for()
    page.keyboard.press("Enter")
    page.click("input[name=_publish]")
    page.wait_for_url("**/admin/news/article/")

    article = Article.objects.get()
    assert "<p>Die Elternarbeit intensivieren und Bildung fördern.</p>" in article.body
    assert errors == []

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/aktuelles/")
    page.click("text=Übergänge gestalten in Ahlen")
    assert page.url.endswith(article.get_absolute_url())
    assert page.locator("h1").inner_text() == "Übergänge gestalten in Ahlen"
    day = article.local_published_at.day
    calendar_link = page.locator(f".calendar td a:text-is('{day}')")
    assert "1 Artikel" in calendar_link.get_attribute("aria-label")
