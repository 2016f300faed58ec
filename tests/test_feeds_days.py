"""The calendar's days in the feeds: agency events, a client's own, imported ones, holidays."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events
from test_feeds_support import check_raw_ics, load_client, make_workspace, unfold, write

from generator.content.model import ClientData, Workspace
from generator.events.ics_read import expand, read_calendar
from generator.feeds import render_ics

AGENCY_EVENTS = """\
    events:
      - date: 2026-11-14
        end: 2026-11-16
        title: Salon du Vélo, Nantes; hall 3
        kind: fair
        location: Parc des expositions
      - date: 2026-11-19
        time: '18:30'
        title: Soirée Beaujolais
        kind: meeting
      - date: 2026-10-25
        title: Passage à l'heure d'hiver
    """
IMPORTED = """\
    source: Fêtes.ics
    events:
      - date: 2026-12-05
        title: Fête des Lumières
        kind: awareness
        uid: 6f1c@google.com/2026-12-05
    """

Loaded = tuple[Workspace, ClientData]


@pytest.fixture
def loaded(tmp_path: Path) -> Loaded:
    root = make_workspace(tmp_path)
    write(root / "content" / "_events" / "agence.yml", AGENCY_EVENTS)
    write(root / "content" / "maison" / "events" / "fetes.yml", IMPORTED)
    client_yml = root / "content" / "maison" / "client.yml"
    client_yml.write_text(client_yml.read_text() + "country: FR\n", encoding="utf-8")
    return load_client(root)


def vevents(text: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    for component in calendar.walk():
        assert not component.errors, (component.name, component.errors)
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def test_all_day_events_are_dates_with_the_day_after_as_end(loaded: Loaded) -> None:
    text = render_ics(*loaded)
    check_raw_ics(text)
    fair = vevents(text)["Salon du Vélo, Nantes; hall 3"]
    assert fair["DTSTART"].dt == date(2026, 11, 14) and fair["DTEND"].dt == date(2026, 11, 17)
    raw = unfold(text)
    # what Google, Apple and Outlook write for an all-day event: VALUE=DATE, no TZID
    assert "DTSTART;VALUE=DATE:20261114\r\nDTEND;VALUE=DATE:20261117\r\n" in raw
    assert "SUMMARY:Salon du Vélo\\, Nantes\\; hall 3\r\n" in raw
    assert str(fair["DESCRIPTION"]) == "Salon · Parc des expositions"
    assert list(fair["CATEGORIES"].cats) == ["Salon"]
    assert str(fair["TRANSP"]) == "TRANSPARENT"


def test_timed_event_is_in_the_clients_zone(loaded: Loaded) -> None:
    text = render_ics(*loaded)
    evening = vevents(text)["Soirée Beaujolais"]
    assert evening["DTSTART"].params["TZID"] == "Europe/Paris"
    assert evening["DTSTART"].dt.astimezone(UTC) == datetime(2026, 11, 19, 17, 30, tzinfo=UTC)
    assert (evening["DTEND"].dt - evening["DTSTART"].dt).total_seconds() == 3600


def test_public_holidays_and_imported_events_keep_stable_uids(loaded: Loaded) -> None:
    ws, client = loaded
    events = vevents(render_ics(ws, client))
    armistice = events["Armistice"]
    assert str(armistice["UID"]) == "maison/holiday/2026-11-11@almanac"
    assert armistice["DTSTART"].dt == date(2026, 11, 11)
    assert list(armistice["CATEGORIES"].cats) == ["Jour férié"]
    lights = str(events["Fête des Lumières"]["UID"])
    assert lights.startswith("maison/event/") and lights.endswith("@almanac")
    assert render_ics(ws, client) == render_ics(ws, client)


def test_a_networks_feed_holds_only_what_goes_out_on_it(loaded: Loaded) -> None:
    summaries = set(vevents(render_ics(*loaded, "instagram")))
    assert "Armistice" not in summaries and "Soirée Beaujolais" not in summaries
    assert any(s.endswith("(Instagram)") for s in summaries)


def test_events_sort_among_the_items_by_day(loaded: Loaded) -> None:
    calendar = icalendar.Calendar.from_ical(render_ics(*loaded))
    days = []
    for event in calendar.walk("VEVENT"):
        start = event["DTSTART"].dt
        days.append(start if not isinstance(start, datetime) else start.astimezone(UTC).date())
    assert days == sorted(days)


def test_a_calendar_app_sees_each_day_of_a_feed_event(loaded: Loaded) -> None:
    calendar = icalendar.Calendar.from_ical(render_ics(*loaded))

    def titles_on(day: date) -> set[str]:
        return {str(e["SUMMARY"]) for e in recurring_ical_events.of(calendar).at(day)}

    assert "Salon du Vélo, Nantes; hall 3" in titles_on(date(2026, 11, 16))
    assert "Salon du Vélo, Nantes; hall 3" not in titles_on(date(2026, 11, 17))


def test_almanacs_own_importer_reads_the_feed_back(loaded: Loaded, tmp_path: Path) -> None:
    """One library writes and reads: a feed imported by `almanac events import` keeps its days."""
    path = tmp_path / "feed.ics"
    path.write_bytes(render_ics(*loaded).encode("utf-8"))
    calendar, name = read_calendar(path)
    assert name == "Maison Test"
    events = {
        e.title: e
        for e in expand(calendar, date(2026, 10, 1), date(2026, 12, 31), "Europe/Paris", path)
    }
    fair = events["Salon du Vélo, Nantes; hall 3"]
    assert (fair.day, fair.end, fair.time) == (date(2026, 11, 14), date(2026, 11, 16), None)
    assert events["Soirée Beaujolais"].time == "18:30"
