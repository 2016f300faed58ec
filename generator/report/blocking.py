"""Which content problems block which month's report: only those in the data it reads.

A report of month M reads the client's settings, its metrics, the month notes of M, and the
items dated in M or in the month before (the comparison). A broken item dated elsewhere (a
December draft, for November's report) does not block it: it is listed as a warning, since
next month's plan is shown without it.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date
from pathlib import Path

from generator.content.kinds import BY_FOLDER
from generator.content.layout import CONTENT_FOLDER, MONTHS_FOLDER
from generator.months import Month
from generator.problems import Problem

# the item's dates as written (a broken item is not loaded, so its typed fields are unknown)
_DATE_FIELD = re.compile(
    r"^(?:publish_at|starts|ends|share_at|draw_at|announce_at)\s*:\s*['\"]?(\d{4}-\d{2}-\d{2})",
    re.MULTILINE,
)
_FILE_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def item_dates(root: Path, rel_path: str) -> list[date] | None:
    """The dates an item file names (file name and date fields); None if it names none."""
    path = root / rel_path
    found = []
    named = _FILE_DATE.match(path.name)
    if named:
        found.append(named.group(1))
    with contextlib.suppress(OSError):  # an unreadable file names no date: it blocks
        found += _DATE_FIELD.findall(path.read_text(encoding="utf-8", errors="replace"))
    days = []
    for text in found:
        try:
            days.append(date.fromisoformat(text))
        except ValueError:
            continue
    return days or None


def blocks(problem: Problem, root: Path, client: str, month: Month) -> bool:
    """Whether `problem` is in data the report of `client` for `month` reads."""
    parts = Path(problem.path).parts
    if len(parts) < 4 or parts[0] != CONTENT_FOLDER or parts[1] != client:
        return len(parts) < 2 or parts[0] != CONTENT_FOLDER or parts[1] == client
    folder = parts[2]
    if folder == MONTHS_FOLDER:
        return Path(problem.path).stem == month.key
    if folder not in BY_FOLDER:
        return True
    days = item_dates(root, problem.path)
    if days is None:
        return True  # an item whose dates cannot be read might be in the month
    first, last = month.previous().first, month.last
    return any(first <= day <= last for day in days)


def split_problems(
    problems: list[Problem], root: Path, client: str, month: Month
) -> tuple[list[Problem], list[Problem]]:
    """(blocking, other) problems for one report."""
    blocking = [p for p in problems if blocks(p, root, client, month)]
    other = [p for p in problems if p not in blocking]
    return blocking, other
