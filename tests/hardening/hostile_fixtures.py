"""Session fixtures: the hostile workspace, its team site and one client's report, built once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile_workspace import MONTH, Markers, build_hostile_workspace

from generator.checking import parse_today
from generator.months import Month
from generator.report_build import Task, run_task
from generator.site_build import BuildOptions, build_site

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-15"
REPORTED = "alpha"


@dataclass(frozen=True)
class Hostile:
    """The workspace and the markers planted in it, per client (`agency`: shared events)."""

    root: Path
    markers: dict[str, Markers]


def build(root: Path, output: Path, client: str | None = None) -> Path:
    build_site(BuildOptions(root=root, today=parse_today(TODAY), output=output, client=client))
    return output


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    root = tmp_path_factory.mktemp("hostile") / "ws"
    return Hostile(root, build_hostile_workspace(root, REPO / "calendar"))


@pytest.fixture(scope="session")
def team_site(hostile: Hostile) -> Path:
    return build(hostile.root, hostile.root.parent / "team-site")


@pytest.fixture(scope="session")
def report_pdf(hostile: Hostile) -> Path:
    year, month = (int(part) for part in MONTH.split("-"))
    # seen from the workspace's day, as the site is: reports run `check`'s rules, and on a
    # later day its approved November items would be missed (errors that block the report)
    task = Task(hostile.root, REPORTED, (Month(year, month),), parse_today(TODAY).date())
    outcomes = run_task(task)
    assert [o.error for o in outcomes] == [None]
    path = outcomes[0].path
    assert path is not None
    return path
