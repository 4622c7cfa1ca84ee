"""Checks an uploaded photo before anything is stored.

The order matters: size first, then what Pillow reads from the header (format, dimensions,
frame count), and only then a full decode, so that a decompression bomb is refused before
any pixel data is unpacked.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, UnidentifiedImageError

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
# The most pixels a real JPEG codes per byte of its compressed picture data: an evenly grey,
# optimised picture reaches about 256 (every 8×8 block needs some bits). A header that claims
# far more pixels than its picture data can hold is a forged size: libjpeg would paint the
# missing rest grey instead of failing. Only the scans count, not comments or metadata, which
# could pad a forged file to any size.
JPEG_MAX_PIXELS_PER_BYTE = 1024
_JPEG_SOS, _JPEG_EOI = 0xDA, 0xD9
_JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM and RST0–7 carry no length
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp,image/gif"

MESSAGES = {
    "empty": _("Die Datei ist leer. Bitte eine Bilddatei auswählen."),
    "too_large": _(
        "Die Datei ist %(size)s groß; erlaubt sind höchstens %(limit)s. "
        "Bitte das Foto vor dem Hochladen verkleinern."
    ),
    "not_an_image": _(
        "Diese Datei ist kein Foto im Format JPEG, PNG, WebP oder GIF. Andere Formate "
        "(zum Beispiel PDF, SVG, PSD oder HEIC) bitte vorher in JPEG umwandeln."
    ),
    "too_many_pixels": _(
        "Das Bild ist mit %(megapixels)s Megapixeln zu groß; erlaubt sind höchstens "
        "%(limit)s Megapixel (bei Animationen alle Einzelbilder zusammen). "
        "Bitte das Bild verkleinern."
    ),
    "broken": _(
        "Die Bilddatei ist beschädigt oder unvollständig und kann nicht gelesen werden. "
        "Bitte die Datei neu speichern oder exportieren und noch einmal hochladen."
    ),
}


@dataclass(frozen=True)
class PhotoCheck:
    format: str
    width: int
    height: int
    frames: int


def _megapixels(pixels):
    return f"{pixels / 1_000_000:.1f}".removesuffix(".0").replace(".", ",")


def _refuse(code, **params):
    raise ValidationError(MESSAGES[code], code=code, params=params or None)


def jpeg_scan_bytes(data: bytes) -> int:
    """Return how many bytes of a JPEG are compressed picture data (its scans), walking its
    segments; comments, metadata and anything after the end marker do not count."""
    position, scanned = 2, 0  # after the start-of-image marker
    while position + 1 < len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte before a marker
            position += 1
            continue
        if marker == _JPEG_EOI:
            break
        if marker in _JPEG_STANDALONE:
            position += 2
            continue
        position += 2 + int.from_bytes(data[position + 2 : position + 4], "big")
        if marker == _JPEG_SOS:
            # The scan runs to the next marker; 0xFF00 is a stuffed byte, RSTn stays inside.
            start = position
            while (position := data.find(b"\xff", position)) != -1 and position + 1 < len(data):
                following = data[position + 1]
                if following != 0x00 and not 0xD0 <= following <= 0xD7:
                    break
                position += 2
            else:
                position = len(data)
            scanned += position - start
    return scanned


def check_photo_file(file) -> PhotoCheck:
    """Return what the file holds, or raise a ValidationError saying why it is refused."""
    checked = getattr(file, "_photo_check", None)
    if checked is not None:
        return checked

    size = file.size
    if not size:
        _refuse("empty")
    limit = settings.PHOTO_MAX_UPLOAD_BYTES
    if size > limit:
        _refuse("too_large", size=filesizeformat(size), limit=filesizeformat(limit))

    max_pixels = settings.PHOTO_MAX_PIXELS
    try:
        file.seek(0)
        # Only the four formats' parsers ever see the bytes: a PSD, PDF or SVG is "unidentified".
        with Image.open(file, formats=ALLOWED_FORMATS) as image:
            # Counting frames reads only their headers; a GIF frame larger than the logical
            # screen widens image.size while doing so, hence the size afterwards.
            frames = getattr(image, "n_frames", 1)
            width, height = image.size
            image_format = image.format
    except Image.DecompressionBombError:
        # Pillow's own ceiling (far above ours) refused the header outright.
        ceiling = _megapixels(2 * Image.MAX_IMAGE_PIXELS)
        _refuse("too_many_pixels", megapixels=f"über {ceiling}", limit=_megapixels(max_pixels))
    except (UnidentifiedImageError, SyntaxError, ValueError, EOFError):
        _refuse("not_an_image")
    except OSError:
        _refuse("broken")

    pixels = width * height * frames
    if pixels > max_pixels:
        _refuse("too_many_pixels", megapixels=_megapixels(pixels), limit=_megapixels(max_pixels))
    if image_format == "JPEG":
        file.seek(0)
        if pixels > jpeg_scan_bytes(file.read()) * JPEG_MAX_PIXELS_PER_BYTE:
            _refuse("broken")

    try:
        file.seek(0)
        with Image.open(file, formats=ALLOWED_FORMATS) as image:
            # Some library may have switched Pillow to accept truncated files; we never do.
            if ImageFile.LOAD_TRUNCATED_IMAGES:
                raise OSError("truncated images must not be accepted")
            for frame in range(frames):
                image.seek(frame)
                image.load()
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError):
        _refuse("broken")
    finally:
        file.seek(0)

    checked = PhotoCheck(format=image_format, width=width, height=height, frames=frames)
    # Remembered on the upload so that the form and the model check decode it only once.
    file._photo_check = checked
    return checked


def validate_photo_file(value):
    """Refuse anything that is not a sound JPEG, PNG, WebP or GIF within the limits."""
    if getattr(value, "_committed", False):
        # Already stored, so already checked; don't reread it on every later save.
        return
    check_photo_file(value.file if isinstance(value, FieldFile) else value)
