"""Audience breakdowns (`metrics/audience.csv`): who follows and watches, not how much.

One row per platform, day, breakdown and key; `value` is a share (0 to 1) or a count:

| breakdown | key | value | day |
| --- | --- | --- | --- |
| `gender` | `female`, `male`, `other` | share of followers | the day of the snapshot |
| `territory` | ISO 3166 code (`FR`) or `other` | share of followers | the day of the snapshot |
| `active_hour` | hour of the day, `0` to `23` | followers active in that hour | that day |
| `viewers` | `total`, `new`, `returning` | viewers of that day | that day |

Snapshots (gender, territory) carry no date in the export: their day is the date in the file
name, else the day of the import. The report reads them through `latest_shares`,
`viewers_between` and `active_hours`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.problems import AlmanacError

AUDIENCE_FILE = "audience.csv"
AUDIENCE_COLUMNS = ("platform", "date", "breakdown", "key", "value", "source")
SHARES = frozenset({"gender", "territory"})
COUNTS = frozenset({"active_hour", "viewers"})
BREAKDOWNS = SHARES | COUNTS


@dataclass(frozen=True)
class AudienceRow:
    """One figure of an audience breakdown on one day."""

    platform: str
    date: date
    breakdown: str
    key: str
    value: float
    source: str = ""
    line: int = field(default=0, compare=False, repr=False)

    @property
    def row_key(self) -> tuple[str, str, str, str]:
        return (self.platform, self.date.isoformat(), self.breakdown, self.key)


# --- reading and writing ---------------------------------------------------------------------


def build_audience_row(row: dict[str, str], path: Path, line: int) -> AudienceRow:
    """A canonical row, checked: a known breakdown, a date, a number in range."""

    def bad(column: str, expected: str) -> AlmanacError:
        return AlmanacError(
            f"row {line}, column {column}: `{row[column]}` is not {expected}", path, line
        )

    if row["breakdown"] not in BREAKDOWNS:
        raise bad("breakdown", "one of " + ", ".join(sorted(BREAKDOWNS)))
    try:
        day = date.fromisoformat(row["date"])
    except ValueError:
        raise bad("date", "a date (YYYY-MM-DD)") from None
    try:
        value = float(row["value"])
    except ValueError:
        raise bad("value", "a number") from None
    is_share = row["breakdown"] in SHARES
    if value < 0 or (is_share and value > 1):
        raise bad("value", "a share between 0 and 1" if is_share else "a count")
    if not row["platform"] or not row["key"]:
        raise AlmanacError(f"row {line}: platform and key must not be empty", path, line)
    return AudienceRow(
        row["platform"], day, row["breakdown"], row["key"], value, row["source"], line
    )


def format_value(row: AudienceRow) -> str:
    """Shares with four decimals at most, counts as whole numbers."""
    if row.breakdown in COUNTS:
        return str(round(row.value))
    return f"{row.value:.4f}".rstrip("0").rstrip(".") or "0"


def audience_cells(row: AudienceRow) -> list[str]:
    return [
        row.platform,
        row.date.isoformat(),
        row.breakdown,
        row.key,
        format_value(row),
        row.source,
    ]


def sort_audience(rows: Iterable[AudienceRow]) -> list[AudienceRow]:
    """By platform, day and breakdown; shares largest first, hours in order."""

    def order(row: AudienceRow) -> tuple[str, date, str, float, str]:
        rank = -row.value if row.breakdown in SHARES else 0.0
        position = f"{int(row.key):02d}" if row.key.isdigit() else row.key
        return (row.platform, row.date, row.breakdown, rank, position)

    return sorted(rows, key=order)


def merge_audience(
    existing: dict[tuple[str, str, str, str], AudienceRow], rows: Iterable[AudienceRow]
) -> tuple[int, int, int]:
    """(added, replaced, unchanged): a newer file's value replaces the one of the same key."""
    added = replaced = unchanged = 0
    for row in rows:
        old = existing.get(row.row_key)
        if old is None:
            added += 1
        elif old.value == row.value:
            unchanged += 1
            continue
        else:
            replaced += 1
        existing[row.row_key] = row
    return added, replaced, unchanged


# --- what the report reads ---------------------------------------------------------------------


def latest_shares(
    rows: Iterable[AudienceRow], platform: str, breakdown: str, until: date
) -> tuple[date, list[tuple[str, float]]] | None:
    """The most recent snapshot of a share breakdown on or before `until`: its day and its
    (key, share) pairs, largest first (`other` last); None when there is none."""
    by_day: dict[date, list[AudienceRow]] = defaultdict(list)
    for row in rows:
        if row.platform == platform and row.breakdown == breakdown and row.date <= until:
            by_day[row.date].append(row)
    if not by_day:
        return None
    day = max(by_day)
    shares = sorted(by_day[day], key=lambda r: (r.key == "other", -r.value, r.key))
    return day, [(r.key, r.value) for r in shares]


def viewers_between(
    rows: Iterable[AudienceRow], platform: str, start: date, end: date
) -> dict[str, int]:
    """Viewers summed over the days from start to end inclusive: `total`, `new`, `returning`
    (a viewer who came back on two days counts twice, as on TikTok's own page)."""
    found: dict[str, int] = defaultdict(int)
    for row in rows:
        if row.platform == platform and row.breakdown == "viewers" and start <= row.date <= end:
            found[row.key] += round(row.value)
    return dict(found)


def active_hours(
    rows: Iterable[AudienceRow], platform: str, start: date, end: date
) -> dict[int, float]:
    """The mean number of followers active in each hour over the days that have data."""
    totals: dict[int, list[float]] = defaultdict(list)
    for row in rows:
        wanted = row.platform == platform and row.breakdown == "active_hour"
        if wanted and start <= row.date <= end:
            totals[int(row.key)].append(row.value)
    return {hour: sum(values) / len(values) for hour, values in sorted(totals.items())}
