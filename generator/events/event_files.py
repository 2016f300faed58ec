"""Writing imported events as a reviewable YAML file of the workspace.

One calendar file becomes one YAML file (`content/_events/<name>.yml`, or the client's `events/`
folder), replaced whole on a new import of the same calendar so that re-importing is idempotent
and the pull request shows what moved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.atomic import write_atomic
from generator.events.ics_read import CalendarEvent
from generator.schema.events import EventKind
from generator.yamlwrite import dump_yaml

HEADER = (
    "# Imported by `almanac events import` from {source}.\n"
    "# A new import of the same calendar replaces this file; `kind`, `blackout` and\n"
    "# `post_expected` set here by hand are kept for events whose uid and day are unchanged.\n"
)


def event_record(
    event: CalendarEvent, kind: EventKind | None, kept: dict[str, Any]
) -> dict[str, Any]:
    """The YAML mapping of one event, with the hand-set fields of its previous import."""
    record: dict[str, Any] = {"date": event.day, "title": event.title}
    if event.end is not None:
        record["end"] = event.end
    if event.time is not None:
        record["time"] = event.time
    record["kind"] = kind.value if kind is not None else kept.get("kind", EventKind.OTHER.value)
    if event.location:
        record["location"] = event.location
    for flag in ("blackout", "post_expected"):
        if kept.get(flag):
            record[flag] = True
    record["uid"] = f"{event.uid}/{event.day.isoformat()}"
    return record


def render_events(
    events: list[CalendarEvent],
    kind: EventKind | None,
    source: str,
    previous: dict[str, dict[str, Any]],
) -> bytes:
    """The whole file: a header saying where it comes from, then the events in day order."""
    records = [
        event_record(e, kind, previous.get(f"{e.uid}/{e.day.isoformat()}", {})) for e in events
    ]
    body = dump_yaml({"source": source, "events": records})
    return (HEADER.format(source=source) + body).encode("utf-8")


def previous_records(path: Path) -> dict[str, dict[str, Any]]:
    """Hand-set fields of the file a previous import wrote, by uid (nothing if none)."""
    from generator.content.loader import read_document
    from generator.problems import ProblemList
    from generator.schema.events import EventList

    if not path.is_file():
        return {}
    doc = read_document(path, path.parent, EventList, ProblemList(), front_matter=False)
    if doc is None:
        return {}
    return {
        e.uid: {"kind": e.kind.value, "blackout": e.blackout, "post_expected": e.post_expected}
        for e in doc.meta.events
        if e.uid
    }


def write_events(path: Path, data: bytes) -> bool:
    """Write the file atomically; False when it already held exactly this."""
    return write_atomic(path, data)
