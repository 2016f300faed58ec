"""Which content problems block which month's report: only those in the data it reads.

A report of month M reads the client's settings, its metrics, the month notes of M, and the
items dated in M or in the month before (the comparison). A broken item dated elsewhere (a
December draft, for November's report) does not block it: it is listed as a warning, since
next month's plan is shown without it.

The days of each item file come from the load stage: a loaded item's moments, and for a file
that could not be loaded the days it names (`ClientData.unloaded`); nothing is read here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import PurePosixPath

from generator.content.kinds import BY_FOLDER
from generator.content.layout import CONTENT_FOLDER, MONTHS_FOLDER
from generator.content.model import ClientData
from generator.content.unloaded import file_name_day
from generator.months import Month, local_day
from generator.problems import Problem


def item_days(client: ClientData) -> dict[str, tuple[date, ...] | None]:
    """The days each item file of the client names, loaded or not, by workspace path."""
    days = dict(client.unloaded)
    for item in client.items:
        named = file_name_day(item.source.path.name)
        found = [named] if named else []
        for _label, moment in item.milestones:
            day = local_day(moment, client.timezone)
            if day is not None:
                found.append(day)
        days[item.source.rel] = tuple(found) or None
    return days


def blocks(
    problem: Problem, client: str, month: Month, days: Mapping[str, tuple[date, ...] | None]
) -> bool:
    """Whether `problem` is in data the report of `client` for `month` reads."""
    path = PurePosixPath(problem.path)
    parts = path.parts
    if len(parts) < 4 or parts[0] != CONTENT_FOLDER or parts[1] != client:
        return len(parts) < 2 or parts[0] != CONTENT_FOLDER or parts[1] == client
    folder = parts[2]
    if folder == MONTHS_FOLDER:
        return path.stem == month.key
    if folder not in BY_FOLDER:
        return True
    found = days.get(problem.path)
    if found is None:
        return True  # an item whose days are unknown might be in the month
    first, last = month.previous().first, month.last
    return any(first <= day <= last for day in found)


def split_problems(
    problems: list[Problem], client: ClientData, month: Month
) -> tuple[list[Problem], list[Problem]]:
    """(blocking, other) problems for one report."""
    days = item_days(client)
    blocking = [p for p in problems if blocks(p, client.slug, month, days)]
    other = [p for p in problems if p not in blocking]
    return blocking, other
