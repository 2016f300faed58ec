"""A VTIMEZONE for a zoneinfo zone, derived from its real transitions in the years spanned.

icalendar can write a VTIMEZONE itself (`Timezone.from_tzid`), but it lists every transition as
an RDATE, adds a "only works from … to …" comment, and dates the start of summer time by the
new wall clock (Paris: 03:00 with TZOFFSETFROM +0100, i.e. 02:00 UTC) where RFC 5545 (3.6.5 and
its examples) dates an observance in the offset it leaves (02:00, i.e. 01:00 UTC, when the
clocks really change). So the transitions are read from zoneinfo here and grouped into yearly
rules, and the library writes the component (offsets, dates, rules, folding).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@dataclass(frozen=True)
class Transition:
    """One change of offset: the local wall time it starts at (in the old offset) and offsets."""

    local_start: datetime
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool


@functools.lru_cache(maxsize=64)  # the same zone and years for every feed of a site build
def find_transitions(zone: ZoneInfo, years: range) -> tuple[Transition, ...]:
    """Every offset change in `years`, found day by day then narrowed to the second."""
    found: list[Transition] = []
    day = datetime(years.start, 1, 1, tzinfo=UTC)
    end = datetime(years.stop, 1, 1, tzinfo=UTC)
    while day < end:
        nxt = day + timedelta(days=1)
        if day.astimezone(zone).utcoffset() != nxt.astimezone(zone).utcoffset():
            found.append(_transition_at(zone, _narrow(zone, day, nxt)))
        day = nxt
    return tuple(found)


def _narrow(zone: ZoneInfo, low: datetime, high: datetime) -> datetime:
    """The first UTC second at which the offset equals the offset at `high`."""
    target = high.astimezone(zone).utcoffset()
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        middle = middle.replace(microsecond=0)
        if middle.astimezone(zone).utcoffset() == target:
            high = middle
        else:
            low = middle
    return high


def _transition_at(zone: ZoneInfo, moment: datetime) -> Transition:
    before = (moment - timedelta(seconds=1)).astimezone(zone)
    after = moment.astimezone(zone)
    offset_from = before.utcoffset() or timedelta(0)
    offset_to = after.utcoffset() or timedelta(0)
    local_start = (moment + offset_from).replace(tzinfo=None)
    return Transition(local_start, offset_from, offset_to, after.tzname() or "", bool(after.dst()))


def yearly_rule(moment: datetime) -> dict[str, object]:
    """The RRULE a transition follows if it recurs: month and nth (or last) weekday."""
    weekday = _WEEKDAYS[moment.weekday()]
    last_day = (moment.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    nth = -1 if moment.day + 7 > last_day.day else (moment.day - 1) // 7 + 1
    return {"FREQ": "YEARLY", "BYMONTH": moment.month, "BYDAY": f"{nth}{weekday}"}


def _rule_key(item: Transition) -> tuple[object, ...]:
    return (
        item.daylight,
        tuple(yearly_rule(item.local_start).items()),
        item.local_start.time(),
        item.offset_from,
        item.offset_to,
        item.name,
    )


def build_vtimezone(zone_name: str, years: range) -> icalendar.Timezone:
    """The VTIMEZONE: one RRULE observance per kind when the rule holds, else one each."""
    zone = ZoneInfo(zone_name)
    transitions = find_transitions(zone, years)
    component = icalendar.Timezone()
    component.add("TZID", zone_name)
    if not transitions:
        component.add_component(_fixed_observance(zone, years.start))
    for group in _group(transitions, years.stop - 1):
        rule = yearly_rule(group[0].local_start) if len(group) > 1 else None
        component.add_component(_observance(group[0], rule))
    return component


def _group(transitions: Sequence[Transition], last_year: int) -> list[list[Transition]]:
    """One group per recurring rule (when every year to the end follows it), else one each.

    A rule that stops before the end of the span (DST abolished) would recur for ever in an
    RRULE without UNTIL, so such transitions are written one by one.
    """
    daylight = [t for t in transitions if t.daylight]
    standard = [t for t in transitions if not t.daylight]
    groups: list[list[Transition]] = []
    for kind in (daylight, standard):
        if (
            kind
            and len({_rule_key(t) for t in kind}) == 1
            and _consecutive(kind)
            and kind[-1].local_start.year == last_year
        ):
            groups.append(kind)
        else:
            groups.extend([t] for t in kind)
    return sorted(groups, key=lambda group: group[0].local_start)


def _consecutive(items: list[Transition]) -> bool:
    years = [t.local_start.year for t in items]
    return years == list(range(years[0], years[0] + len(years)))


def _observance(item: Transition, rule: dict[str, object] | None) -> icalendar.Component:
    """One STANDARD or DAYLIGHT block; DTSTART is the wall time in the offset it leaves."""
    block = icalendar.TimezoneDaylight() if item.daylight else icalendar.TimezoneStandard()
    block.add("DTSTART", item.local_start)
    if rule:
        block.add("RRULE", rule)
    block.add("TZOFFSETFROM", item.offset_from)
    block.add("TZOFFSETTO", item.offset_to)
    if item.name:
        block.add("TZNAME", item.name)
    return block


def _fixed_observance(zone: ZoneInfo, year: int) -> icalendar.Component:
    """A zone without DST in these years: one STANDARD observance from the start of the span."""
    start = datetime(year, 1, 1)
    probe = start.replace(tzinfo=zone)
    offset = probe.utcoffset() or timedelta(0)
    block = icalendar.TimezoneStandard()
    block.add("DTSTART", start)
    block.add("TZOFFSETFROM", offset)
    block.add("TZOFFSETTO", offset)
    if probe.tzname():
        block.add("TZNAME", probe.tzname())
    return block
