"""WCAG 1.4.10 Reflow: every page type of the seeded site, at 320, 375 and 1280 px, without
scrolling sideways. Two pages of each type from the sitemap, plus search, the 404 page and
the "…/artikel/" lists; a screenshot of each type at 320 and 1280 px."""

import io

import pytest
from django.core.management import call_command

from tests.site_pages import page_types, sitemap_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (320, 375, 1280)


# The innermost elements reaching past the right edge, to say what to fix.
WIDEST_ELEMENTS = """() => {
    const bad = [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5);
    const innermost = bad.filter((e) => ![...e.children].some((c) => bad.includes(c)));
    return innermost.slice(0, 3).map((e) => {
        const text = e.textContent.trim().slice(0, 30);
        return `${e.tagName.toLowerCase()}.${e.className} «${text}»`;
    });
}"""


@pytest.mark.slow(30)
def test_no_page_scrolls_sideways_at_320_375_or_1280_px(live_server, page, screenshot_dir):
    call_command("load_seed_data", stdout=io.StringIO())
    types = page_types(sitemap_paths())
    assert len(types) >= 15, sorted(types)

    overflowing = []
    for name, paths in sorted(types.items()):
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            for number, path in enumerate(paths):
                page.goto(live_server.url + path)
                wide = page.evaluate(
                    "() => [document.documentElement.scrollWidth, window.innerWidth]"
                )
                if wide[0] > wide[1]:
                    culprits = page.evaluate(WIDEST_ELEMENTS)
                    overflowing.append(f"{width} px: {path} is {wide[0]} px wide: {culprits}")
                if number == 0 and width in (320, 1280):
                    page.screenshot(
                        path=screenshot_dir / f"reflow-{width}-{name}.png", full_page=True
                    )
    assert overflowing == [], "\n".join(overflowing)
