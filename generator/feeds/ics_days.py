"""The calendar's days in a client's feed: the agency's events, the client's own, its holidays."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from generator.content.model import AgencyEvent, ClientData, Workspace
from generator.feeds.ics_event import FeedEvent
from generator.vocabulary import word

EVENT_MINUTES = 60  # an event with a start time and no end: an hour, as calendar apps default


def day_events(workspace: Workspace, client: ClientData) -> list[FeedEvent]:
    """Every event on the client's calendar: the agency's, its own, its public holidays."""
    events = [*workspace.events, *client.events]
    return [day_event(event, client) for event in events]


def event_uid(event: AgencyEvent, client: ClientData) -> str:
    """Stable across builds: a holiday by its day, an imported event by its calendar's uid,
    others by their file, day and title (editing the event makes it a new one)."""
    if event.kind == "holiday" and not event.rel:  # computed: one per day (names are merged)
        return f"{client.slug}/holiday/{event.day}@almanac"
    key = event.uid or f"{event.rel}|{event.day}|{event.title}"
    return f"{client.slug}/event/{hashlib.sha256(key.encode()).hexdigest()[:16]}@almanac"


def day_event(event: AgencyEvent, client: ClientData) -> FeedEvent:
    """All day (DATE values, DTEND the day after the last) unless the event has a time."""
    first = date.fromisoformat(event.day)
    last = date.fromisoformat(event.end) if event.end else first
    start: datetime | date = first
    end: datetime | date = last + timedelta(days=1)
    if event.time is not None and last == first:
        hours, minutes = (int(part) for part in event.time.split(":"))
        start = datetime.combine(first, time(hours, minutes), ZoneInfo(client.timezone))
        end = start + timedelta(minutes=EVENT_MINUTES)
    kind = word(f"event_kind.{event.kind}", client.locale)
    details = [kind, event.location or ""]
    if event.time is not None and last != first:
        details.append(event.time)  # several days from a start time: all day, time in words
    return FeedEvent(
        uid=event_uid(event, client),
        start=start,
        end=end,
        summary=event.title,
        description=" · ".join(d for d in details if d),
        status="CONFIRMED",
        categories=[kind],
    )
