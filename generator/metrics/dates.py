"""Dates and times as the platforms write them, in English, French and German."""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from generator.metrics.decode import ValueProblem, is_missing

MONTHS = {
    # English, French and German names and abbreviations (lower case, no dot)
    "jan": 1,
    "january": 1,
    "janv": 1,
    "janvier": 1,
    "januar": 1,
    "jän": 1,
    "feb": 2,
    "february": 2,
    "févr": 2,
    "fevr": 2,
    "février": 2,
    "fevrier": 2,
    "februar": 2,
    "mar": 3,
    "march": 3,
    "mars": 3,
    "märz": 3,
    "mär": 3,
    "marz": 3,
    "apr": 4,
    "april": 4,
    "avr": 4,
    "avril": 4,
    "may": 5,
    "mai": 5,
    "jun": 6,
    "june": 6,
    "juin": 6,
    "juni": 6,
    "jul": 7,
    "july": 7,
    "juil": 7,
    "juillet": 7,
    "juli": 7,
    "aug": 8,
    "august": 8,
    "août": 8,
    "aout": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "septembre": 9,
    "oct": 10,
    "october": 10,
    "octobre": 10,
    "okt": 10,
    "oktober": 10,
    "nov": 11,
    "november": 11,
    "novembre": 11,
    "dec": 12,
    "december": 12,
    "déc": 12,
    "décembre": 12,
    "decembre": 12,
    "dez": 12,
    "dezember": 12,
}

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SLASH_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_DOT_DAY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_NAMED = re.compile(r"(?:[A-Za-zé]+,?\s+)?([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_NAMED_DAY_FIRST = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})")
_NO_YEAR = re.compile(r"(?:(\d{1,2})\s+([^\W\d_]+)\.?|([^\W\d_]+)\.?\s+(\d{1,2}))")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?")
_OFFSET = re.compile(r"(?:\s*(?:UTC|GMT)?\s*([+-])(\d{2}):?(\d{2})|\s*(Z|UTC|GMT))$")


def month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    if key not in MONTHS:
        raise ValueProblem(f"`{name}` is not a month name")
    return MONTHS[key]


def make_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueProblem(f"`{text}` is not a real date") from None


def parse_day(text: str, order: str = "mdy") -> date | None:
    """A date written ISO, M/D/YYYY (`order="mdy"`) or D/M/YYYY, D.M.YYYY or with a month name."""
    if is_missing(text):
        return None
    cell = text.strip()
    if match := _ISO_DAY.match(cell):
        return make_date(int(match[1]), int(match[2]), int(match[3]), cell)
    if match := _SLASH_DAY.match(cell):
        first, second, year = (int(g) for g in match.groups())
        month, day = (first, second) if order == "mdy" else (second, first)
        return make_date(year, month, day, cell)
    if match := _DOT_DAY.match(cell):
        day, month, year = (int(g) for g in match.groups())
        return make_date(year, month, day, cell)
    if match := _NAMED_DAY_FIRST.match(cell):
        return make_date(int(match[3]), month_number(match[2]), int(match[1]), cell)
    if match := _NAMED.match(cell):
        return make_date(int(match[3]), month_number(match[1]), int(match[2]), cell)
    raise ValueProblem(f"`{text}` is not a date")


def parse_month_day(text: str) -> tuple[int, int]:
    """`28 August`, `August 28` or `Nov 3` (TikTok writes no year) as (month, day)."""
    match = _NO_YEAR.fullmatch(text.strip())
    if not match:
        raise ValueProblem(f"`{text}` is not a day and month such as `28 August`")
    day, month = (match[1], match[2]) if match[1] else (match[4], match[3])
    number = month_number(month)
    make_date(2024, number, int(day), text)  # a leap year: 29 February is allowed here
    return number, int(day)


def parse_moment(text: str, zone: str, order: str = "mdy") -> datetime | None:
    """A date and time; an explicit offset wins, a naive time is read in `zone`."""
    if is_missing(text):
        return None
    cell = text.strip()
    offset = _OFFSET.search(cell)
    tz: timezone | ZoneInfo = ZoneInfo(zone)
    if offset and (offset[1] or offset[4]):
        tz = UTC if offset[4] else fixed_offset(offset[1], offset[2], offset[3])
        cell = cell[: offset.start()].strip()
    if "T" in cell and _ISO_DAY.match(cell):
        cell = cell.replace("T", " ", 1)
    clock = _CLOCK.search(cell)
    day = parse_day(cell[: clock.start()].strip().rstrip(",") if clock else cell, order)
    if day is None:
        return None
    hour = minute = second = 0
    if clock:
        hour, minute, second = int(clock[1]), int(clock[2]), int(clock[3] or 0)
        if clock[4]:
            if not 1 <= hour <= 12:
                raise ValueProblem(f"`{text}` has an impossible 12-hour time")
            hour = hour % 12 + (12 if clock[4].lower() == "pm" else 0)
        if hour > 23 or minute > 59 or second > 59:
            raise ValueProblem(f"`{text}` has an impossible time of day")
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=tz)


@functools.cache
def fixed_offset(sign: str, hours: str, minutes: str) -> timezone:
    """The zone of a written offset such as `+02:00`; one object per offset, as a file
    repeats the same one or two on every row."""
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    return timezone(delta if sign == "+" else -delta)


def assign_years(month_days: list[tuple[int, int]], last_day_limit: date) -> list[date]:
    """Dates for rows written without a year, oldest first, the last one on or before the limit.

    The rule: the most recent row gets the latest year that puts it on or before
    `last_day_limit`; walking back, each row that would come after its successor moves
    to the previous year (a New Year crossing)."""
    if not month_days:
        return []
    month, day = month_days[-1]
    year = last_day_limit.year
    if (month, day) > (last_day_limit.month, last_day_limit.day):
        year -= 1
    result = [_leap_safe(year, month, day)]
    for month, day in reversed(month_days[:-1]):
        following = result[-1]
        if (month, day) > (following.month, following.day):
            year -= 1
        result.append(_leap_safe(year, month, day))
    result.reverse()
    if (result[-1] - result[0]).days > 366:
        raise ValueProblem(
            "the rows span more than a year: the year of each row cannot be "
            "worked out (is the file sorted oldest first?)"
        )
    return result


def _leap_safe(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueProblem(f"29 February does not exist in {year}: pass --year") from None
