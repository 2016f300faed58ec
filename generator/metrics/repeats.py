"""Refusing files whose rows repeat a key: a repeated day or post is never last-row-wins.

A format that knows how to combine its rows (YouTube chart data summed over videos, Ads
Manager rows summed per boosted post) combines them while parsing, so what reaches this check
holds one row per key; anything else repeating a key is a breakdown Almanac does not know
(per country, per age…) or a damaged file, and importing it would keep one row at random."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from generator.problems import AlmanacError

SHOWN_KEYS = 3
SHOWN_LINES = 6


class Keyed(Protocol):
    """A parsed row: its key and the line of the export it came from."""

    @property
    def key(self) -> Hashable: ...

    @property
    def line(self) -> int: ...


@dataclass(frozen=True)
class KeyedRow:
    """A key and a line, for rows whose key goes by another name."""

    key: Hashable
    line: int


def repeated_keys(rows: Iterable[Keyed]) -> dict[Hashable, list[int]]:
    """The keys given by more than one row, with the lines of those rows, in file order."""
    lines: dict[Hashable, list[int]] = defaultdict(list)
    for row in rows:
        lines[row.key].append(row.line)
    return {key: found for key, found in lines.items() if len(found) > 1}


def describe_lines(lines: Sequence[int]) -> str:
    """`rows 2 and 3`, `rows 2, 3 and 5`, `rows 2, 3, … and 9 more`."""
    known = [str(n) for n in lines if n] or ["?"]
    if len(known) > SHOWN_LINES:
        known = [*known[:SHOWN_LINES], f"{len(known) - SHOWN_LINES} more"]
    if len(known) == 1:
        return f"row {known[0]}"
    return "rows " + ", ".join(known[:-1]) + " and " + known[-1]


def describe_key(key: Hashable) -> str:
    return ", ".join(str(part) for part in key) if isinstance(key, tuple) else str(key)


def check_repeats(rows: Iterable[Keyed], what: str, where: str, hint: str) -> None:
    """An AlmanacError naming the rows that repeat a key; `what` names the key (`day`)."""
    repeated = repeated_keys(rows)
    if not repeated:
        return
    items = list(repeated.items())
    shown = "; ".join(
        f"{describe_lines(lines)} ({describe_key(key)})" for key, lines in items[:SHOWN_KEYS]
    )
    more = f" (and {len(items) - SHOWN_KEYS} more {what}s)" if len(items) > SHOWN_KEYS else ""
    first = next((n for n in items[0][1] if n), None)
    raise AlmanacError(
        f"the file gives the same {what} more than once: {shown}{more}. Importing it would "
        f"keep one of those rows at random, so nothing was imported. {hint}",
        where,
        first or 0,
    )
