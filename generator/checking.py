"""The `check` pipeline: load and validate everything, then run the editorial checks."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from generator.content import Workspace, load_workspace
from generator.metrics.joining import check_metrics
from generator.problems import AlmanacError, Problem
from generator.rules import run_rules
from generator.schema.common import parse_datetime


def parse_today(text: str | None) -> datetime:
    """The reference time for deadline checks: `--today` (a date or date-time) or now."""
    if text is None:
        return datetime.now(UTC)
    try:
        moment = parse_datetime(text)
    except ValueError as exc:
        raise AlmanacError(f"--today: {exc}", exit_code=2) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def check_workspace(
    root: Path, today: datetime, client: str | None = None
) -> tuple[Workspace, list[Problem]]:
    """Every problem of the workspace (or one client), sorted by file and line."""
    ws, problems = load_workspace(root, only_client=client)
    problems.extend(run_rules(ws, today))
    problems.extend(check_metrics(ws))
    return ws, problems.sorted()
