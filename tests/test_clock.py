"""Where "today" comes from: --today, else `as_of` in almanac.yml, else the clock.

The example workspace must pass `almanac check` on any date, so the real clock is moved years
ahead with Debian's `faketime` (installed by the README's test command) rather than trusting a
unit test of the function alone.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from generator.clock import resolve_today
from generator.commands.report import build_tasks
from generator.months import Month

FAR_DATES = ("2029-02-28 23:30:00", "2034-07-14 09:00:00")


def faketime_almanac(when: str, root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`almanac ARGS` in `root` with the system clock moved to `when`."""
    faketime = shutil.which("faketime")
    assert faketime, "faketime is missing: install it with the README's test command"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    return subprocess.run(
        [faketime, when, sys.executable, "-m", "generator", "--workspace", str(root), *args],
        capture_output=True,
        text=True,
        cwd=root,
        env=env,
        timeout=120,
    )


def set_as_of(root: Path, value: str | None) -> None:
    """Rewrite the `as_of:` line of a copied workspace's almanac.yml (None removes it)."""
    path = root / "almanac.yml"
    lines = [line for line in path.read_text().splitlines() if not line.startswith("as_of:")]
    if value is not None:
        lines.append(f"as_of: {value}")
    path.write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize("when", FAR_DATES)
def test_example_check_passes_years_ahead(repo_root: Path, when: str) -> None:
    result = faketime_almanac(when, repo_root, "check", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "seen from 2026-11-21" in result.stderr
    assert "0 error(s), 0 warning(s)" in result.stderr


def test_today_overrides_as_of_under_a_moved_clock(repo_root: Path) -> None:
    """On 2 December 2026 the example's scheduled November posts are missed: --today says so."""
    result = faketime_almanac(FAR_DATES[1], repo_root, "check", "--today", "2026-12-02")
    assert result.returncode == 1
    assert "[workflow.missed]" in result.stdout
    assert "seen from" not in result.stderr


def test_the_clock_counts_without_as_of(example_ws: Path) -> None:
    """A live workspace (no `as_of`) is checked against the moved clock: its posts are missed."""
    set_as_of(example_ws, None)
    result = faketime_almanac(FAR_DATES[0], example_ws, "check")
    assert result.returncode == 1
    assert "[workflow.missed]" in result.stdout
    assert "seen from" not in result.stderr


def test_resolve_today_order(example_ws: Path) -> None:
    as_of = resolve_today(example_ws, None)
    assert (as_of.source, as_of.moment) == ("as_of", datetime(2026, 11, 21, tzinfo=UTC))
    given = resolve_today(example_ws, "2027-01-05 10:00")
    assert (given.source, given.moment) == ("--today", datetime(2027, 1, 5, 10, tzinfo=UTC))
    set_as_of(example_ws, None)
    assert resolve_today(example_ws, None).source == "clock"
    assert resolve_today(None, None).source == "clock"


def test_as_of_must_be_a_real_day(example_ws: Path) -> None:
    set_as_of(example_ws, "2026-02-30")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--workspace", str(example_ws), "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert re.search(
        r"^almanac.yml\n  line \d+: error \[schema.invalid\] as_of:", result.stdout, re.M
    )


def test_report_default_month_follows_as_of(example_ws: Path) -> None:
    """`almanac report` with no --month reports the month before `as_of`, not before the clock."""
    args = argparse.Namespace(
        workspace_root=example_ws,
        today=None,
        all_months=False,
        month=None,
        client=None,
        complete_only=False,
        strict=False,
        shard=None,
    )
    tasks = build_tasks(args)
    assert tasks and {t.today for t in tasks} == {date(2026, 11, 21)}
    assert {t.months for t in tasks} == {(Month(2026, 10),)}
    args.today = "2027-03-10"
    assert {t.months for t in build_tasks(args)} == {(Month(2027, 2),)}


def test_nothing_else_reads_the_clock(repo_root: Path) -> None:
    """ "Today" has one source: a module calling the clock itself would ignore --today and as_of."""
    readers = [
        path.relative_to(repo_root).as_posix()
        for path in sorted((repo_root / "generator").rglob("*.py"))
        if path.name != "clock.py"
        and any(
            call in path.read_text(encoding="utf-8")
            for call in ("datetime.now(", "date.today(", "datetime.today(", "time.time(")
        )
    ]
    assert readers == []


def test_every_today_option_says_where_today_comes_from() -> None:
    from generator.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {
        name: action.help
        for name, command in sub.choices.items()
        for action in command._actions
        if "--today" in action.option_strings
    }
    assert {"check", "build", "serve", "report", "new", "import", "diff"} <= set(helps)
    assert all("`as_of` in almanac.yml, else now" in str(h) for h in helps.values()), helps
