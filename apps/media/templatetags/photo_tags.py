from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from ..renditions import WEBP, photo_renditions

register = template.Library()

# The main column: 50rem beside the sidebar on wide screens, the screen less padding on phones.
DEFAULT_SIZES = (
    "(min-width: 72rem) 50rem, (min-width: 52rem) calc(100vw - 22rem), calc(100vw - 2rem)"
)


def _srcset(renditions):
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


def picture_context(
    photo,
    *,
    sizes=DEFAULT_SIZES,
    shape="original",
    caption=None,
    loading="lazy",
    figure=True,
    css_class="",
):
    """Return what a <picture> of a photo shows (see picture below)."""
    webp = photo_renditions(photo, shape=shape, image_format=WEBP)
    fallback = photo_renditions(photo, shape=shape)
    # The src (and width/height): the largest rendition up to 960 pixels wide.
    src = [r for r in fallback if r.width <= 960][-1]
    return {
        "photo": photo,
        "webp_srcset": _srcset(webp),
        "fallback_srcset": _srcset(fallback),
        "fallback_type": fallback[0].mime_type,
        "src": src,
        # The largest size, for a visitor who wants to see the photo large (no script).
        "largest": fallback[-1],
        "sizes": sizes,
        "caption": photo.caption if caption is None else caption,
        "loading": "eager" if loading == "eager" else "lazy",
        "figure": figure,
        "css_class": css_class,
    }


@register.simple_tag
def picture(photo, **options):
    """Render a photo as <picture> with WebP and fallback srcsets, inside a <figure>.

    ``loading="eager"`` is for the first image a visitor sees; ``figure=False`` drops the
    figure and caption (teasers); see picture_context for the other options.

    Written out here rather than in a template: teasers and galleries call it once per photo,
    and an inclusion tag's template and context cost more than the HTML itself (issue #19,
    docs/performance.md, "Rendering"). The output is byte for byte what the template
    media/includes/picture.html rendered (tests/media/test_picture_tag.py).
    """
    c = picture_context(photo, **options)
    e = conditional_escape
    figure, css_class, src, largest = c["figure"], c["css_class"], c["src"], c["largest"]
    alt, sizes = e(photo.alt_text), e(c["sizes"])
    parts = ["\n\n"]
    if figure:
        parts.append(f'<figure class="photo{" " + e(css_class) if css_class else ""}">')
    parts.append(
        f'\n  <picture>\n    <source type="image/webp" srcset="{e(c["webp_srcset"])}" '
        f'sizes="{sizes}">\n    <img src="{e(src.url)}" srcset="{e(c["fallback_srcset"])}" '
        f'sizes="{sizes}" width="{src.width}" height="{src.height}"\n         alt="{alt}" '
        f'loading="{e(c["loading"])}" decoding="async"'
    )
    if not figure and css_class:
        parts.append(f'\n         class="{e(css_class)}"')
    if c["loading"] == "eager":
        parts.append('\n         fetchpriority="high"')
    parts.append(">\n  </picture>\n")
    if figure:
        caption, credit = c["caption"], photo.credit
        parts.append("\n    <figcaption>")
        if caption:
            parts.append(e(caption))
        if caption and credit:
            parts.append(" · ")
        if credit:
            parts.append(f"Foto: {e(credit)}")
        if caption or credit:
            parts.append(" · ")
        parts.append(
            f'<a class="photo-large" href="{e(largest.url)}">Groß anzeigen<span '
            f'class="visually-hidden">: {alt} ({largest.width} × {largest.height} '
            "Pixel)</span></a></figcaption>\n  </figure>\n"
        )
    parts.append("\n\n")
    return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)


@register.inclusion_tag("media/includes/og_image.html", takes_context=True)
def photo_og_image(context, photo):
    """Render Open Graph tags so link previews show the photo (a 3:2 JPEG or PNG)."""
    rendition = photo_renditions(photo, shape="landscape")[-1]
    request = context.get("request")
    url = request.build_absolute_uri(rendition.url) if request else rendition.url
    return {"photo": photo, "rendition": rendition, "url": url}
