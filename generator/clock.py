"""Where "today" comes from: `--today`, else `as_of:` in almanac.yml, else the clock.

Every command that depends on the date asks `resolve_today`, so tests, archived workspaces and
the bundled example can all move "today" the same way, and nothing else reads the clock.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.problems import AlmanacError
from generator.schema.common import parse_datetime

TODAY_METAVAR = "DATETIME"


@dataclass(frozen=True)
class Today:
    """The reference moment of a run and where it came from (for messages)."""

    moment: datetime
    source: str  # "--today", "as_of" or "clock"

    def local_date(self, zone: str) -> date:
        """The calendar day of this moment where a client is."""
        return self.moment.astimezone(ZoneInfo(zone)).date()

    def note(self) -> str | None:
        """A line saying the run is not seen from the clock's today, or None when it is."""
        if self.source == "as_of":
            return (
                f"seen from {self.moment:%Y-%m-%d} (`as_of` in almanac.yml; --today overrides it)"
            )
        return None


def clock_now() -> datetime:
    """The real time, aware, in UTC: the only call to the clock in the package."""
    return datetime.now(UTC)


def parse_today(text: str) -> datetime:
    """`--today` text (a date or date-time; naive means UTC) as an aware time."""
    try:
        moment = parse_datetime(text)
    except ValueError as exc:
        raise AlmanacError(f"--today: {exc}", exit_code=2) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_day(text: str, option: str) -> date:
    """A day given on the command line (`--from`, `--until`), or a usage error naming `option`."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise AlmanacError(
            f"{option}: `{text}` is not a day such as 2026-12-07", exit_code=2
        ) from None


def settings_as_of(root: Path | None) -> date | None:
    """`as_of:` from the workspace's almanac.yml; None when unset or unreadable.

    An unreadable almanac.yml is reported by the load stage itself; here it only means
    there is no `as_of` to use.
    """
    if root is None:
        return None
    from generator.content.layout import SETTINGS_FILE
    from generator.content.loader import load_settings
    from generator.problems import ProblemList

    if not (root / SETTINGS_FILE).is_file():
        return None
    settings, _ = load_settings(root, ProblemList())
    return settings.as_of


def resolve_today(root: Path | None, text: str | None) -> Today:
    """The run's "today": `--today`, else the workspace's `as_of`, else the clock."""
    if text is not None:
        return Today(parse_today(text), "--today")
    as_of = settings_as_of(root)
    if as_of is not None:
        return Today(datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC), "as_of")
    return Today(clock_now(), "clock")


def add_today_argument(parser: argparse.ArgumentParser, what: str) -> None:
    """The `--today` option, worded the same on every command that takes it."""
    parser.add_argument(
        "--today",
        metavar=TODAY_METAVAR,
        default=None,
        help=f"{what}, e.g. 2026-11-21 or '2026-11-21 09:00' (default: `as_of` in "
        "almanac.yml, else now)",
    )
