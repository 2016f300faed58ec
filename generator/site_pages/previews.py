"""What a network shows of a post, beyond its text: the fold, the picture's crop, the link card.

A reviewer judges a post by what a reader sees first: the caption up to "… more" (Instagram,
LinkedIn), the picture as the feed frames it (Instagram crops a feed picture narrower than 4:5
or wider than 1.91:1), the card a link becomes. The figures come from the dated tables
(generator.rules.limits for captions, generator.format_table for pictures); the pictures are
measured once when the workspace is loaded (generator.media_files).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.format_table import FormatLimits
from generator.rules.limits import PlatformLimits

# ratios people name, width/height; a picture within 2 % of one is called by its name
NAMED_RATIOS = {
    "1:1": 1.0,
    "4:5": 4 / 5,
    "3:4": 3 / 4,
    "2:3": 2 / 3,
    "9:16": 9 / 16,
    "1.91:1": 1.91,
    "16:9": 16 / 9,
    "3:2": 3 / 2,
    "4:3": 4 / 3,
}
CARD_NETWORKS = {"facebook", "linkedin", "x", "threads", "bluesky", "mastodon"}
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Fold:
    """A caption as the feed shows it: `head`, then "… more" hides `tail` (empty: no fold)."""

    head: str
    tail: str = ""


@dataclass(frozen=True)
class Frame:
    """How the feed frames a picture: the frame's ratio, and whether the picture is cut."""

    ratio: float  # width / height of the frame
    label: str  # the frame, named: 4:5, 1:1…
    picture: str  # the picture's own ratio, named, or its size in pixels
    cropped: bool
    banded: bool = False  # shown whole, smaller, between bands (a story)
    where: str = "feed"  # feed, reel or story: where the frame is seen


@dataclass(frozen=True)
class LinkCard:
    """The card a network makes from a link: its site, and the address below it."""

    url: str
    domain: str
    path: str


def fold_caption(text: str, limits: PlatformLimits | None) -> Fold:
    """Cut where the network folds: after about `fold_chars` characters or `fold_lines` lines.

    The cut falls between words, as the apps cut (never inside a word or an address).
    """
    if limits is None or limits.fold_chars is None:
        return Fold(text)
    lines = text.split("\n")
    end = len(text)
    if limits.fold_lines is not None and len(lines) > limits.fold_lines:
        end = len("\n".join(lines[: limits.fold_lines]))
    end = min(end, limits.fold_chars)
    if end >= len(text.rstrip()):
        return Fold(text)
    if not text[end].isspace():  # inside a word: back to the space before it
        spaces = [m.start() for m in _SPACE.finditer(text, 0, end)]
        end = spaces[-1] if spaces else end
    return Fold(text[:end].rstrip(), text[end:].lstrip(" "))


def ratio_name(width: int, height: int) -> str:
    """`4:5` when the size is within 2 % of a named ratio, else `820×513`."""
    ratio = width / height
    for name, value in NAMED_RATIOS.items():
        if abs(ratio - value) / value <= 0.02:
            return name
    return f"{width}×{height}"


def feed_frame(size: tuple[int, int], shape: str, limits: FormatLimits) -> Frame | None:
    """The frame Instagram gives a picture of `size` in a post of this shape (format).

    A feed picture outside the format's range is cropped to the nearest bound (a 9:16 photo
    loses its top and bottom to 4:5); a carousel follows its first picture; a story is
    always 9:16, other shapes shown whole between bands. None when the format has no range.
    """
    width, height = size
    low, high = limits.ratio_range()
    if width <= 0 or height <= 0 or low is None or high is None:
        return None
    ratio = width / height
    picture = ratio_name(width, height)
    where = shape if shape in ("reel", "story") else "feed"
    low_name = limits.ratio_min or ratio_name(*_fraction(low))
    if shape == "story":
        return Frame(low, low_name, picture, False, abs(ratio - low) > low * 0.01, where)
    if ratio < low * 0.99:  # taller than the feed allows: top and bottom cut
        return Frame(low, low_name, picture, True, where=where)
    if ratio > high * 1.01:  # wider: the sides are cut
        high_name = limits.ratio_max or ratio_name(*_fraction(high))
        return Frame(high, high_name, picture, True, where=where)
    return Frame(ratio, picture, picture, False, where=where)


def _fraction(ratio: float) -> tuple[int, int]:
    return round(ratio * 1000), 1000


def link_card(url: str | None, platform: str) -> LinkCard | None:
    """The card a network that previews links makes of the post's `link`."""
    if not url or platform not in CARD_NETWORKS:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    domain = parts.hostname.removeprefix("www.")
    path = (parts.path.rstrip("/") or "") + (f"?{parts.query}" if parts.query else "")
    return LinkCard(url, domain, path)
