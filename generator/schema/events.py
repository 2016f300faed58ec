"""Schema of events (`content/_events/*.yml` for the agency, `content/<client>/events/*.yml`)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from pydantic import BeforeValidator

from generator.schema.common import Day, Strict, Text, doc, parse_clock


class EventKind(str, Enum):
    """What sort of day it is; the calendar and the rules treat them differently."""

    FAIR = "fair"
    CONGRESS = "congress"
    LAUNCH = "launch"
    AWARENESS = "awareness"
    HOLIDAY = "holiday"
    CLOSURE = "closure"
    MEETING = "meeting"
    OTHER = "other"


def _clock(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("write the time in quotes, e.g. '08:30'")
    return parse_clock(value).strftime("%H:%M")


Clock = Annotated[str, BeforeValidator(_clock)]


class Event(Strict):
    """One dated event shown on the calendars (the agency's: every client's)."""

    date: Day = doc("First day, YYYY-MM-DD.")
    title: Text = doc("What happens.")
    end: Day | None = doc("Last day, for events over several days.", default=None)
    time: Clock | None = doc("Local start time, in quotes ('08:30'); empty: all day.", default=None)
    kind: EventKind = doc(
        "fair, congress, launch, awareness (a day that matters), holiday, closure, meeting, other.",
        default=EventKind.OTHER,
    )
    location: str | None = doc("Where it happens.", default=None)
    blackout: bool = doc(
        "No promotional post on these days (rule `events.promo-on-blackout`).", default=False
    )
    post_expected: bool = doc(
        "A post about it is expected in the days around it (rule `events.no-post`).",
        default=False,
    )
    uid: str | None = doc(
        "Identity in the calendar file it was imported from (written by `almanac events "
        "import`, used to replace it on a new import).",
        default=None,
    )


class EventList(Strict):
    """A file of events."""

    source: str | None = doc(
        "The calendar file the events were imported from, if any.", default=None
    )
    events: list[Event] = doc("The events.", default_factory=list)
