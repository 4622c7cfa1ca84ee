"""Every page type of the seeded site against axe-core with its experimental rules on (among
them WCAG 2.5.3 Label in Name and 2.5.8 Target Size), and every keyboard focus ring at least
3:1 against the background it is drawn on (WCAG 1.4.11), measured from the computed styles."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from tests.site_pages import page_types, sitemap_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "experimental"],
    },
    "rules": {
        "label-content-name-mismatch": {"enabled": True},
        "target-size": {"enabled": True},
    },
    "resultTypes": ["violations"],
}

# The focused element's outline and the colour behind it (its nearest ancestor with a
# background, composed over white), both as sRGB through a canvas, so that any CSS colour
# (oklch, color-mix, named) is measured as the screen shows it.
FOCUS_RING = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    if (element.dataset.focusVisited) return {again: true};
    element.dataset.focusVisited = "yes";
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d", {willReadFrequently: true});
    const rgba = (colour) => {
        context.clearRect(0, 0, 1, 1);
        context.fillStyle = "#fff";
        context.fillRect(0, 0, 1, 1);
        context.fillStyle = colour;
        context.fillRect(0, 0, 1, 1);
        return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const clear = (node) => /, 0\\)$|transparent/.test(getComputedStyle(node).backgroundColor);
    let behind = element.parentElement;
    while (behind && clear(behind)) behind = behind.parentElement;
    const style = getComputedStyle(element);
    const text = (element.getAttribute("aria-label") || element.textContent || element.name || "")
        .trim().slice(0, 40);
    return {
        element: `${element.tagName.toLowerCase()}.${element.className} «${text}»`,
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        ring: rgba(style.outlineColor),
        background: rgba(behind ? getComputedStyle(behind).backgroundColor : "#fff"),
    };
}"""


def luminance(rgb):
    channels = [c / 255 for c in rgb]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture
def seeded_page_types(live_server):
    call_command("load_seed_data", stdout=io.StringIO())
    types = page_types(sitemap_paths(), per_type=1)
    assert len(types) >= 15, sorted(types)
    return {name: live_server.url + paths[0] for name, paths in sorted(types.items())}


@pytest.mark.slow(20)
def test_every_page_type_passes_axe_with_the_experimental_rules(seeded_page_types, page):
    axe = Axe()
    found = []
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in seeded_page_types.items():
            page.goto(url)
            results = axe.run(page, options=AXE_OPTIONS)
            if results.violations_count:
                found.append(f"{name} at {width} px:\n{results.generate_report()}")
    assert found == [], "\n".join(found)


@pytest.mark.slow(20)
def test_every_focus_ring_has_3_to_1_contrast_with_what_is_behind_it(seeded_page_types, page):
    weak = []
    for name, url in seeded_page_types.items():
        page.goto(url)
        reached = 0
        for _ in range(150):
            page.keyboard.press("Tab")
            ring = page.evaluate(FOCUS_RING)
            if ring is None or ring.get("again"):
                break  # through the page and back to the start
            reached += 1
            ratio = contrast(ring["ring"], ring["background"])
            if ring["style"] == "none" or ring["width"] < 2 or ratio < 3:
                weak.append(f"{name}: {ring['element']} {ring['width']} px, {ratio:.2f}:1")
        assert reached >= 5, f"{name}: only {reached} focusable elements reached"
    assert weak == [], "\n".join(weak)
