"""The release contract in Chromium: Redaktion corrects a published article, visitors keep
the published text until Freigabe has seen the change word by word and released it."""

import pytest
from django.contrib.auth.models import Group

from apps.editorial.roles import EDITORS, PUBLISHERS
from tests.factories import ArticleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Ahlen-Praevention-2026"


def member(group, username):
    user = UserFactory(username=username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


@pytest.mark.slow(8)
def test_redaktion_change_reaches_visitors_only_after_freigabe_releases_it(
    live_server, browser, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    member(EDITORS, "redaktion")
    member(PUBLISHERS, "freigabe")
    article = ArticleFactory(
        title="Elterncafé in Ahlen", body="<p>Das Elterncafé öffnet jeden Dienstag.</p>"
    )
    public_url = f"{live_server.url}{article.get_absolute_url()}"
    errors = []

    visitor = browser.new_page()
    visitor.goto(public_url)
    assert "jeden Dienstag" in visitor.locator("main").inner_text()

    editor = browser.new_context().new_page()
    editor.on("pageerror", lambda error: errors.append(str(error)))
    log_in(editor, live_server.url, "redaktion")
    editor.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")
    assert "erst, wenn die Freigabe es freigibt" in editor.locator(".messagelist").inner_text()
    text = editor.locator(".ProseMirror[contenteditable=true]")
    text.click()
    editor.keyboard.press("End")
    editor.keyboard.type(" Neu: auch donnerstags.")
    editor.click("input[name=_save]")
    editor.wait_for_url("**/admin/news/article/")
    assert "wartet auf Freigabe" in editor.locator(".messagelist").inner_text()

    visitor.reload()
    assert "jeden Dienstag" in visitor.locator("main").inner_text()
    assert "donnerstags" not in visitor.locator("main").inner_text()

    publisher = browser.new_context().new_page()
    publisher.on("pageerror", lambda error: errors.append(str(error)))
    log_in(publisher, live_server.url, "freigabe")
    publisher.goto(f"{live_server.url}/admin/editorial/changerequest/")
    row = publisher.locator("#result_list tbody tr", has_text="Elterncafé in Ahlen")
    assert "Text" in row.locator(".field-changed_fields").inner_text()
    assert "redaktion" in row.inner_text()
    row.get_by_role("link", name="Elterncafé in Ahlen").click()
    publisher.wait_for_url("**/change/")
    diff = publisher.locator("table.editorial-diff")
    assert diff.locator("th[scope=row]").all_inner_texts() == ["Text"]
    assert "donnerstags." in diff.locator("ins").all_inner_texts()[-1]
    publisher.click("input[name=_release]")
    publisher.wait_for_url("**/admin/editorial/changerequest/")
    assert "ist freigegeben" in publisher.locator(".messagelist").inner_text()

    visitor.reload()
    assert "Das Elterncafé öffnet jeden Dienstag. Neu: auch donnerstags." in (
        visitor.locator("main").inner_text()
    )
    assert errors == []
