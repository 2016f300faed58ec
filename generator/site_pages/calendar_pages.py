"""Calendar widgets and month pages (calendar.html.j2): entries, grid, filters, status board.

The render_* helpers return plain str for the pages still built in Python: Markup + str
would escape the str side (templates take the macros themselves).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup

from generator.calendar_model import BOARD_COLUMNS, ClientCalendar, DayCell, Entry, MonthView
from generator.months import Month
from generator.site_pages.context import Page, SiteContext
from generator.site_pages.labels import NETWORKS, format_day, month_title
from generator.site_pages.render import macro


@dataclass(frozen=True)
class NavSide:
    """The link to the previous or next month."""

    key: str
    rel: str  # prev | next
    label: str  # vocabulary key of its tooltip
    arrow: str

    @property
    def first(self) -> date:
        return Month.from_key(self.key).first


def render_entry(ctx: SiteContext, entry: Entry, page: str, with_day: bool = False) -> str:
    """One item on a calendar: time, network icons, status colour, title, linked."""
    return str(macro("macros.html.j2", "entry")(ctx, entry, page, with_day))


def render_entry_list(
    ctx: SiteContext, entries: list[Entry], page: str, with_day: bool = True
) -> str:
    return str(macro("macros.html.j2", "entry_list")(ctx, entries, page, with_day))


def filter_values(entries: list[Entry]) -> tuple[list[str], list[str]]:
    """The networks and statuses present among `entries`, in the filters' order."""
    nets = [n for n in NETWORKS if any(n in e.item.platforms for e in entries)]
    statuses = [s for s in BOARD_COLUMNS if any(e.status == s for e in entries)]
    return nets, statuses


def render_filters(ctx: SiteContext, entries: list[Entry], page: str) -> str:
    """Network and status toggles; the page's script hides entries that do not match."""
    return str(macro("calendar.html.j2", "filters")(ctx, *filter_values(entries), page))


def weekday_names(locale: str) -> list[str]:
    monday = date(2024, 1, 1)
    return [format_day(monday + timedelta(days=i), locale, "EEE") for i in range(7)]


def render_day(ctx: SiteContext, cell: DayCell, page: str, show_month: bool = False) -> str:
    return str(macro("calendar.html.j2", "day")(ctx, cell, page, show_month))


def render_week(ctx: SiteContext, cal: ClientCalendar, page: str) -> str:
    return str(macro("calendar.html.j2", "week")(ctx, cal.week, page))


def board_columns(board: dict[str, list[Entry]]) -> list[tuple[str, list[Entry]]]:
    """Columns idea → published, and cancelled only when it holds something."""
    columns = [(status, board.get(status, [])) for status in BOARD_COLUMNS]
    return [(status, entries) for status, entries in columns if status != "cancelled" or entries]


def render_board(ctx: SiteContext, board: dict[str, list[Entry]], page: str) -> str:
    """Columns idea → published (and cancelled), each listing its items."""
    return str(macro("calendar.html.j2", "board")(ctx, board_columns(board), page))


def nav_sides(month: MonthView) -> tuple[NavSide | None, NavSide | None]:
    prev = NavSide(month.prev_key, "prev", "previous", "←") if month.prev_key else None
    after = NavSide(month.next_key, "next", "next", "→") if month.next_key else None
    return prev, after


def render_month_page(
    ctx: SiteContext, cal: ClientCalendar, month: MonthView, cards: Markup | None = None
) -> Page:
    """A client's month: navigation, filters, grid, status board, notes (and item cards)."""
    page = ctx.month_page(cal.slug, month.key)
    title = f"{cal.client.name} · {month_title(month.first, ctx.locale)}"
    nets, statuses = filter_values(month.entries)
    body = macro("calendar.html.j2", "month_page")(
        ctx,
        cal,
        month,
        title,
        nets,
        statuses,
        weekday_names(ctx.locale),
        board_columns(month.board),
        *nav_sides(month),
        cards or Markup(""),
        page,
    )
    return Page(page, title, body, hide=["toc"])


def client_open(cal: ClientCalendar) -> str:
    """The wrapper every client page starts with; the brand colours hang on its attributes."""
    return str(macro("macros.html.j2", "client_open")(cal))
