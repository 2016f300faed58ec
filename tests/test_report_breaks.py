"""Issue 12: "headings end a page while their content starts the next". The example's reports
(checked in test_report_oracle) happen not to put a heading near a page's foot, so the
report's own stylesheet is tried on a document that does at every height: h2, h3 and h4
headings followed by lines of text, an unsplittable chart pair or a table, printed by
WeasyPrint as a report is. No page may end on a heading. (With the headings' keep rule
overridden, `break-after: auto`, "Titre 19" ends page 4 and this test fails.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_workspace import FR, build_workspace, pdf_text

from generator.checking import check_workspace, parse_today
from generator.report.pdf import render_pdf
from generator.report.report_html import render_report_html

LINE = "Une ligne de texte ordinaire, assez courte pour tenir sur une seule ligne."


def report_stylesheet(root: Path) -> str:
    """The CSS a real report is printed with (its <style> element)."""
    ws, _ = check_workspace(root, parse_today("2026-11-25"), FR)
    html = render_report_html(ws, FR, "2026-10", inline_media=False)
    styles = re.findall(r"<style[^>]*>(.*?)</style>", html, re.S)
    assert styles
    return "\n".join(styles)


def content(i: int) -> str:
    """What follows a heading in a report: lines of text, a chart that is never split (a
    `.pair` of charts, of 25 to 95 mm), or a table of figures."""
    kind = i % 3
    if kind == 0:
        return "".join(f"<p>{LINE}</p>" for _ in range(i % 9 + 1))
    if kind == 1:
        return f'<div class="pair" style="height: {25 + (i * 7) % 70}mm"><p>{LINE}</p></div>'
    rows = "".join(f"<tr><td>{LINE[:30]}</td><td>{n}</td></tr>" for n in range(i % 6 + 1))
    return f'<table class="figures"><tbody>{rows}</tbody></table>'


def sections() -> str:
    """Headings at every height of the page, each followed by one kind of content."""
    parts = []
    for i in range(90):
        level = ("h2", "h3", "h4")[(i // 3) % 3]
        parts.append(f"<section><{level}>Titre {i:02d}</{level}>{content(i)}</section>")
    return "".join(parts)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    root = build_workspace(tmp_path_factory.mktemp("breaks") / "ws")
    html = (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
        f"<style>{report_stylesheet(root)}</style></head><body>{sections()}</body></html>"
    )
    pdf, _ = render_pdf(html, root, [root], "breaks")
    path = root / "breaks.pdf"
    path.write_bytes(pdf)
    texts = pdf_text(path).split("\f")
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in texts]


def test_no_heading_is_left_at_the_foot_of_a_page(pages: list[list[str]]) -> None:
    assert len(pages) > 4  # the headings did reach many heights of the page
    for number, lines in enumerate(pages, 1):
        for index, line in enumerate(lines):
            if line.startswith("Titre "):
                under = " ".join(lines[index + 1 :])
                assert LINE[:30] in under, (number, line, lines[-3:])
