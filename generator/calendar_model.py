"""The calendar of each client: months of weeks of days holding items, agenda, boards, queues."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from generator.content.kinds import CONTEST, CURATED
from generator.content.model import AgencyEvent, AnyItem, ClientData, Item, MonthNote, Workspace
from generator.months import Month
from generator.problems import Problem
from generator.schema import Contest, Curated
from generator.schema.common import WORKFLOW, CuratedStatus, Status

BOARD_COLUMNS: list[str] = [s.value for s in WORKFLOW] + [Status.CANCELLED.value]
CURATED_ORDER: list[str] = [
    CuratedStatus.CANDIDATE.value,
    CuratedStatus.SELECTED.value,
    CuratedStatus.SHARED.value,
    CuratedStatus.REJECTED.value,
]
UPCOMING_DAYS = 7


@dataclass(frozen=True)
class Entry:
    """One item at one moment on a client's calendar (a contest has one per milestone)."""

    item: AnyItem
    local: datetime
    milestone: str = ""

    @property
    def day(self) -> date:
        return self.local.date()

    @property
    def time_label(self) -> str:
        return f"{self.local:%H:%M}"

    @property
    def status(self) -> str:
        return self.item.status

    @property
    def sort_key(self) -> tuple[datetime, str, str, str]:
        return (self.local, self.item.kind, self.item.slug, self.milestone)


@dataclass
class DayCell:
    """A day of a month grid or agenda, with its entries and agency-wide events."""

    day: date
    in_month: bool
    is_today: bool
    entries: list[Entry] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    blackout: str | None = None


@dataclass
class MonthView:
    """A month of one client: the grid (weeks of 7 days, Monday first) and its items."""

    key: str
    first: date
    weeks: list[list[DayCell]]
    entries: list[Entry]
    note: MonthNote | None
    prev_key: str | None = None
    next_key: str | None = None

    @property
    def board(self) -> dict[str, list[Entry]]:
        return build_board(e for e in self.entries if not e.milestone or e.milestone == "starts")


@dataclass
class ClientCalendar:
    """Everything the site shows about one client."""

    client: ClientData
    today: date
    months: list[MonthView]
    entries: list[Entry]
    week: list[DayCell]
    upcoming: list[Entry]
    awaiting_review: list[Entry]
    contests: list[Item[Contest]]
    running_contests: list[Item[Contest]]
    curated: list[Item[Curated]]
    problems: list[Problem]

    @property
    def slug(self) -> str:
        return self.client.slug

    @property
    def current_month(self) -> str:
        return f"{self.today:%Y-%m}"

    def month(self, key: str) -> MonthView | None:
        return next((m for m in self.months if m.key == key), None)

    def item_problems(self, item: AnyItem) -> list[Problem]:
        return [p for p in self.problems if p.path == item.source.rel]

    def pipeline_board(self) -> dict[str, list[Entry]]:
        """Items from the start of the current month onwards, by status."""
        start = self.today.replace(day=1)
        return build_board(
            e
            for e in self.entries
            if e.day >= start and (not e.milestone or e.milestone == "starts")
        )


@dataclass
class CalendarModel:
    """The calendar of the whole workspace (or of the one client being built)."""

    workspace: Workspace
    today: datetime
    clients: list[ClientCalendar]
    problems: list[Problem]

    @property
    def agency_problems(self) -> list[Problem]:
        """Problems not in any client's folder (almanac.yml, events)."""
        prefixes = tuple(f"content/{c.slug}/" for c in self.clients)
        return [p for p in self.problems if not p.path.startswith(prefixes)]


