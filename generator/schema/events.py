"""Schema of agency-wide events (`content/_events/*.yml`): holidays, fairs, launches."""

from __future__ import annotations

from generator.schema.common import Day, Strict, Text, doc


class Event(Strict):
    """One agency-wide date shown on every client's calendar."""

    date: Day = doc("First day, YYYY-MM-DD.")
    title: Text = doc("What happens.")
    end: Day | None = doc("Last day, for events over several days.", default=None)


class EventList(Strict):
    """A file of agency-wide events."""

    events: list[Event] = doc("The events.", default_factory=list)
