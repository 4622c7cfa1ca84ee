"""The public site in a real browser: accessibility, keyboard use, privacy, screenshots."""

import datetime
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from apps.pages.models import Page
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    MeetingFactory,
    MunicipalityFactory,
    PhotoFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def site(live_server):
    """A small site with content, as a visitor would find it."""
    for slug, title in [("impressum", "Impressum"), ("datenschutz", "Datenschutz"),
                        ("barrierefreiheit", "Barrierefreiheit")]:  # fmt: skip
        Page.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "body": f"<p>{title}</p>",
                "in_footer": True,
                "is_published": True,
            },
        )
    now = datetime.datetime.now(datetime.UTC)
    article = ArticleFactory(
        title="Großes Lernnetzwerktreffen im Programm Kinderstark in Neuss",
        lead="Rund 150 Personen sind der Einladung gefolgt.",
        body="<p>Nach zwangsweiser Coronapause freuten sich die Koordinatorinnen.</p>"
        "<h2>Impulse</h2><p>Ein buntes Programm unter dem Titel „Netzwerken ist kein Luxus“.</p>",
        published_at=now - datetime.timedelta(days=2),
        tags=["Lernnetzwerk", "Kinderstark"],
    )
    ArticleFactory.create_batch(3, published_at=now - datetime.timedelta(days=40))
    for position, caption in enumerate(["Roll-Up des ISA", "Gruppenfoto"], start=1):
        photo = PhotoFactory(
            caption=caption, alt_text=f"{caption} beim Netzwerktreffen", renditions=True
        )
        ArticlePhotoFactory(article=article, photo=photo, position=position)
    host = MunicipalityFactory(name="Neuss", slug="neuss")
    meeting = MeetingFactory(
        title="Netzwerken ist kein Luxus",
        starts_on=(now - datetime.timedelta(days=2)).date(),
        host_municipality=host,
        city="Neuss",
    )
    article.meetings.add(meeting)
    article.municipalities.add(host)
    return live_server, article


def public_pages(article):
    day = article.local_published_at
    half = 1 if day.month <= 6 else 2
    return {
        "home": "/",
        "list": "/aktuelles/",
        "article": article.get_absolute_url(),
        "year": f"/aktuelles/{day.year}/",
        "half-year": f"/aktuelles/{day.year}/halbjahr-{half}/",
        "month": f"/aktuelles/{day.year}/{day.month:02d}/",
        "day": f"/aktuelles/{day.year}/{day.month:02d}/{day.day:02d}/",
        "topic": "/aktuelles/thema/lernnetzwerk/",
        "imprint": "/impressum/",
        "network": "/netzwerk/",
        "meetings": "/netzwerk/treffen/",
        "meeting": article.meetings.get().get_absolute_url(),
        "municipality": "/netzwerk/kommunen/neuss/",
        "municipality-articles": "/netzwerk/kommunen/neuss/artikel/",
        "search": "/suche/?q=Lernnetzwerktreffen",
        "not-found": "/gibt-es-nicht/",
    }


@pytest.mark.slow(8)
def test_pages_have_no_wcag_violations_and_load_nothing_from_other_hosts(site, page):
    server, article = site
    host = urlsplit(server.url).netloc
    foreign = []
    page.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).netloc != host else None)
    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    missing = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    expected_404 = "Failed to load resource: the server responded with a status of 404 (Not Found)"
    axe = Axe()
    for name, path in public_pages(article).items():
        page.goto(server.url + path)
        results = axe.run(
            page,
            options={
                "runOnly": {"type": "tag", "values": WCAG_TAGS},
                "resultTypes": ["violations"],
            },
        )
        assert results.violations_count == 0, f"{name}: {results.generate_report()}"
    assert foreign == []
    # A CSP violation (an inline script or style) would show up here.
    assert [e for e in console_errors if e != expected_404] == []
    assert console_errors.count(expected_404) == 1, missing  # the not-found page itself


def test_keyboard_reaches_skip_link_then_navigation_and_calendar_links(site, page):
    server, article = site
    page.goto(server.url + article.get_absolute_url())
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Zum Inhalt springen"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"

    day_link = page.locator(".calendar td a").first
    label = day_link.get_attribute("aria-label")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == label:
            break
    else:
        pytest.fail("the calendar's day link is not reachable by keyboard")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_screenshots_of_home_and_article(site, page, screenshot_dir, width):
    server, article = site
    page.set_viewport_size({"width": width, "height": 900})
    for name, path in [("home", "/"), ("article", article.get_absolute_url())]:
        page.goto(server.url + path)
        # Nothing may stick out sideways on a phone.
        too_wide = page.evaluate(
            """() => Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .map(e => e.tagName + '.' + e.className)"""
        )
        assert too_wide == [], f"{name} scrolls sideways at {width}px"
        # Text wider than its box (a long German word) also makes the page scroll.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name
        page.screenshot(path=str(screenshot_dir / f"{name}-{width}.png"), full_page=True)
        assert (screenshot_dir / f"{name}-{width}.png").stat().st_size > 5000
