from django import template

from ..renditions import WEBP, photo_renditions

register = template.Library()

# The main column: 50rem beside the sidebar on wide screens, the screen less padding on phones.
DEFAULT_SIZES = (
    "(min-width: 72rem) 50rem, (min-width: 52rem) calc(100vw - 22rem), calc(100vw - 2rem)"
)


def _srcset(renditions):
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


@register.inclusion_tag("media/includes/picture.html")
def picture(
    photo,
    *,
    sizes=DEFAULT_SIZES,
    shape="original",
    caption=None,
    loading="lazy",
    figure=True,
    css_class="",
):
    """Render a photo as <picture> with WebP and fallback srcsets, inside a <figure>.

    ``loading="eager"`` is for the first image a visitor sees; ``figure=False`` drops the
    figure and caption (teasers).
    """
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


@register.inclusion_tag("media/includes/og_image.html", takes_context=True)
def photo_og_image(context, photo):
    """Render Open Graph tags so link previews show the photo (a 3:2 JPEG or PNG)."""
    rendition = photo_renditions(photo, shape="landscape")[-1]
    request = context.get("request")
    url = request.build_absolute_uri(rendition.url) if request else rendition.url
    return {"photo": photo, "rendition": rendition, "url": url}
