"""Calendar widgets and month pages: entries, the month grid, filters, the status board."""

from __future__ import annotations

from datetime import date, timedelta

from generator.calendar_model import BOARD_COLUMNS, ClientCalendar, DayCell, Entry, MonthView
from generator.months import Month
from generator.site_pages.context import Page, SiteContext, entry_filters
from generator.site_pages.html import esc, href, render_markdown
from generator.site_pages.labels import (
    NETWORKS,
    format_day,
    icon,
    month_title,
    status_chip,
    t,
)


def render_entry(ctx: SiteContext, entry: Entry, page: str, with_day: bool = False) -> str:
    """One item on a calendar: time, network icons, status colour, title, linked."""
    item = entry.item
    target = href(page, ctx.item_page(item), ctx.item_anchor(item))
    title = esc(item.title)
    mark = item.spec.site_mark
    if entry.milestone:
        title = f"★ {title} <small>({esc(t(f'milestone.{entry.milestone}', ctx.locale))})</small>"
    elif item.kind == "curated":
        title = f"↗ {title}"
    day = (
        f'<span class="al-date">{esc(format_day(entry.day, ctx.locale))}</span> '
        if with_day
        else ""
    )
    nets = "".join(icon(p, page) for p in item.platforms)
    return (
        f'<a class="al-entry al-st-{entry.status}" href="{target}" {entry_filters(entry)} '
        f'title="{esc(t(f"status.{entry.status}", ctx.locale))}">{day}'
        f'<span class="al-time">{entry.time_label}</span>'
        f'<span class="al-nets">{nets}</span><span class="al-title">{title}</span></a>'
    )


def render_entry_list(
    ctx: SiteContext, entries: list[Entry], page: str, with_day: bool = True
) -> str:
    if not entries:
        return f'<p class="al-empty">{esc(t("nothing", ctx.locale))}</p>'
    rows = "".join(f"<li>{render_entry(ctx, e, page, with_day)}</li>" for e in entries)
    return f'<ul class="al-list">{rows}</ul>'


def render_filters(ctx: SiteContext, entries: list[Entry], page: str) -> str:
    """Network and status toggles; the page's script hides entries that do not match."""
    nets = [n for n in NETWORKS if any(n in e.item.platforms for e in entries)]
    statuses = [s for s in BOARD_COLUMNS if any(e.status == s for e in entries)]
    net_buttons = "".join(
        f'<button type="button" class="al-chip" data-filter="platforms" data-value="{n}" '
        f'aria-pressed="false">{icon(n, page)}</button>'
        for n in nets
    )
    status_buttons = "".join(
        f'<button type="button" class="al-chip al-st-{s}" data-filter="status" '
        f'data-value="{s}" aria-pressed="false">{esc(t(f"status.{s}", ctx.locale))}</button>'
        for s in statuses
    )
    return (
        f'<div class="al-filters" data-search-exclude>'
        f'<div class="al-filter-group" role="group" aria-label="'
        f'{esc(t("filter_network", ctx.locale))}">{net_buttons}</div>'
        f'<div class="al-filter-group" role="group" aria-label="'
        f'{esc(t("filter_status", ctx.locale))}">{status_buttons}</div>'
        f'<output class="al-filter-count" aria-live="polite"></output></div>'
    )


def weekday_names(locale: str) -> list[str]:
    monday = date(2024, 1, 1)
    return [format_day(monday + timedelta(days=i), locale, "EEE") for i in range(7)]


def render_day(ctx: SiteContext, cell: DayCell, page: str, show_month: bool = False) -> str:
    classes = ["al-day"]
    if not cell.in_month:
        classes.append("al-out")
    if cell.is_today:
        classes.append("al-today")
    if cell.blackout:
        classes.append("al-blackout")
    if not cell.entries:
        classes.append("al-empty-day")
    label = format_day(cell.day, ctx.locale, "EEE d MMM" if show_month else "EEE d")
    head = f'<div class="al-daynum"><span>{esc(label)}</span>'
    if cell.is_today:
        head += f'<strong class="al-today-mark">{esc(t("today", ctx.locale))}</strong>'
    head += "</div>"
    extras = "".join(f'<div class="al-event">◆ {esc(e)}</div>' for e in cell.events)
    if cell.blackout:
        extras += (
            f'<div class="al-event al-blackout-note">✕ {esc(t("blackout", ctx.locale))}'
            f": {esc(cell.blackout)}</div>"
        )
    entries = "".join(render_entry(ctx, e, page) for e in cell.entries)
    return (
        f'<div class="{" ".join(classes)}" data-day="{cell.day.isoformat()}">'
        f"{head}{extras}{entries}</div>"
    )


