"""`almanac events import`: calendar files as four applications write them, and public holidays."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.calendar_model import build_calendar
from generator.checking import parse_today
from generator.cli import main
from generator.content import load_workspace
from generator.events.public_holidays import public_holidays

CALENDARS = Path(__file__).parent / "fixtures" / "calendars"
WINDOW = ["--from", "2026-11-01", "--until", "2027-12-31"]


def run_import(ws: Path, name: str, *extra: str) -> int:
    return main(["-w", str(ws), "events", "import", str(CALENDARS / name), *WINDOW, *extra])


def events_in(path: Path) -> list[dict[str, object]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["events"])


def summary(path: Path) -> list[tuple[str, str | None, str | None, str]]:
    return [
        (str(e["date"]), e.get("end") and str(e["end"]), e.get("time"), str(e["title"]))  # type: ignore[misc]
        for e in events_in(path)
    ]


def test_google_recurrence_with_exception_and_moved_instance(example_ws: Path) -> None:
    assert run_import(example_ws, "google.ics", "--kind", "meeting") == 0
    path = example_ws / "content" / "_events" / "salons-evenements-maree-haute.yml"
    assert summary(path) == [
        ("2026-12-04", None, "08:30", "Point vitrine & fournées"),
        ("2026-12-05", "2026-12-08", None, "Fête des Lumières (Lyon)"),  # DTEND is exclusive
        ("2026-12-11", None, "14:00", "Point vitrine & fournées (décalé l'après-midi)"),
        # 18 December is an EXDATE; the 25th is the fourth of COUNT=4
        ("2026-12-25", None, "08:30", "Point vitrine & fournées"),
    ]
    first = events_in(path)[0]
    # an escaped comma and a folded line (over 75 octets) come back whole
    assert first["location"] == "Fournil des Halles, 102 cours Lafayette, 69003 Lyon"
    assert first["kind"] == "meeting"


def test_outlook_windows_zone_and_all_day(example_ws: Path) -> None:
    assert run_import(example_ws, "outlook.ics", "--name", "salons") == 0
    assert summary(example_ws / "content" / "_events" / "salons.yml") == [
        ("2026-12-25", None, None, "Fermeture — Noël"),
        ("2027-01-20", "2027-01-22", "09:00", "Sirha Lyon 2027 (salon)"),
    ]


def test_apple_client_events_in_the_clients_zone(example_ws: Path) -> None:
    code = run_import(example_ws, "apple.ics", "--client", "northwind-outdoor", "--kind", "launch")
    assert code == 0
    path = example_ws / "content" / "northwind-outdoor" / "events" / "northwind-launches.yml"
    # 18:00 in London stays 18:00 for a London client; the yearly rule stops at COUNT=2 (2028)
    assert summary(path) == [
        ("2027-01-29", None, None, "Kendal Mountain Festival film night"),
        ("2027-03-04", None, "18:00", "Trail Shell launch — Keswick store"),
    ]
    ws, problems = load_workspace(example_ws)
    assert not [p for p in problems.items if "events" in p.path]
    titles = {e.title for e in ws.clients["northwind-outdoor"].events}
    assert "Trail Shell launch — Keswick store" in titles
    assert not titles & {e.title for e in ws.clients["fournil-des-halles"].events}


def test_thunderbird_other_zone_moves_the_local_day(example_ws: Path) -> None:
    assert run_import(example_ws, "thunderbird.ics") == 0
    rows = summary(example_ws / "content" / "_events" / "thunderbird.yml")
    # 19:00 in New York on 9 December is 01:00 on the 10th in Paris
    assert rows[0] == ("2026-12-10", None, "01:00", "Outdoor Retailer webinar (New York time)")
    assert rows[1] == ("2027-06-03", None, None, "Journée mondiale du vélo")


def test_reimport_is_idempotent_and_keeps_hand_set_flags(
    example_ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_import(example_ws, "outlook.ics", "--name", "salons") == 0
    path = example_ws / "content" / "_events" / "salons.yml"
    text = path.read_text(encoding="utf-8").replace(
        "  kind: other\n", "  kind: fair\n  blackout: true\n", 1
    )
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    capsys.readouterr()
    assert run_import(example_ws, "outlook.ics", "--name", "salons") == 0
    assert "unchanged" in capsys.readouterr().out
    assert path.read_bytes() == before


BROKEN = {
    "no end": (lambda t: t.replace("END:VCALENDAR\r\n", ""), "ends before END:VCALENDAR", None),
    "garbage line": (
        lambda t: t.replace("SUMMARY:Fête", "this is not a property\r\nSUMMARY:Fête"),
        "is not an iCalendar line",
        "this is not a property",
    ),
    "bad start": (
        lambda t: t.replace("DTSTART;VALUE=DATE:20261205", "DTSTART;VALUE=DATE:2026-12-XX"),
        "DTSTART",
        "DTSTART;VALUE=DATE:2026-12-XX",
    ),
    "not a calendar": (lambda t: "Subject: hello\r\n" + t, "starts with BEGIN:VCALENDAR", None),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_files_are_refused_at_their_line(
    example_ws: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    change, message, line_text = BROKEN[name]
    broken = tmp_path / "broken.ics"
    text = change((CALENDARS / "google.ics").read_bytes().decode("utf-8"))
    broken.write_bytes(text.encode("utf-8"))
    events_dir = example_ws / "content" / "_events"
    before = sorted(p.name for p in events_dir.iterdir())
    code = main(["-w", str(example_ws), "events", "import", str(broken), *WINDOW])
    err = capsys.readouterr().err
    assert code == 1 and message in err and "Traceback" not in err
    lines = text.split("\r\n")
    expected = (
        lines.index(line_text) + 1 if line_text else (len(lines) - 1 if name == "no end" else 1)
    )
    assert f"broken.ics:{expected}:" in err
    assert sorted(p.name for p in events_dir.iterdir()) == before


def test_non_utf8_is_refused_at_its_line(
    example_ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "latin1.ics"
    broken.write_bytes(
        (CALENDARS / "outlook.ics").read_bytes().replace("Noël".encode(), "Noël".encode("latin-1"))
    )
    assert main(["-w", str(example_ws), "events", "import", str(broken), *WINDOW]) == 1
    err = capsys.readouterr().err
    assert "not UTF-8" in err and "latin1.ics:" in err


def test_french_holidays_include_the_moving_feasts() -> None:
    days = dict(public_holidays("FR", None, range(2027, 2028), "fr"))
    # Easter 2027 is 28 March: Easter Monday, Ascension (+39 days), Whit Monday (+50 days)
    assert days[date(2027, 3, 29)] == "Lundi de Pâques"
    assert days[date(2027, 5, 6)] == "Ascension"
    assert days[date(2027, 5, 17)] == "Lundi de Pentecôte"
    assert len(days) == 11


def test_the_uk_nations_differ() -> None:
    scotland = dict(public_holidays("GB", "SCT", range(2027, 2028), "en"))
    england = dict(public_holidays("GB", "ENG", range(2027, 2028), "en"))
    assert date(2027, 1, 2) not in england and date(2027, 1, 4) in scotland  # 2 Jan, observed
    assert any("Andrew" in name for name in scotland.values())
    assert date(2027, 3, 29) in england and date(2027, 3, 29) not in scotland  # Easter Monday


def test_holidays_show_on_the_clients_calendar_only(example_ws: Path) -> None:
    ws, problems = load_workspace(example_ws)
    assert not [p for p in problems.items if p.path.endswith("client.yml")]
    model = build_calendar(ws, parse_today("2026-11-25"), [])
    cells = {
        cal.client.slug: {cell.day: cell.events for m in cal.months for w in m.weeks for cell in w}
        for cal in model.clients
    }
    fournil, northwind = cells["fournil-des-halles"], cells["northwind-outdoor"]
    assert "Armistice" in fournil[date(2026, 11, 11)]
    assert "Armistice" not in northwind[date(2026, 11, 11)]
    assert "Boxing Day (observed)" in northwind[date(2026, 12, 28)]
    assert "Boxing Day (observed)" not in fournil[date(2026, 12, 28)]
    # a client's own event is on its calendar only
    assert "Atelier fermé (fêtes)" in cells["atelier-velo"][date(2026, 12, 25)]
    assert "Atelier fermé (fêtes)" not in fournil[date(2026, 12, 25)]


@pytest.mark.parametrize(
    "fields,message",
    [
        ("country: XX\n", "not a country code"),
        ("country: GB\nregion: ZZZ\n", "is not a region of GB"),
        ("region: SCT\n", "needs its `country:`"),
    ],
)
def test_bad_country_or_region_is_refused_at_its_line(
    example_ws: Path, fields: str, message: str
) -> None:
    client_yml = example_ws / "content" / "northwind-outdoor" / "client.yml"
    text = client_yml.read_text(encoding="utf-8").replace("country: GB\nregion: ENG\n", "")
    client_yml.write_text(text + fields, encoding="utf-8")
    _, problems = load_workspace(example_ws)
    found = [p for p in problems.items if p.path.endswith("northwind-outdoor/client.yml")]
    assert found and message in found[0].message
    last = len(text.splitlines()) + len(fields.splitlines())
    assert found[0].line == last
