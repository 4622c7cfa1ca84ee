"""Placeholder images for seed photos: the texts name photos but carry no image files."""

import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 800)
BACKGROUND = (214, 221, 228)
INK = (38, 50, 64)
# DejaVu Sans 2.37 (free licence, apps/seed/fonts/DejaVuSans-LICENSE.txt): Pillow's built-in
# font has no umlauts and drew "Bänke" as "B▯nke".
FONT = Path(__file__).resolve().parent / "fonts" / "DejaVuSans.ttf"


def placeholder_alt_text(caption: str) -> str:
    """The alternative text of a placeholder: what it shows, the caption of the missing photo."""
    return f"Platzhalterbild mit der Bildunterschrift „{caption}“"


def placeholder_jpeg(caption: str) -> bytes:
    """Return a small JPEG showing the caption and the word "Platzhalterbild"."""
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((24, 24, SIZE[0] - 25, SIZE[1] - 25), outline=INK, width=4)
    title_font = ImageFont.truetype(FONT, size=56)
    text_font = ImageFont.truetype(FONT, size=40)
    draw.text((SIZE[0] / 2, 140), "Platzhalterbild", font=title_font, fill=INK, anchor="mm")
    lines = textwrap.wrap(caption, width=42)[:8]
    top = SIZE[1] / 2 - 26 * len(lines)
    for number, line in enumerate(lines):
        draw.text((SIZE[0] / 2, top + 52 * number), line, font=text_font, fill=INK, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()
