"""Golden files: a few site pages and one report, so every change of the output shows in review.

Rewrite them after an intended change with `python3 -m pytest tests/test_golden.py
--regen-golden`, then read `git diff tests/golden` before committing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from golden import compare, digest_data_uris
from report_workspace import FR, build_workspace

from generator.checking import check_workspace, parse_today
from generator.report.report_html import render_report_html
from generator.site_build import BuildOptions, calendar_folder, load_model, render_project
from generator.site_pages.config import render_page_file, source_file

SITE_FIXTURE = Path(__file__).parent / "fixtures" / "site_ws"
SITE_TODAY = "2026-11-21"
# home, client, month, then one item of each kind and the item that carries injection payloads
SITE_PAGES = [
    "index",
    "pain-doux/index",
    "pain-doux/2026-11",
    "pain-doux/items/2026-11-20-brioche",
    "pain-doux/items/concours-noel",
    "pain-doux/items/article-pain",
    "pain-doux/items/2026-11-25-payload",
]
REPORT_MONTH = "2026-10"
EPOCH = "1764547200"  # 2025-12-01: the report's creation date


@pytest.fixture(scope="module")
def site_sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The Markdown sources Almanac hands to the site engine, by page path (no engine run)."""
    root = tmp_path_factory.mktemp("golden") / "ws"
    shutil.copytree(SITE_FIXTURE, root)
    shutil.copytree(Path(__file__).parent.parent / "calendar", root / "calendar")
    options = BuildOptions(root=root, today=parse_today(SITE_TODAY))
    model, _ = load_model(options)
    project = render_project(model, options, calendar_folder(root))
    return {page.path: render_page_file(page) for page in project.pages}


@pytest.mark.parametrize("page", SITE_PAGES)
def test_site_page_matches_golden(
    site_sources: dict[str, str], page: str, regen_golden: bool
) -> None:
    compare(f"site/{source_file(page)}", site_sources[page], regen_golden)


def test_report_html_matches_golden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, regen_golden: bool
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = build_workspace(tmp_path / "ws")
    ws, _ = check_workspace(root, parse_today("2026-11-25"), FR)
    html = render_report_html(ws, FR, REPORT_MONTH)
    compare(f"report/{FR}-{REPORT_MONTH}.html", digest_data_uris(html), regen_golden)
