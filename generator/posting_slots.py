"""Choosing when a new post goes out: the client's next free posting window.

`almanac new post` used to default to "tomorrow 12:30", which `workflow.review-due` flags at
once (reviewers need `review_lead_hours`) and which is often outside every posting window. A
slot here is the start of a posting window (`windows:` in client.yml) that is:

- at least a day to write it plus the review lead time after today, so the post is not due
  for review the moment it is created;
- inside the windows of every chosen network that has windows;
- not on a blackout day, and free: no other live post on those networks within the network's
  `min_gap_hours` (or in the same window when no gap is set), and the week's `max_per_week`
  not reached.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from generator.content.model import ClientData, Item
from generator.schema.client import Account
from generator.schema.common import CuratedStatus, Platform, Status, parse_clock

DEFAULT_START = time(12, 30)  # when no chosen network has posting windows
SEARCH_DAYS = 120
WRITING_TIME = timedelta(days=1)  # an idea needs writing before the reviewers' lead time starts


def window_bounds(account: Account | None) -> list[tuple[time, time]]:
    """A network's posting windows as (start, end) clock times, in order."""
    if account is None:
        return []
    pairs = [(parse_clock(w.split("-")[0]), parse_clock(w.split("-")[1])) for w in account.windows]
    return sorted(pairs)


def slot_starts(client: ClientData, platforms: list[str]) -> list[time]:
    """Window starts that fall inside the windows of every chosen network that has any."""
    bounds = [window_bounds(client.config.platforms.get(Platform(p))) for p in platforms]
    bounds = [b for b in bounds if b]
    if not bounds:
        return [DEFAULT_START]
    starts = sorted({start for windows in bounds for start, _ in windows})
    shared = [t for t in starts if all(any(a <= t <= b for a, b in w) for w in bounds)]
    return shared or [start for start, _ in bounds[0]]


def is_live_post(item: Item) -> bool:
    """An item that goes out on the networks as itself (the kind registry's `posted`)."""
    return item.spec.posted and item.meta.status not in (
        Status.CANCELLED,
        CuratedStatus.REJECTED,
    )


def is_free(client: ClientData, platforms: list[str], moment: datetime, zone: ZoneInfo) -> bool:
    """No clash with the client's other posts on these networks at `moment`."""
    if moment.astimezone(zone).date() in {b.date for b in client.config.blackout}:
        return False
    posts = [i for i in client.items if is_live_post(i) and i.when is not None]
    for name in platforms:
        account = client.config.platforms.get(Platform(name))
        cadence = account.cadence if account else None
        gap = timedelta(hours=cadence.min_gap_hours or 0) if cadence else timedelta(0)
        same = [i.when for i in posts if name in i.platforms and i.when is not None]
        if any(abs(other - moment) <= gap for other in same) or moment in same:
            return False
        if any(same_window(other, moment, account, zone) for other in same):
            return False
        if cadence and cadence.max_per_week is not None:
            week = moment.astimezone(zone).isocalendar()[:2]
            if sum(o.astimezone(zone).isocalendar()[:2] == week for o in same) >= (
                cadence.max_per_week
            ):
                return False
    return True


def same_window(other: datetime, moment: datetime, account: Account | None, zone: ZoneInfo) -> bool:
    """Both moments in the same posting window of the same day (where the client is)."""
    a, b = other.astimezone(zone), moment.astimezone(zone)
    if a.date() != b.date():
        return False
    return any(lo <= a.time() <= hi and lo <= b.time() <= hi for lo, hi in window_bounds(account))


def candidates(day: date, starts: list[time], zone: ZoneInfo) -> Iterator[datetime]:
    """The day's slots, aware; a start that DST skips on that day is left out."""
    for start in starts:
        moment = datetime.combine(day, start, tzinfo=zone)
        if moment.astimezone(ZoneInfo("UTC")).astimezone(zone).time() == start:
            yield moment


def next_free_slot(
    client: ClientData, platforms: list[str], zone_name: str, today: datetime
) -> datetime:
    """The first free slot a day plus the review lead time after `today` (naive, local)."""
    zone = ZoneInfo(zone_name)
    earliest = today + WRITING_TIME + timedelta(hours=client.config.review_lead_hours)
    starts = slot_starts(client, platforms)
    first_day = earliest.astimezone(zone).date()
    fallback: datetime | None = None
    for offset in range(SEARCH_DAYS):
        for moment in candidates(first_day + timedelta(days=offset), starts, zone):
            if moment < earliest:
                continue
            fallback = fallback or moment
            if is_free(client, platforms, moment, zone):
                return moment.replace(tzinfo=None)
    assert fallback is not None  # every day has at least one start that exists
    return fallback.replace(tzinfo=None)


def first_slot_of_day(
    client: ClientData, platforms: list[str], zone_name: str, day: date
) -> datetime:
    """`--at DAY`: the day's first free slot, else its first slot (naive, local)."""
    zone = ZoneInfo(zone_name)
    slots = list(candidates(day, slot_starts(client, platforms), zone))
    free = [m for m in slots if is_free(client, platforms, m, zone)]
    chosen = (free or slots)[0]
    return chosen.replace(tzinfo=None)
