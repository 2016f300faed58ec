"""Attack payloads in every text field of every kind, scanned in every artifact of one real
build (pages, search index, sitemap, feeds, CSV, CSS) and one real report (text, metadata,
links): nothing becomes markup, a formula, an outside request or a local path, and no internal
note or HTML comment is published.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from artifact_scan import Artifact, dangerous_markup, pdf_artifacts, site_artifacts
from figures import ALL_ARTIFACTS, SECRET_FOUND, SECRET_MARKERS, tally
from hostile_fixtures import Hostile, hostile, report_pdf, team_site  # noqa: F401
from hostile_workspace import EXTERNAL_HOST, MARKER

from generator.checking import check_workspace, parse_today
from generator.problems import Severity

FORMULA_STARTS = tuple("=+-@\t\r＝＋－＠")


@pytest.fixture(scope="module")
def artifacts(team_site: Path, report_pdf: Path) -> list[Artifact]:  # noqa: F811
    found = site_artifacts(team_site) + pdf_artifacts(report_pdf)
    tally(ALL_ARTIFACTS, len(found))
    return found


def test_every_payload_is_accepted_as_text(hostile: Hostile) -> None:  # noqa: F811
    """The payloads reach the model: a field dropped at load would prove nothing below."""
    ws, problems = check_workspace(hostile.root, parse_today("2026-11-15"))
    assert [str(p) for p in problems if p.severity is Severity.ERROR] == []
    assert [p for p in problems if p.rule == "schema.unknown-field"] == []
    kinds = {where.split(".")[0] for where in hostile.markers["alpha"].public.values()}
    assert kinds == {
        "client", "post", "contest", "curated", "month", "events", "mentions", "watchlist"
    }  # fmt: skip
    assert len(hostile.markers["alpha"].public) >= 60
    assert len(ws.clients["alpha"].items) == 4  # a post, a contest, a curated item, a log
    assert len(ws.clients["alpha"].watchlist) == 1


def test_no_payload_becomes_markup(artifacts: list[Artifact]) -> None:
    markers = ("PUBalpha", "PUBbravo", "PUBagency")
    html = [a for a in artifacts if a.name.endswith((".html", "search_index.json"))]
    assert len(html) >= 10
    assert [f for a in html for f in dangerous_markup(a, markers)] == []


def test_feeds_carry_plain_text(artifacts: list[Artifact]) -> None:
    feeds = [a for a in artifacts if a.name.endswith(".ics")]
    assert feeds
    for feed in feeds:
        unfolded = feed.text.replace("\r\n ", "").replace("\n ", "")
        assert "PUBalpha" in unfolded or "PUBbravo" in unfolded
        for tag in ("<script", "<img", "<svg", "<style", "<iframe", "<b>", "</"):
            assert tag not in unfolded, (feed.name, tag)


def test_no_csv_cell_can_run_a_formula(artifacts: list[Artifact]) -> None:
    sheets = [a for a in artifacts if a.name.endswith(".csv")]
    assert sheets
    for sheet in sheets:
        cells = [c for row in csv.reader(io.StringIO(sheet.text.lstrip("\ufeff"))) for c in row]
        assert any("HYPERLINK" in c for c in cells)
        assert [c for c in cells if c.startswith(FORMULA_STARTS)] == []
        assert not [c for c in cells if c.lower().startswith("javascript:")]


def test_no_outside_address_in_styles(artifacts: list[Artifact]) -> None:
    styles = [a for a in artifacts if a.name.endswith(".css")]
    assert any(a.name == "assets/brands.css" for a in styles)
    assert [a.name for a in styles if EXTERNAL_HOST in a.text] == []


def test_report_links_are_web_addresses_only(artifacts: list[Artifact]) -> None:
    """Before: a relative link in the month's notes became file:///…/content/alpha/notes/…"""
    links = next(a for a in artifacts if a.name.endswith("#links")).text.split()
    assert [link for link in links if not link.startswith(("https://", "http://", "mailto:"))] == []


def test_internal_notes_and_comments_are_nowhere(
    hostile: Hostile,  # noqa: F811
    artifacts: list[Artifact],
) -> None:
    secret = {m for markers in hostile.markers.values() for m in markers.all_secret()}
    leaks = {(a.name, m) for a in artifacts for m in MARKER.findall(a.text) if m in secret}
    tally(SECRET_MARKERS, len(secret))
    tally(SECRET_FOUND, len({m for _, m in leaks}))
    assert sorted(leaks) == []
    assert len(secret) >= 140


def test_the_scan_sees_public_text(hostile: Hostile, artifacts: list[Artifact]) -> None:  # noqa: F811
    """A positive control: most public markers are found, so an empty scan means something."""
    seen = {m for a in artifacts for m in MARKER.findall(a.text)}
    public = set(hostile.markers["alpha"].public)
    assert len(public & seen) >= len(public) * 0.6, sorted(public - seen)
