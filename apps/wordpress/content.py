"""Turn a WordPress post body into the site's rich text.

Gutenberg's block comments go, classic posts get their paragraphs (WordPress' wpautop), and
shortcodes become plain content: images of [caption] and [gallery] go to the article's gallery
(the allow-list has no images in the text), [embed] becomes a link, others are dropped and
counted. What is left goes through the same allow-list as every save.
"""

import html
import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.text import Truncator

from apps.core.text import sanitize_rich_text

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
# [name attributes] … [/name], or [name attributes] alone, or [[escaped]].
SHORTCODE = re.compile(
    r"\[(?P<escape>\[?)(?P<name>[A-Za-z_][\w-]*)(?P<attrs>(?:\s[^\]]*?)?)(?P<self>/?)\]"
    r"(?:(?P<inner>.*?)\[/(?P=name)\])?(?P<escape_end>\]?)",
    re.DOTALL,
)
ATTRIBUTE = re.compile(r"([\w-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|(\S+))")
# Shortcodes WordPress itself and common plugins register. Text in brackets with neither
# attributes nor a closing tag ("[sic]", "[Anm. d. Red.]") is not taken for one.
KNOWN_SHORTCODES = {
    "caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist",
    "contact-form", "contact-form-7", "wpforms", "ninja_form", "vc_row", "vc_column",
    "vc_column_text", "et_pb_section", "fusion_builder_container", "su_box", "toc",
}  # fmt: skip
IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
IMG_SRC = re.compile(r"""\bsrc\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
IMG_CLASS_ID = re.compile(r"wp-image-(\d+)")
BLOCK_START = re.compile(
    r"^\s*<(p|h[1-6]|ul|ol|li|blockquote|div|table|figure|pre|hr|address|dl|section)\b",
    re.IGNORECASE,
)
OUTER_HEADING = re.compile(r"<(/?)h([156])\b", re.IGNORECASE)
URL_ALONE = re.compile(r"^\s*(https?://[^\s<>\"]+)\s*$")
TITLE_WORDS = 8


@dataclass
class ImageRef:
    """An image the body showed: by attachment id (wp-image-N) or by its address."""

    attachment_id: int = 0
    url: str = ""
    caption: str = ""


@dataclass
class Body:
    html: str
    images: list[ImageRef] = field(default_factory=list)
    # Attachment ids of [gallery]; [gallery] without ids means the post's own attachments.
    gallery_ids: list[int] = field(default_factory=list)
    gallery_of_post: bool = False
    dropped: Counter = field(default_factory=Counter)


def _attributes(text: str) -> dict[str, str]:
    return {
        match[1].lower(): next(value for value in match.groups()[1:] if value is not None)
        for match in ATTRIBUTE.finditer(text or "")
    }


def _images(fragment: str, caption: str = "") -> list[ImageRef]:
    refs = []
    for tag in IMG.findall(fragment):
        src = IMG_SRC.search(tag)
        ident = IMG_CLASS_ID.search(tag)
        refs.append(
            ImageRef(
                attachment_id=int(ident[1]) if ident else 0,
                url=html.unescape(src[1]) if src else "",
                caption=caption,
            )
        )
    return refs


def plain_text(fragment: str) -> str:
    """Return the text of an HTML fragment, whitespace collapsed."""
    return " ".join(html.unescape(strip_tags(fragment)).split())


def _link(url: str) -> str:
    url = html.escape(url.strip(), quote=True)
    return f'<p><a href="{url}">{url}</a></p>'


def _autop(text: str) -> str:
    """Give a classic post its paragraphs as WordPress shows them: blank lines part
    paragraphs, single line breaks become <br>."""
    parts = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        chunk = chunk.strip()
        if not chunk:
            continue
        url = URL_ALONE.match(chunk)
        if url:
            # WordPress embeds an address alone on its line (oEmbed); here it is a link.
            parts.append(_link(url[1]))
        elif BLOCK_START.match(chunk):
            parts.append(chunk)
        else:
            parts.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(parts)


def convert_body(content: str) -> Body:
    """Return the post body as sanitised rich text, with the images it referred to."""
    body = Body(html="")
    gutenberg = "<!-- wp:" in content
    text = BLOCK_COMMENT.sub("", content)

    def shortcode(match):
        name = match["name"].lower()
        if match["escape"] and match["escape_end"]:
            return match[0][1:-1]  # [[gallery]] is the text "[gallery]"
        attrs = _attributes(match["attrs"])
        inner = match["inner"]
        if name not in KNOWN_SHORTCODES and not attrs and inner is None:
            return match[0]  # "[sic]": text, not a shortcode
        if name in ("caption", "wp_caption"):
            inner = inner or ""
            caption = attrs.get("caption") or plain_text(IMG.sub("", inner))
            images = _images(inner, caption)
            body.images += images
            # Kept as text only when there is no image for the gallery to carry it.
            return "" if images else f"<p>{html.escape(caption)}</p>" if caption else ""
        if name == "gallery":
            ids = [int(i) for i in re.findall(r"\d+", attrs.get("ids") or attrs.get("include", ""))]
            body.gallery_ids += ids
            body.gallery_of_post = body.gallery_of_post or not ids
            return ""
        if name == "embed":
            url = plain_text(inner or attrs.get("src", ""))
            return _link(url) if url.startswith(("http://", "https://")) else ""
        body.dropped[name] += 1
        # An enclosing shortcode of a page builder keeps its text; the markup goes.
        return convert_inner(inner) if inner else ""

    def convert_inner(fragment):
        return SHORTCODE.sub(shortcode, fragment)

    text = convert_inner(text)
    # Images outside [caption] (the allow-list drops them from the text) go to the gallery.
    body.images += _images(text)
    text = IMG.sub("", text)
    if not gutenberg:
        text = _autop(text)
    else:
        text = re.sub(
            r"<div class=\"wp-block-embed__wrapper\">\s*(https?://[^\s<]+)\s*</div>",
            lambda match: _link(match[1]),
            text,
        )
    # The allow-list knows h2 to h4; the outline is renumbered after it.
    text = OUTER_HEADING.sub(lambda m: f"<{m[1]}h{2 if m[2] == '1' else 4}", text)
    body.html = sanitize_rich_text(text).strip()
    # Paragraphs emptied by the removed images and shortcodes.
    body.html = re.sub(r"<p>(\s|<br>|&nbsp;)*</p>", "", body.html).strip()
    return body


def title_from_text(text_html: str) -> str:
    """Return the first words of a text as a title, or "" for a text without words."""
    words = plain_text(text_html)
    return Truncator(words).words(TITLE_WORDS, truncate=" …") if words else ""
