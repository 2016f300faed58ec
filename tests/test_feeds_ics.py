"""iCalendar feeds: strict parsing, raw RFC 5545 constraints, DST, privacy, determinism."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from test_feeds_support import SECRETS, check_raw_ics, load_client, make_workspace, unfold

from generator.content.model import ClientData, Workspace
from generator.feeds import render_ics
from generator.feeds.ics_event import FeedEvent, build_calendar, clean_text
from generator.feeds.vtimezone import build_vtimezone

Loaded = tuple[Workspace, ClientData]


@pytest.fixture
def loaded(tmp_path: Path) -> Loaded:
    return load_client(make_workspace(tmp_path))


def parse_strict(text: str) -> icalendar.Calendar:
    """Parse and fail on any property the parser could only keep as broken."""
    calendar = icalendar.Calendar.from_ical(text)
    for component in calendar.walk():
        assert not component.errors, (component.name, component.errors)
    return calendar


def events_of(text: str) -> dict[str, icalendar.Event]:
    calendar = parse_strict(text)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_feed_parses_strictly_with_calendar_properties(loaded: Loaded) -> None:
    ws, client = loaded
    text = render_ics(ws, client)
    calendar = parse_strict(text)
    assert calendar["VERSION"] == "2.0"
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert str(calendar["PRODID"]).startswith("-//Almanac//")
    assert calendar["X-WR-CALNAME"] == "Maison Test"
    assert calendar["X-WR-TIMEZONE"] == "Europe/Paris"
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Paris"]


def test_raw_lines_are_folded_crlf_and_unfold_to_the_text(loaded: Loaded) -> None:
    ws, client = loaded
    text = render_ics(ws, client)
    check_raw_ics(text)
    assert "\r\n " in text  # the long accented caption had to be folded
    unfolded = unfold(text)
    assert "DESCRIPTION:Éé àà ùù — une légende longue" in unfolded
    description = events_of(text)["maison/post/2026-10-24-avant-dst@almanac"]["DESCRIPTION"]
    assert "éprouver le pliage UTF-8 : ééééééééééé" in description


def test_one_event_per_item_with_stable_unique_uids(loaded: Loaded) -> None:
    ws, client = loaded
    first, second = render_ics(ws, client), render_ics(ws, client)
    assert first == second
    uids = [line for line in unfold(first).split("\r\n") if line.startswith("UID:")]
    assert len(uids) == len(set(uids))
    assert set(events_of(first)) == {
        "maison/post/2026-10-24-avant-dst@almanac",
        "maison/post/2026-10-26-apres-dst@almanac",
        "maison/post/2026-11-02-formule@almanac",
        "maison/post/2026-11-03-mention@almanac",
        "maison/post/2026-11-04-brouillon@almanac",
        "maison/post/2026-11-05-annule@almanac",
        "maison/contest/grand-concours@almanac",
        "maison/contest/grand-concours/draw@almanac",
        "maison/contest/grand-concours/announce@almanac",
        "maison/curated/article-levain@almanac",
    }


def test_uids_and_stamp_are_stable_across_loads(tmp_path: Path) -> None:
    one = render_ics(*load_client(make_workspace(tmp_path / "a")))
    two = render_ics(*load_client(make_workspace(tmp_path / "b")))
    assert one == two


def test_dtstart_is_zone_aware_and_right_in_utc_across_dst(loaded: Loaded) -> None:
    ws, client = loaded
    events = events_of(render_ics(ws, client))
    after = events["maison/post/2026-10-26-apres-dst@almanac"]["DTSTART"]
    before = events["maison/post/2026-10-24-avant-dst@almanac"]["DTSTART"]
    assert after.params["TZID"] == "Europe/Paris"
    assert after.dt.tzinfo is not None
    assert after.dt.astimezone(UTC) == datetime(2026, 10, 26, 8, 0, tzinfo=UTC)
    assert before.dt.astimezone(UTC) == datetime(2026, 10, 24, 7, 0, tzinfo=UTC)
    # a time written with an offset lands at the same instant, shown in the client's zone
    cancelled = events["maison/post/2026-11-05-annule@almanac"]["DTSTART"].dt
    assert cancelled.astimezone(UTC) == datetime(2026, 11, 5, 12, 0, tzinfo=UTC)
    assert "DTSTART;TZID=Europe/Paris:20261105T130000" in render_ics(ws, client)


def zone_calendar(zone_name: str, years: range) -> str:
    """A calendar holding only the VTIMEZONE Almanac writes for `zone_name` over `years`."""
    calendar = icalendar.Calendar()
    calendar.add("VERSION", "2.0")
    calendar.add("PRODID", "-//t//t//EN")
    calendar.add_component(build_vtimezone(zone_name, years))
    return calendar.to_ical().decode()


def test_vtimezone_offsets_follow_the_zone_rules() -> None:
    zone = build_vtimezone("Europe/Paris", range(2025, 2027)).to_ical().decode()
    # RFC 5545 3.6.5: an observance starts at the wall time of the offset it leaves (02:00
    # for summer time in Paris, 03:00 for winter time), and recurs by a yearly rule
    assert (
        "BEGIN:DAYLIGHT\r\nDTSTART:20250330T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"
        in zone
    )
    assert "DTSTART:20251026T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in zone
    assert "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100" in zone
    assert "COMMENT" not in zone and "RDATE" not in zone
    tokyo = build_vtimezone("Asia/Tokyo", range(2025, 2027)).to_ical().decode()
    assert "TZOFFSETTO:+0900" in tokyo and "BEGIN:DAYLIGHT" not in tokyo


def test_vtimezone_resolves_times_like_zoneinfo_in_the_strict_parser() -> None:
    calendar = icalendar.Calendar.from_ical(zone_calendar("America/New_York", range(2025, 2027)))
    zone = calendar.walk("VTIMEZONE")[0].to_tz()
    summer = datetime(2026, 7, 1, 12, 0, tzinfo=zone)
    winter = datetime(2026, 12, 1, 12, 0, tzinfo=zone)
    assert summer.utcoffset().total_seconds() == -4 * 3600  # type: ignore[union-attr]
    assert winter.utcoffset().total_seconds() == -5 * 3600  # type: ignore[union-attr]


def test_status_and_categories(loaded: Loaded) -> None:
    ws, client = loaded
    events = events_of(render_ics(ws, client))
    status = {uid.split("/")[2].split("@")[0]: str(e["STATUS"]) for uid, e in events.items()}
    assert status["2026-11-05-annule"] == "CANCELLED"
    assert status["2026-11-04-brouillon"] == "TENTATIVE"
    assert status["2026-10-26-apres-dst"] == "CONFIRMED"
    assert status["article-levain"] == "CONFIRMED"
    categories = events["maison/post/2026-10-26-apres-dst@almanac"]["CATEGORIES"]
    assert list(categories.cats) == ["promo", "automne, 2026", "pain;levain"]


def test_text_escaping_round_trips(loaded: Loaded) -> None:
    ws, client = loaded
    text = render_ics(ws, client)
    event = events_of(text)["maison/post/2026-10-26-apres-dst@almanac"]
    assert str(event["SUMMARY"]) == (
        "Après le changement d'heure, pain; levain, \\ fin (Instagram, Facebook)"
    )
    assert str(event["DESCRIPTION"]).startswith("Bonjour, le pain; c'est \\ bon\ndeuxième ligne")
    raw = unfold(text)
    assert "SUMMARY:Après le changement d'heure\\, pain\\; levain\\, \\\\ fin" in raw
    assert icalendar.vText(clean_text("a,b;c\\d\r\ne\x07")).to_ical() == b"a\\,b\\;c\\\\d\\ne"


def test_fold_never_splits_a_character() -> None:
    moment = datetime(2026, 10, 26, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))
    description = "é" * 100 + "😀" * 30
    event = FeedEvent("u@almanac", moment, moment, "s", description, "CONFIRMED")
    text = build_calendar({}, "Europe/Paris", [event]).decode()
    check_raw_ics(text)
    assert "\r\nDESCRIPTION:" + description + "\r\n" in unfold(text)


def test_no_internal_note_or_comment_in_any_feed(loaded: Loaded) -> None:
    ws, client = loaded
    for platform in (None, "instagram", "facebook", "x"):
        text = unfold(render_ics(ws, client, platform))
        for secret in SECRETS:
            assert secret not in text
        assert "<!--" not in text


def test_network_feed_keeps_its_items_with_distinct_uids(loaded: Loaded) -> None:
    ws, client = loaded
    text = render_ics(ws, client, "facebook")
    calendar = parse_strict(text)
    check_raw_ics(text)
    assert calendar["X-WR-CALNAME"] == "Maison Test · Facebook"
    events = events_of(text)
    assert set(events) == {
        "maison/post/2026-10-26-apres-dst/facebook@almanac",
        "maison/post/2026-11-05-annule/facebook@almanac",
        "maison/curated/article-levain/facebook@almanac",
    }
    event = events["maison/post/2026-10-26-apres-dst/facebook@almanac"]
    assert str(event["SUMMARY"]).endswith("(Facebook)")
    assert str(event["DESCRIPTION"]).startswith("Sur Facebook, virgule; point-virgule \\ antislash")


def test_contest_has_its_window_draw_and_announcement(loaded: Loaded) -> None:
    ws, client = loaded
    events = events_of(render_ics(ws, client, "instagram"))
    contest = events["maison/contest/grand-concours/instagram@almanac"]
    assert contest["DTSTART"].dt.astimezone(UTC) == datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
    assert contest["DTEND"].dt.astimezone(UTC) == datetime(2026, 11, 20, 22, 59, tzinfo=UTC)
    draw = events["maison/contest/grand-concours/instagram/draw@almanac"]
    assert str(draw["SUMMARY"]).startswith("Tirage au sort: Grand concours")
    assert "Un panier garni" in str(draw["DESCRIPTION"])
    assert "maison/contest/grand-concours/instagram/announce@almanac" in events


def test_events_are_sorted_and_carry_the_site_url(loaded: Loaded) -> None:
    ws, client = loaded
    text = render_ics(ws, client)
    calendar = icalendar.Calendar.from_ical(text)
    starts = [e["DTSTART"].dt.astimezone(UTC) for e in calendar.walk("VEVENT")]
    assert starts == sorted(starts)
    assert all(str(e["URL"]) == "https://example.org/plan/maison/" for e in calendar.walk("VEVENT"))
    custom = render_ics(ws, client, url_for=lambda item: f"https://x.example/{item.slug}/")
    assert "URL:https://x.example/grand-concours/" in unfold(custom)
    hostile = render_ics(ws, client, url_for=lambda item: "javascript:alert(1)")
    assert "javascript:" not in hostile and "URL:" not in hostile


def test_dtstamp_is_deterministic_and_honours_source_date_epoch(
    loaded: Loaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, client = loaded
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    stamps = {str(e["DTSTAMP"].dt) for e in events_of(render_ics(ws, client)).values()}
    assert len(stamps) == 1
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    event = next(iter(events_of(render_ics(ws, client)).values()))
    assert event["DTSTAMP"].dt == datetime.fromtimestamp(1790000000, tz=UTC)


@pytest.mark.parametrize(
    "zone_name, years",
    [
        ("Europe/London", range(2025, 2028)),
        ("Australia/Sydney", range(2025, 2028)),
        ("Australia/Lord_Howe", range(2025, 2027)),  # 30-minute DST
        ("America/Sao_Paulo", range(2015, 2022)),  # DST abolished in 2019
        ("Europe/Istanbul", range(2015, 2019)),  # permanent summer time from 2016
        ("Europe/Moscow", range(2009, 2016)),  # permanent +04 in 2011, back to +03 in 2014
        ("Asia/Kolkata", range(2025, 2027)),  # no DST at all
    ],
)
def test_vtimezone_matches_zoneinfo_all_year(zone_name: str, years: range) -> None:
    zone = parse_strict(zone_calendar(zone_name, years)).walk("VTIMEZONE")[0].to_tz()
    real = ZoneInfo(zone_name)
    moment = datetime(years.start, 1, 1, 12)
    while moment.year < years.stop:
        assert moment.replace(tzinfo=zone).utcoffset() == moment.replace(tzinfo=real).utcoffset(), (
            moment
        )
        moment += timedelta(hours=11)
