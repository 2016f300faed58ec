"""Status colours: readable (WCAG contrast, computed) and told apart from one another (issue 17).

The colours are read from the packaged stylesheet, where the site takes them from: a status
chip is white text on its colour, so each colour needs 4.5:1 against white (WCAG 2.x AA for
normal text); two statuses of the workflow must not look alike (idea and draft were two
greys), measured as a CIELAB distance.
"""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path

from generator.calendar_model import BOARD_COLUMNS

CSS = Path(__file__).parent.parent / "generator/site_pages/assets/almanac.css"
WHITE = (255, 255, 255)
AA_TEXT = 4.5
APART = 20.0  # CIE76 ΔE: beyond about 10 two swatches read as different colours at a glance


def status_colours() -> dict[str, tuple[int, int, int]]:
    """`--al-<status>: #rrggbb` from the stylesheet's root block."""
    found = re.findall(r"--al-([a-z_]+):\s*#([0-9a-fA-F]{6})", CSS.read_text(encoding="utf-8"))
    return {name: tuple(int(code[i : i + 2], 16) for i in (0, 2, 4)) for name, code in found}  # type: ignore[misc]


def linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: tuple[int, int, int]) -> float:
    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG 2.x contrast ratio, from 1 (same) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def lab(rgb: tuple[int, int, int]) -> tuple[float, float, float]:
    """sRGB to CIELAB (D65)."""
    r, g, b = (linear(c) for c in rgb)
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    fx, fy, fz = (t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def test_the_contrast_formula_matches_wcag_reference_values() -> None:
    assert round(contrast((0, 0, 0), WHITE), 1) == 21.0
    assert round(contrast((0x76, 0x76, 0x76), WHITE), 2) == 4.54  # the classic AA grey


def test_every_status_has_a_colour_white_text_can_be_read_on() -> None:
    colours = status_colours()
    for status in BOARD_COLUMNS + ["candidate", "selected", "shared", "rejected"]:
        assert status in colours, status
        ratio = contrast(WHITE, colours[status])
        assert ratio >= AA_TEXT, f"{status}: {ratio:.2f}:1"


def test_workflow_statuses_look_different() -> None:
    colours = status_colours()
    for a, b in itertools.combinations(BOARD_COLUMNS, 2):
        distance = math.dist(lab(colours[a]), lab(colours[b]))
        assert distance >= APART, f"{a} and {b} look alike (ΔE {distance:.1f})"
