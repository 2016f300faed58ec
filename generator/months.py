"""Calendar months (YYYY-MM) and their Monday-based weeks, for the site and the reports."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from generator.problems import AlmanacError

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Month:
    """One calendar month, e.g. Month(2026, 10)."""

    year: int
    month: int

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        return self.next().first - timedelta(days=1)

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range(self.last.day)]

    def contains(self, day: date) -> bool:
        return self.first <= day <= self.last

    def weeks(self) -> list[Week]:
        """Monday-to-Sunday weeks that touch the month, cut to the month's days."""
        start = self.first - timedelta(days=self.first.weekday())
        weeks = []
        while start <= self.last:
            end = start + timedelta(days=6)
            weeks.append(Week(max(start, self.first), min(end, self.last), start))
            start += timedelta(days=7)
        return weeks

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @classmethod
    def from_key(cls, key: str) -> Month:
        """A month from a key Almanac wrote itself (`2026-10`); user input goes to parse_month."""
        return cls(int(key[:4]), int(key[5:7]))


@dataclass(frozen=True)
class Week:
    """A week of a month: its days inside the month and the Monday it starts on."""

    start: date
    end: date
    monday: date

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def is_month_key(text: str) -> bool:
    """`2026-10` yes; `2026-13`, `2026-1`, `oct` no."""
    match = _MONTH.match(text)
    return match is not None and 1 <= int(match.group(2)) <= 12


def parse_month(text: str) -> Month:
    """Read YYYY-MM; a user mistake is an AlmanacError."""
    key = text.strip()
    if not is_month_key(key):
        raise AlmanacError(
            f"`{text}` is not a month: write it as YYYY-MM, e.g. 2026-10", exit_code=2
        )
    return Month.from_key(key)


def local_day(moment: datetime | None, zone: str) -> date | None:
    """The calendar day of an aware moment in the client's time zone."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(ZoneInfo(zone)).date()
