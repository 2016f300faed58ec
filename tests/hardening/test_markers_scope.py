"""Markers planted in every field of two clients: a client's artifacts hold none of the other
client's markers, and no artifact holds a marker written in `internal:` or in an HTML comment.

Client-scoped artifacts: every file of the site built with `--client`, the client's report
(text, metadata, links), and the client's own feeds and CSV in the team site (its pages there
list every client in the navigation: the team site is the agency's, not the client's).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from artifact_scan import Artifact, pdf_artifacts, site_artifacts
from figures import SCOPED_ARTIFACTS, SCOPED_FOUND, SCOPED_MARKERS, tally
from hostile_fixtures import REPORTED, Hostile, build, hostile, report_pdf, team_site  # noqa: F401
from hostile_workspace import MARKER

OTHER = "bravo"


@pytest.fixture(scope="module")
def scoped(hostile: Hostile, team_site: Path, report_pdf: Path) -> list[Artifact]:  # noqa: F811
    """The artifacts a client of `alpha` may be shown."""
    client_site = build(hostile.root, hostile.root.parent / "client-site", client=REPORTED)
    own = [
        a
        for a in site_artifacts(team_site)
        if a.name.startswith((f"feeds/{REPORTED}", f"exports/{REPORTED}."))
    ]
    artifacts = site_artifacts(client_site) + pdf_artifacts(report_pdf) + own
    tally(SCOPED_ARTIFACTS, len(artifacts))
    return artifacts


def found(artifacts: list[Artifact], markers: set[str]) -> list[tuple[str, str]]:
    hits = sorted({(a.name, m) for a in artifacts for m in MARKER.findall(a.text) if m in markers})
    tally(SCOPED_MARKERS, len(markers))
    tally(SCOPED_FOUND, len({m for _, m in hits}))
    return hits


def test_no_other_client_marker(hostile: Hostile, scoped: list[Artifact]) -> None:  # noqa: F811
    other = hostile.markers[OTHER]
    assert found(scoped, {*other.public, *other.all_secret()}) == []
    assert not [a.name for a in scoped if OTHER in a.text.lower()]


def test_no_internal_or_hidden_marker(hostile: Hostile, scoped: list[Artifact]) -> None:  # noqa: F811
    secret = set(hostile.markers[REPORTED].all_secret())
    assert found(scoped, secret) == []


def test_scoped_artifacts_cover_site_feeds_csv_and_report(scoped: list[Artifact]) -> None:
    names = [a.name for a in scoped]
    for kind in (".html", "search_index.json", "sitemap.xml", ".ics", ".csv", "#text", "#metadata"):
        assert any(n.endswith(kind) for n in names), kind
    seen = {m for a in scoped for m in MARKER.findall(a.text)}
    assert any(m.startswith(f"PUB{REPORTED}") for m in seen)
