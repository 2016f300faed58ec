"""The `check` pipeline: load and validate everything, then run the editorial checks."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from generator.clock import parse_today
from generator.content import Workspace, load_workspace
from generator.metrics.joining import check_metrics
from generator.problems import Problem
from generator.rules import run_rules

__all__ = ["check_workspace", "parse_today", "run_checks"]  # parse_today lives in generator.clock


def check_workspace(
    root: Path, today: datetime, client: str | None = None, history: bool = False
) -> tuple[Workspace, list[Problem]]:
    """Every problem of the workspace (or one client), sorted by file and line; with
    `history`, the workspace carries its git history and approval audit too."""
    ws, problems = load_workspace(root, only_client=client, metrics=True, history=history)
    problems.extend(run_checks(ws, today))
    return ws, problems.sorted()


def run_checks(ws: Workspace, today: datetime) -> list[Problem]:
    """What `check` adds to a loaded workspace's own problems: the editorial rules and the
    metrics checks. The site and the report recipes run exactly these too."""
    return [*run_rules(ws, today), *check_metrics(ws)]
