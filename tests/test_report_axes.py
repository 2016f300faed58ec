"""Issue 12: counts were drawn on axes that did not start at zero (a follower line from
13,000 to 13,600 looked like a tenfold rise). Every chart of every example report (the same
SVG the PDF draws) is read back: each axis whose tick labels are numbers starts at zero, or
below it for a gain that went negative.

Charts are read from the report HTML the PDF is printed from (data: URLs of matplotlib SVG,
whose `matplotlib.axis_1/2` groups hold the x and y tick labels as text).
"""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.content.loader import load_workspace
from generator.months import Month
from generator.report.report_html import render_report_html

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = {"atelier-velo": "fr", "fournil-des-halles": "fr", "northwind-outdoor": "en"}
SVG = re.compile(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)")
NS = "{http://www.w3.org/2000/svg}"


def number(label: str, locale: str) -> float | None:
    """A tick label as a number (`45,000`, `45 000`, `3,0`, `−5`), or None for a word."""
    text = re.sub(r"[\s\u202f\u00a0]", "", label).replace("−", "-")
    text = text.replace(",", ".") if locale == "fr" else text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def value_axes(svg: str, locale: str) -> list[list[float]]:
    """Per axis of the chart whose tick labels are all numbers: those numbers."""
    found = []
    for group in ET.fromstring(svg).iter(f"{NS}g"):
        if not (group.get("id") or "").startswith("matplotlib.axis_"):
            continue
        marks = [g for g in group.iter(f"{NS}g") if re.match(r"[xy]tick_", g.get("id") or "")]
        labels = ["".join(t.itertext()) for g in marks for t in g.iter(f"{NS}text")]
        ticks = [t for t in labels if t.strip()]  # the axis's own label is not a tick
        values = [number(t, locale) for t in ticks]
        if len(ticks) >= 2 and all(v is not None for v in values):
            found.append([v for v in values if v is not None])
    return found


@pytest.fixture(scope="module")
def charts() -> dict[tuple[str, int], list[str]]:
    """The SVG charts of every example report (September to November)."""
    ws, _ = load_workspace(ROOT, metrics=True)
    found = {}
    for slug in CLIENTS:
        for month in (9, 10, 11):
            html = render_report_html(ws, slug, Month(2026, month), inline_media=False)
            found[(slug, month)] = [base64.b64decode(m).decode() for m in SVG.findall(html)]
    return found


@pytest.mark.parametrize("slug", list(CLIENTS))
def test_every_value_axis_starts_at_zero(
    slug: str, charts: dict[tuple[str, int], list[str]]
) -> None:
    seen = 0
    for month in (9, 10, 11):
        for svg in charts[(slug, month)]:
            for ticks in value_axes(svg, CLIENTS[slug]):
                seen += 1
                assert min(ticks) <= 0, (slug, month, ticks)
    assert seen >= 12, seen  # followers, reach, engagement, posts and mix, three months
