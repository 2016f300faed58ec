"""The size of a picture as networks show it, measured with Pillow (header only, no decoding)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

# EXIF orientations that turn the picture a quarter: a phone's portrait photo is stored wide
_QUARTER_TURNS = {5, 6, 7, 8}
_ORIENTATION = 0x0112


def measure_image(path: Path) -> tuple[int, int] | None:
    """(width, height) upright, EXIF orientation applied; None for a video or an unreadable file."""
    try:
        with Image.open(path) as image:
            width, height = image.size
            turned = image.getexif().get(_ORIENTATION) in _QUARTER_TURNS
    except (UnidentifiedImageError, OSError, ValueError):
        return None  # a video, or a broken file `almanac check` reports
    return (height, width) if turned else (width, height)
