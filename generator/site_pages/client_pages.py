"""A client's overview page (client.html.j2): this week, pipeline, contests, curated queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from generator.calendar_model import ClientCalendar, Entry
from generator.content.model import Item
from generator.schema import Contest
from generator.site_pages.calendar_pages import board_columns, filter_values
from generator.site_pages.context import Page, SiteContext
from generator.site_pages.labels import format_day
from generator.site_pages.render import macro


@dataclass(frozen=True)
class TimelineBar:
    """A contest from opening to closing, in percent of the span of all contests."""

    item: Item[Contest]
    left: float
    width: float
    draw: float | None  # where the draw (or announcement) falls
    dates: str


@dataclass(frozen=True)
class ClientView:
    """What the client page shows, computed once from the calendar."""

    nets: list[str]
    statuses: list[str]
    counts: dict[str, int]  # items per month key (a contest counts once, at its opening)
    columns: list[tuple[str, list[Entry]]]
    bars: list[TimelineBar]
    curated: list[tuple[Item, str]]  # item and the day it is shared ("—" when not dated)


def timeline(ctx: SiteContext, cal: ClientCalendar) -> list[TimelineBar]:
    """Each contest as a bar from opening to closing, with the draw marked."""
    contests = cal.contests
    metas = [c.meta for c in contests]
    if not metas:
        return []
    first = min(m.starts for m in metas)
    last = max(m.announce_at or m.draw_at or m.ends for m in metas)
    span = max((last - first).total_seconds(), 1.0)
    zone = ZoneInfo(cal.client.timezone)

    def pos(moment: datetime) -> float:
        return round(100 * (moment - first).total_seconds() / span, 2)

    bars = []
    for item, meta in zip(contests, metas, strict=True):
        left, right = pos(meta.starts), pos(meta.ends)
        draw = meta.draw_at or meta.announce_at
        dates = (
            f"{format_day(meta.starts.astimezone(zone).date(), ctx.locale)} → "
            f"{format_day(meta.ends.astimezone(zone).date(), ctx.locale)}"
        )
        bars.append(
            TimelineBar(item, left, max(right - left, 1), pos(draw) if draw else None, dates)
        )
    return bars


def curated_rows(ctx: SiteContext, cal: ClientCalendar) -> list[tuple[Item, str]]:
    zone = ZoneInfo(cal.client.timezone)
    return [
        (item, format_day(item.when.astimezone(zone).date(), ctx.locale) if item.when else "—")
        for item in cal.curated
    ]


def client_view(ctx: SiteContext, cal: ClientCalendar) -> ClientView:
    counts = {
        month.key: len([e for e in month.entries if not e.milestone or e.milestone == "starts"])
        for month in cal.months
    }
    return ClientView(
        *filter_values(cal.entries),
        counts,
        board_columns(cal.pipeline_board()),
        timeline(ctx, cal),
        curated_rows(ctx, cal),
    )


def render_client_page(ctx: SiteContext, cal: ClientCalendar) -> Page:
    page = ctx.client_page(cal.slug)
    body = macro("client.html.j2", "client_page")(ctx, cal, client_view(ctx, cal), page)
    return Page(page, cal.client.name, str(body), hide=["toc"])
