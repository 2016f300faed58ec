"""One feed event, decided, and how icalendar writes it (and the calendar around it)."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

from generator.feeds.vtimezone import build_vtimezone
from generator.sanitise import plain_text

PRODID = "-//Almanac//Almanac editorial calendar//EN"
# TEXT may not hold control characters other than tab and newline (RFC 5545 3.3.11)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class FeedEvent:
    """One VEVENT, already decided: texts are plain (the library escapes them on output).

    A timed event has aware datetimes; an all-day one has dates, `end` being the day after
    the last (RFC 5545's exclusive DTEND), as every calendar application writes them.
    """

    uid: str
    start: datetime | date
    end: datetime | date
    summary: str
    description: str
    status: str
    categories: list[str] = field(default_factory=list)
    url: str | None = None

    @property
    def instant(self) -> datetime:
        """Its start as a UTC instant, for sorting timed and all-day events together."""
        if isinstance(self.start, datetime):
            return self.start.astimezone(UTC)
        return datetime.combine(self.start, datetime.min.time(), UTC)


def clean_text(value: str) -> str:
    """Plain text without markup or the control characters a TEXT value may not hold."""
    text = plain_text(value).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", text)


def feed_stamp(events: list[FeedEvent]) -> datetime:
    """DTSTAMP: SOURCE_DATE_EPOCH when set, else derived from the content (never the clock)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    digest = hashlib.sha256()
    for event in events:
        digest.update(f"{event.uid}|{event.instant:%Y%m%dT%H%M%SZ}|{event.status}".encode())
    # a fixed base plus a content-derived number of seconds: stable, and moves when plans do
    base = datetime(2000, 1, 1, tzinfo=UTC)
    return base + timedelta(seconds=int(digest.hexdigest()[:8], 16))


def build_calendar(headers: dict[str, str], zone_name: str, events: list[FeedEvent]) -> bytes:
    """The whole VCALENDAR: headers, the zone's VTIMEZONE when needed, then the events."""
    calendar = icalendar.Calendar()
    calendar.add("VERSION", "2.0")
    calendar.add("PRODID", PRODID)
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    for name, value in headers.items():
        calendar.add(name, clean_text(value))
    calendar.add("X-WR-TIMEZONE", zone_name)
    timed = [e.start for e in events if isinstance(e.start, datetime)]
    if timed:
        zone = ZoneInfo(zone_name)
        years = [moment.astimezone(zone).year for moment in timed]
        calendar.add_component(build_vtimezone(zone_name, range(min(years) - 1, max(years) + 1)))
    stamp = feed_stamp(events)
    for event in events:
        calendar.add_component(build_vevent(event, zone_name, stamp))
    return calendar.to_ical()


def build_vevent(event: FeedEvent, zone_name: str, stamp: datetime) -> icalendar.Event:
    """One VEVENT; a timed one in the client's zone (TZID), an all-day one as VALUE=DATE."""
    vevent = icalendar.Event()
    vevent.add("UID", event.uid)
    vevent.add("DTSTAMP", stamp)
    if isinstance(event.start, datetime) and isinstance(event.end, datetime):
        zone = ZoneInfo(zone_name)
        vevent.add("DTSTART", event.start.astimezone(zone))
        vevent.add("DTEND", event.end.astimezone(zone))
    else:
        vevent.add("DTSTART", event.start)
        vevent.add("DTEND", event.end)
    # captions are plain text on every network, and some calendar apps render HTML here
    vevent.add("SUMMARY", clean_text(event.summary))
    if event.description:
        vevent.add("DESCRIPTION", clean_text(event.description))
    vevent.add("STATUS", event.status)
    if event.categories:
        vevent.add("CATEGORIES", [clean_text(c) for c in event.categories])
    if event.url:
        vevent.add("URL", event.url)
    vevent.add("TRANSP", "TRANSPARENT")  # a plan, not a meeting: never shows the team as busy
    return vevent
