"""Pillow work on photos: a clean original without metadata, and the geometry of renditions."""

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, ImageSequence

from .validators import ALLOWED_FORMATS, check_photo_file

JPEG_QUALITY = 90
# Metadata that may stay: colour management and transparency are not personal data.
KEPT_INFO = ("icc_profile", "transparency")


@dataclass(frozen=True)
class CleanPhoto:
    content: bytes
    format: str
    width: int
    height: int


def _clean_info(image):
    image.info = {key: image.info[key] for key in KEPT_INFO if key in image.info}
    return image


def _save_options(image_format):
    if image_format == "JPEG":
        return {"quality": JPEG_QUALITY, "optimize": True}
    if image_format == "WEBP":
        return {"quality": JPEG_QUALITY}
    return {}


def photo_clean_original(file) -> CleanPhoto:
    """Return the file re-encoded upright and without EXIF, GPS, XMP or comments."""
    check = check_photo_file(file)
    file.seek(0)
    output = io.BytesIO()
    with Image.open(file, formats=ALLOWED_FORMATS) as source:
        if check.frames > 1:
            frames, durations = [], []
            for frame in ImageSequence.Iterator(source):
                durations.append(frame.info.get("duration", 100))
                frames.append(_clean_info(frame.copy()))
            first = frames[0]
            first.save(
                output,
                format=check.format,
                save_all=True,
                append_images=frames[1:],
                duration=durations,
                loop=source.info.get("loop", 0),
            )
        else:
            image = ImageOps.exif_transpose(source)
            if image.mode in ("CMYK", "YCbCr"):
                image = image.convert("RGB")
            _clean_info(image)
            if check.format == "JPEG":
                image.info.pop("transparency", None)
            image.save(output, format=check.format, **_save_options(check.format))
        first_size = (frames[0] if check.frames > 1 else image).size
    file.seek(0)
    return CleanPhoto(
        content=output.getvalue(), format=check.format, width=first_size[0], height=first_size[1]
    )


def rendition_geometry(size, *, width, ratio=None, focal=(50, 50)):
    """Return the crop box in the source and the size of a rendition; never upscale.

    ``ratio`` is (w, h) for a shape, None for the photo's own; ``focal`` is in percent.
    """
    src_w, src_h = size
    if ratio is None:
        crop_w, crop_h = src_w, src_h
    elif src_w * ratio[1] > src_h * ratio[0]:
        crop_w, crop_h = max(1, round(src_h * ratio[0] / ratio[1])), src_h
    else:
        crop_w, crop_h = src_w, max(1, round(src_w * ratio[1] / ratio[0]))
    # Centre the crop on the focal point, kept inside the picture.
    left = min(max(round(src_w * focal[0] / 100 - crop_w / 2), 0), src_w - crop_w)
    top = min(max(round(src_h * focal[1] / 100 - crop_h / 2), 0), src_h - crop_h)
    out_w = min(width, crop_w)
    out_h = max(1, round(crop_h * out_w / crop_w))
    return (left, top, left + crop_w, top + crop_h), (out_w, out_h)


class FocalCropResize:
    """A pilkit processor: crop to a shape around the focal point, then fit to a width."""

    def __init__(self, *, width, ratio=None, focal=(50, 50)):
        self.width = width
        self.ratio = ratio
        self.focal = focal

    def process(self, image):
        if image.mode not in ("RGB", "RGBA", "L", "LA"):
            has_alpha = "transparency" in image.info or image.mode.endswith("A")
            image = image.convert("RGBA" if has_alpha else "RGB")
        box, out_size = rendition_geometry(
            image.size, width=self.width, ratio=self.ratio, focal=self.focal
        )
        if box != (0, 0, *image.size):
            image = image.crop(box)
        if out_size != image.size:
            image = image.resize(out_size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        image.info = {}
        return image
