"""The `check` pipeline: load and validate everything, then run the editorial checks."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from generator.clock import parse_today
from generator.content import Workspace, load_workspace
from generator.metrics.joining import check_metrics
from generator.problems import Problem
from generator.rules import run_rules

__all__ = ["check_workspace", "parse_today"]  # parse_today lives in generator.clock


def check_workspace(
    root: Path, today: datetime, client: str | None = None
) -> tuple[Workspace, list[Problem]]:
    """Every problem of the workspace (or one client), sorted by file and line."""
    ws, problems = load_workspace(root, only_client=client, metrics=True)
    problems.extend(run_rules(ws, today))
    problems.extend(check_metrics(ws))
    return ws, problems.sorted()
