"""Reading .ics files as calendar applications write them, into dated events.

icalendar parses the file (folded lines, escapes, time zones, Windows zone names from Outlook) and
recurring-ical-events expands recurrence rules with their exceptions (EXDATE, RECURRENCE-ID). What
they do not give is where a broken file breaks, so a light pass over the content lines finds the
line a community manager has to look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

from generator.problems import AlmanacError

MAX_BYTES = 5_000_000  # a year of a busy shared calendar is a few hundred kB
MAX_OCCURRENCES = 5_000  # a daily rule over a long window is a mistake, not an agenda
# NAME, then parameters (quoted values may hold ; and :), then the value
_CONTENT_LINE = re.compile(
    r'^[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*:'
)


@dataclass(frozen=True)
class CalendarEvent:
    """One occurrence, in the local days and time of the zone it is imported into."""

    day: date
    end: date | None
    time: str | None
    title: str
    location: str | None
    uid: str
    categories: tuple[str, ...]


def read_calendar(path: Path) -> tuple[icalendar.Calendar, str]:
    """The parsed calendar and its name, or an AlmanacError naming the file and line."""
    raw = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
    if raw is None:
        raise AlmanacError(
            f"the file is over {MAX_BYTES:,} bytes: export a shorter period", path=path, line=1
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise AlmanacError(
            "the file is not UTF-8 text, as iCalendar requires", path=path, line=line
        ) from None
    lines = check_content_lines(text, path)
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError as exc:
        raise AlmanacError(f"not a readable iCalendar file: {exc}", path=path, line=1) from None
    check_events(calendar, lines, path)
    return calendar, str(calendar.get("X-WR-CALNAME", "") or path.stem)


def check_content_lines(text: str, path: Path) -> list[dict[str, int]]:
    """Refuse a file that is not iCalendar at the first line that breaks the grammar.

    Returns, for each VEVENT in file order, the line of its BEGIN and of each property, so that
    a value icalendar cannot decode is reported where it stands.
    """
    stack: list[str] = []
    events: list[dict[str, int]] = []
    logical = last = 0
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if not line or line[0] in " \t":  # a blank end, or a folded continuation
            continue
        logical, last = logical + 1, number
        if logical == 1 and line.strip().upper() != "BEGIN:VCALENDAR":
            raise AlmanacError(
                "an iCalendar file starts with BEGIN:VCALENDAR", path=path, line=number
            )
        if not _CONTENT_LINE.match(line):
            raise AlmanacError(
                f"`{line[:40]}` is not an iCalendar line (NAME:value)", path=path, line=number
            )
        name, _, value = line.partition(":")
        name = name.split(";", 1)[0].upper()
        if name == "BEGIN":
            stack.append(value.strip().upper())
            if stack[-1] == "VEVENT":
                events.append({"BEGIN": number})
        elif name == "END":
            if not stack or stack.pop() != value.strip().upper():
                raise AlmanacError(
                    f"END:{value.strip()} closes nothing open here", path=path, line=number
                )
        elif stack and stack[-1] == "VEVENT":
            events[-1].setdefault(name, number)
    if stack:
        raise AlmanacError(f"the file ends before END:{stack[-1]}", path=path, line=last)
    return events


def check_events(calendar: icalendar.Calendar, lines: list[dict[str, int]], path: Path) -> None:
    """Every VEVENT has a readable start and readable dates and rules, or its line is named."""
    for component, where in zip(calendar.walk("VEVENT"), lines, strict=False):
        if "DTSTART" not in component:
            raise AlmanacError("this event has no DTSTART (start)", path=path, line=where["BEGIN"])
        for name, message in getattr(component, "errors", []):
            line = where.get(str(name).upper(), where["BEGIN"])
            raise AlmanacError(f"{name}: {message}", path=path, line=line)
        for name in ("DTSTART", "DTEND", "RRULE", "EXDATE", "RECURRENCE-ID"):
            try:
                component.decoded(name, None)
            except (ValueError, TypeError) as exc:
                raise AlmanacError(f"{name}: {exc}", path=path, line=where.get(name, 1)) from None


def expand(
    calendar: icalendar.Calendar, first: date, last: date, zone: str, path: Path
) -> list[CalendarEvent]:
    """Every occurrence between `first` and `last` (inclusive), in local days of `zone`."""
    try:
        occurrences = recurring_ical_events.of(calendar).between(first, last + timedelta(days=1))
    except Exception as exc:  # the library raises many types on a bad rule or date
        raise AlmanacError(f"cannot expand the events: {exc}", path=path, line=1) from None
    if len(occurrences) > MAX_OCCURRENCES:
        raise AlmanacError(
            f"{len(occurrences):,} occurrences between {first} and {last}: over the limit of "
            f"{MAX_OCCURRENCES:,}; import a shorter period with --from and --until",
            path=path,
            line=1,
        )
    events = [_event(component, ZoneInfo(zone)) for component in occurrences]
    return sorted(events, key=lambda e: (e.day, e.time or "", e.title, e.uid))


def _event(component: Any, zone: ZoneInfo) -> CalendarEvent:
    start = component["DTSTART"].dt
    end_prop = component.get("DTEND")
    end = end_prop.dt if end_prop is not None else None
    if isinstance(start, datetime):
        local = _local(start, zone)
        last = _local(end, zone) if isinstance(end, datetime) else local
        # an event ending at midnight ends the day before
        last_day = (last - timedelta(microseconds=1)).date() if last > local else local.date()
        day, clock = local.date(), local.strftime("%H:%M")
    else:
        day, clock = start, None
        last_day = end - timedelta(days=1) if isinstance(end, date) and end > start else start
    categories = tuple(str(c) for prop in _as_list(component.get("CATEGORIES")) for c in prop.cats)
    location = str(component.get("LOCATION", "")).strip() or None
    return CalendarEvent(
        day=day,
        end=last_day if last_day > day else None,
        time=clock,
        title=" ".join(str(component.get("SUMMARY", "")).split()) or "(no title)",
        location=location,
        uid=str(component.get("UID", "")),
        categories=categories,
    )


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    """A floating time (no zone) is already local; others are converted."""
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