def render_grid(ctx: SiteContext, month: MonthView, page: str) -> str:
    """Seven columns, Monday first; on a phone it becomes a list of the days with items."""
    heads = "".join(f'<div class="al-weekday">{esc(n)}</div>' for n in weekday_names(ctx.locale))
    days = "".join(render_day(ctx, cell, page) for week in month.weeks for cell in week)
    return f'<div class="al-grid" data-search-exclude>{heads}{days}</div>'


def render_week(ctx: SiteContext, cal: ClientCalendar, page: str) -> str:
    days = "".join(render_day(ctx, cell, page, show_month=True) for cell in cal.week)
    return f'<div class="al-grid al-week" data-search-exclude>{days}</div>'


def render_board(ctx: SiteContext, board: dict[str, list[Entry]], page: str) -> str:
    """Columns idea → published (and cancelled), each listing its items."""
    columns = []
    for status in BOARD_COLUMNS:
        entries = board.get(status, [])
        if status == "cancelled" and not entries:
            continue
        cards = "".join(render_entry(ctx, e, page, with_day=True) for e in entries)
        empty = " al-col-empty" if not entries else ""
        columns.append(
            f'<section class="al-column al-col-{status}{empty}"><h4>'
            f"{status_chip(status, ctx.locale)}"
            f' <span class="al-count">{len(entries)}</span></h4>{cards}</section>'
        )
    return f'<div class="al-board" data-search-exclude>{"".join(columns)}</div>'


def render_month_nav(ctx: SiteContext, cal: ClientCalendar, month: MonthView, page: str) -> str:
    def side(key: str | None, label: str, arrow: str) -> str:
        if key is None:
            return '<span class="al-nav-off"></span>'
        text = f"{arrow} {month_title(Month.from_key(key).first, ctx.locale)}"
        target = href(page, ctx.month_page(cal.slug, key))
        return (
            f'<a class="al-nav-link" rel="{label}" href="{target}" title="'
            f'"{esc(t("previous" if label == "prev" else "next", ctx.locale))}">'
            f"{esc(text)}</a>"
        )

    return (
        f'<nav class="al-month-nav" data-search-exclude>{side(month.prev_key, "prev", "←")}'
        f'<a href="{href(page, ctx.client_page(cal.slug))}">{esc(cal.client.name)}</a>'
        f"{side(month.next_key, 'next', '→')}</nav>"
    )


def render_month_notes(ctx: SiteContext, month: MonthView) -> str:
    if month.note is None:
        return ""
    meta = month.note.meta
    body = f"<p>{esc(meta.summary)}</p>"
    if meta.next_month:
        body += f"<p>→ {esc(meta.next_month)}</p>"
    if month.note.body.strip():
        body += render_markdown(month.note.body)
    return (
        f'<h2 id="notes">{esc(t("month_notes", ctx.locale))}</h2><div class="al-notes">{body}</div>'
    )


def render_month_page(
    ctx: SiteContext, cal: ClientCalendar, month: MonthView, cards: str = ""
) -> Page:
    """A client's month: navigation, filters, grid, status board, notes (and item cards)."""
    page = ctx.month_page(cal.slug, month.key)
    title = f"{cal.client.name} · {month_title(month.first, ctx.locale)}"
    parts = [
        client_open(cal),
        f"<h1>{esc(title)}</h1>",
        render_month_nav(ctx, cal, month, page),
        render_filters(ctx, month.entries, page),
        render_grid(ctx, month, page),
        f'<h2 id="board">{esc(t("status_board", ctx.locale))}</h2>',
        render_board(ctx, month.board, page),
        render_month_notes(ctx, month),
        cards,
        "</div>",
    ]
    return Page(page, title, "".join(parts), hide=["toc"])


def client_open(cal: ClientCalendar) -> str:
    """The wrapper every client page starts with; the brand colours hang on its attributes."""
    slug = esc(cal.slug)
    return f'<div class="almanac" data-almanac-client="{slug}" data-almanac-brand="{slug}">'
