"""Calendar widgets and month pages (calendar.html.j2): entries, grid, filters, status board."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup

from generator.calendar_model import BOARD_COLUMNS, ClientCalendar, Entry, MonthView
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


def filter_values(entries: list[Entry]) -> tuple[list[str], list[str]]:
    """The networks and statuses present among `entries`, in the filters' order."""
    nets = [n for n in NETWORKS if any(n in e.item.platforms for e in entries)]
    statuses = [s for s in BOARD_COLUMNS if any(e.status == s for e in entries)]
    return nets, statuses


def weekday_names(locale: str) -> list[str]:
    monday = date(2024, 1, 1)
    return [format_day(monday + timedelta(days=i), locale, "EEE") for i in range(7)]


def board_columns(board: dict[str, list[Entry]]) -> list[tuple[str, list[Entry]]]:
    """Columns idea → published, and cancelled only when it holds something."""
    columns = [(status, board.get(status, [])) for status in BOARD_COLUMNS]
    return [(status, entries) for status, entries in columns if status != "cancelled" or entries]


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
    # the client's networks and statuses, not only this month's: a filter chosen on another
    # month keeps its chip here, and shows "0 of N" rather than vanishing
    nets, statuses = filter_values(cal.entries)
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
