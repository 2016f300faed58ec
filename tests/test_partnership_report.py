"""The report's partnerships section: deliverables done, sponsored posts' figures, costs."""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest
from report_workspace import EN, FR, build_workspace, read_csv

from generator.content import load_workspace
from generator.content.model import Workspace
from generator.metrics.store import load_metrics
from generator.months import Month
from generator.report.measures import definitions
from generator.report.report_html import render_report_html
from generator.report.report_model import build_report

OCTOBER = Month(2026, 10)
DEAL = """---
title: Le levain avec Chef Dupont
status: running
platforms: [instagram]
partner:
  name: Chef Dupont
  handles:
    instagram: "@chef.dupont"
starts: 2026-10-01 09:00
ends: 2026-10-31 20:00
promotes: bakery
fee: 900
gifted:
  - description: Pains
    value: 60
contract:
  written: true
  signed_on: 2026-09-20
deliverables:
  - format: image
    platform: instagram
    due: 2026-10-04
    posts: [2026-10-04-octobre-1]
  - format: image
    platform: instagram
    due: 2026-10-06
    posts: [2026-10-06-octobre-2]
  - format: reel
    platform: instagram
    due: 2026-10-30
  - format: story
    platform: instagram
    due: 2026-11-15
---
Brief.
"""
SPONSORED = ("fr001", "fbfr001", "fr002", "fbfr002")  # the two posts' rows on both networks


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    root = build_workspace(tmp_path_factory.mktemp("deal") / "ws")
    folder = root / "content" / FR
    (folder / "partnerships").mkdir()
    (folder / "partnerships" / "dupont.md").write_text(DEAL, encoding="utf-8")
    for slug in ("2026-10-04-octobre-1", "2026-10-06-octobre-2"):
        path = folder / "posts" / f"{slug}.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("status:", "partnership: dupont\nstatus:", 1), "utf-8")
    workspace, problems = load_workspace(root, metrics=True)
    assert not problems.errors(), problems.errors()
    return workspace


def test_the_row_counts_deliverables_and_joins_the_sponsored_posts(ws: Workspace) -> None:
    client = ws.clients[FR]
    report = build_report(client, ws.settings.name, load_metrics(client.folder), OCTOBER)
    (row,) = report.partnerships
    rows = [
        r for r in read_csv(client.folder / "metrics" / "posts.csv") if r["post_id"] in SPONSORED
    ]
    engagements = sum(int(r["engagements"]) for r in rows)
    impressions = sum(int(r["impressions"]) for r in rows)
    assert (row.partner, row.due, row.done, row.posts) == ("Chef Dupont", 3, 2, 2)
    assert row.reach == sum(int(r["reach"]) for r in rows)
    assert row.engagements == engagements
    assert row.rate.value == pytest.approx(engagements / impressions)
    assert row.cost == 960 and row.per_engagement == pytest.approx(960 / engagements)
    # November: the partnership ended in October, nothing to show
    later = build_report(client, ws.settings.name, load_metrics(client.folder), Month(2026, 11))
    assert later.partnerships == []


def test_the_section_and_its_definition_are_printed_only_with_partnerships(ws: Workspace) -> None:
    html = render_report_html(ws, FR, OCTOBER)
    text = unescape(" ".join(html.split()))
    assert 'id="h_partnerships"' in html and "Chef Dupont" in text and "2 / 3" in text
    assert definitions("fr", partnerships=True)[-1] in text
    english = render_report_html(ws, EN, OCTOBER)
    assert 'id="h_partnerships"' not in english
    assert definitions("en", partnerships=True)[-1] not in unescape(" ".join(english.split()))


def test_the_definition_is_in_the_readme(repo_root: Path) -> None:
    readme = " ".join((repo_root / "README.md").read_text(encoding="utf-8").split())
    assert definitions("en", partnerships=True)[-1] in readme