def build_board(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    board: dict[str, list[Entry]] = {column: [] for column in BOARD_COLUMNS}
    for entry in entries:
        board.setdefault(entry.status, []).append(entry)
    return board


def build_entries(item: AnyItem, zone: ZoneInfo) -> list[Entry]:
    """The item's calendar entries: a post or share once, a contest at each milestone."""
    return [Entry(item, when.astimezone(zone), name) for name, when in item.milestones if when]


def month_keys(entries: list[Entry], notes: dict[str, MonthNote]) -> list[str]:
    """Every month from the first to the last one holding an entry or a month note."""
    months = {Month.of(e.day) for e in entries} | {Month.from_key(key) for key in notes}
    if not months:
        return []
    out, current, last = [], min(months), max(months)
    while current <= last:
        out.append(current.key)
        current = current.next()
    return out


def build_events(events: list[AgencyEvent]) -> dict[date, list[str]]:
    """Event titles by day (an event over several days appears on each)."""
    days: dict[date, list[str]] = defaultdict(list)
    for event in events:
        for day in event.days:
            days[day].append(event.title)
    return days


def build_days(
    first: date,
    last: date,
    today: date,
    month: int | None,
    by_day: dict[date, list[Entry]],
    events: dict[date, list[str]],
    blackout: dict[date, str],
) -> list[DayCell]:
    cells, current = [], first
    while current <= last:
        cells.append(
            DayCell(
                current,
                month is None or current.month == month,
                current == today,
                by_day.get(current, []),
                events.get(current, []),
                blackout.get(current),
            )
        )
        current += timedelta(days=1)
    return cells


def build_month(
    key: str,
    today: date,
    by_day: dict[date, list[Entry]],
    events: dict[date, list[str]],
    blackout: dict[date, str],
    note: MonthNote | None,
) -> MonthView:
    month = Month.from_key(key)
    first, last = month.first, month.last
    grid_first = first - timedelta(days=first.weekday())
    grid_last = last + timedelta(days=6 - last.weekday())
    cells = build_days(grid_first, grid_last, today, first.month, by_day, events, blackout)
    weeks = [cells[i : i + 7] for i in range(0, len(cells), 7)]
    entries = [e for cell in cells if cell.in_month for e in cell.entries]
    return MonthView(key, first, weeks, entries, note)


def link_months(months: list[MonthView]) -> None:
    for before, after in zip(months, months[1:], strict=False):
        before.next_key, after.prev_key = after.key, before.key


def curated_key(item: AnyItem) -> tuple[int, str, str]:
    when = item.when.isoformat() if item.when else "9999"
    return (CURATED_ORDER.index(item.status), when, item.slug)


def is_running(contest: Item[Contest], now: datetime) -> bool:
    meta = contest.meta
    return meta.starts <= now <= meta.ends and meta.status != Status.CANCELLED


def build_client(
    client: ClientData, now: datetime, problems: list[Problem], agency: list[AgencyEvent]
) -> ClientCalendar:
    """The calendar of one client, seen from `now`: its events, holidays and the agency's."""
    events = build_events(agency + client.events)
    zone = ZoneInfo(client.timezone)
    today = now.astimezone(zone).date()
    entries = sorted(
        (e for item in client.items for e in build_entries(item, zone)), key=lambda e: e.sort_key
    )
    by_day: dict[date, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_day[entry.day].append(entry)
    blackout = {b.date: b.reason for b in client.config.blackout}
    months = [
        build_month(key, today, by_day, events, blackout, client.months.get(key))
        for key in month_keys(entries, client.months)
    ]
    link_months(months)
    monday = today - timedelta(days=today.weekday())
    week = build_days(monday, monday + timedelta(days=6), today, None, by_day, events, blackout)
    horizon = today + timedelta(days=UPCOMING_DAYS)
    contests = sorted(CONTEST.items(client.items), key=lambda i: (i.when or now, i.slug))
    prefix = f"content/{client.slug}/"
    return ClientCalendar(
        client=client,
        today=today,
        months=months,
        entries=entries,
        week=week,
        upcoming=[e for e in entries if today <= e.day <= horizon],
        awaiting_review=[
            e
            for e in entries
            if e.status == Status.IN_REVIEW.value and not (e.milestone and e.milestone != "starts")
        ],
        contests=contests,
        running_contests=[c for c in contests if is_running(c, now)],
        curated=sorted(CURATED.items(client.items), key=curated_key),
        problems=[p for p in problems if p.path.startswith(prefix)],
    )


def build_calendar(ws: Workspace, now: datetime, problems: list[Problem]) -> CalendarModel:
    """The calendar model of every loaded client, in slug order."""
    clients = [
        build_client(ws.clients[slug], now, problems, ws.events) for slug in sorted(ws.clients)
    ]
    return CalendarModel(ws, now, clients, problems)
