"""A client's overview page: this week, pipeline board, contests timeline, curated queue."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal

from generator.calendar_model import ClientCalendar
from generator.captions import network_name
from generator.schema.client import Objective
from generator.site_pages.calendar_pages import (
    client_open,
    render_board,
    render_filters,
    render_week,
)
from generator.site_pages.context import Page, SiteContext
from generator.site_pages.html import esc, file_href, href, link
from generator.site_pages.item_pages import render_problems
from generator.site_pages.labels import format_day, icon, month_title, status_chip, t


def render_accounts(cal: ClientCalendar, page: str) -> str:
    rows = []
    accounts = cal.client.config.platforms
    for platform, account in sorted(accounts.items(), key=lambda kv: kv[0].value):
        label = f"{network_name(platform.value)} {account.handle}"
        shown = link(account.url, label) if account.url else esc(label)
        rows.append(f"<li>{icon(platform.value, page)} {shown}</li>")
    return f'<ul class="al-accounts">{"".join(rows)}</ul>'


def render_month_links(ctx: SiteContext, cal: ClientCalendar, page: str) -> str:
    links = []
    for month in cal.months:
        current = (
            ' aria-current="true" class="al-current"' if month.key == cal.current_month else ""
        )
        count = len([e for e in month.entries if not e.milestone or e.milestone == "starts"])
        links.append(
            f'<li><a{current} href="{href(page, ctx.month_page(cal.slug, month.key))}">'
            f"{esc(month_title(month.first, ctx.locale))}</a> "
            f'<span class="al-count">{count}</span></li>'
        )
    return (
        f'<h2 id="months">{esc(t("months", ctx.locale))}</h2>'
        f'<ul class="al-months" data-search-exclude>{"".join(links)}</ul>'
    )


def render_timeline(ctx: SiteContext, cal: ClientCalendar, page: str) -> str:
    """Each contest as a bar from opening to closing, with the draw marked."""
    contests = cal.contests
    if not contests:
        return f'<p class="al-empty">{esc(t("none", ctx.locale))}</p>'
    metas = [c.meta for c in contests]
    first = min(m.starts for m in metas)
    last = max(m.announce_at or m.draw_at or m.ends for m in metas)
    span = max((last - first).total_seconds(), 1.0)
    zone = ZoneInfo(cal.client.timezone)

    def pos(moment: datetime) -> float:
        return round(100 * (moment - first).total_seconds() / span, 2)

    rows = []
    for item in contests:
        meta = item.meta
        left, right = pos(meta.starts), pos(meta.ends)
        draw = meta.draw_at or meta.announce_at
        mark = (
            f'<span class="al-draw" style="left:{pos(draw)}%" title="'
            f'{esc(t("milestone.draw", ctx.locale))}">◆</span>'
            if draw
            else ""
        )
        dates = (
            f"{format_day(meta.starts.astimezone(zone).date(), ctx.locale)} → "
            f"{format_day(meta.ends.astimezone(zone).date(), ctx.locale)}"
        )
        rows.append(
            f'<li><a href="{href(page, ctx.item_page(item), ctx.item_anchor(item))}">'
            f"{esc(item.title)}</a> {status_chip(item.status, ctx.locale)} "
            f'<small>{esc(dates)}</small><div class="al-track"><span class="al-span" '
            f'style="left:{left}%;width:{max(right - left, 1)}%"></span>{mark}</div></li>'
        )
    return f'<ul class="al-timeline" data-search-exclude>{"".join(rows)}</ul>'


def render_curated_queue(ctx: SiteContext, cal: ClientCalendar, page: str) -> str:
    if not cal.curated:
        return f'<p class="al-empty">{esc(t("none", ctx.locale))}</p>'
    zone = ZoneInfo(cal.client.timezone)
    rows = []
    for item in cal.curated:
        meta = item.meta
        when = item.when
        share = format_day(when.astimezone(zone).date(), ctx.locale) if when else "—"
        source = esc(meta.source_name or "")
        rows.append(
            f'<tr><td>{status_chip(item.status, ctx.locale)}</td><td><a href="'
            f'{href(page, ctx.item_page(item), ctx.item_anchor(item))}">{esc(item.title)}</a>'
            f"</td><td>{source}</td><td>{esc(share)}</td></tr>"
        )
    head = (
        f"<tr><th>{esc(t('status', ctx.locale))}</th><th></th><th>"
        f"{esc(t('source', ctx.locale))}</th><th>{esc(t('share_at', ctx.locale))}</th></tr>"
    )
    return f'<table class="al-table" data-search-exclude>{head}{"".join(rows)}</table>'


def render_objectives(ctx: SiteContext, cal: ClientCalendar, page: str) -> str:
    objectives = cal.client.config.objectives
    if not objectives:
        return f'<p class="al-empty">{esc(t("none", ctx.locale))}</p>'

    def network(platform: str | None) -> str:
        if platform is None:
            return esc(t("all", ctx.locale))
        return f"{icon(platform, page)} {esc(network_name(platform))}"

    def row(o: Objective) -> str:
        target = esc(format_decimal(o.target, locale=ctx.locale))
        where = network(o.platform.value if o.platform else None)
        return (
            f"<tr><td>{esc(o.label or o.metric)}</td>"
            f'<td class="al-num">{target}</td><td>{where}</td></tr>'
        )

    rows = "".join(row(o) for o in objectives)
    head = (
        f"<tr><th>{esc(t('metric', ctx.locale))}</th>"
        f'<th class="al-num">{esc(t("target", ctx.locale))}</th>'
        f"<th>{esc(t('network', ctx.locale))}</th></tr>"
    )
    return f'<table class="al-table">{head}{rows}</table>'


def render_feeds(ctx: SiteContext, cal: ClientCalendar, page: str) -> str:
    files = ctx.feeds.get(cal.slug, [])
    if not files:
        return ""
    rows = "".join(
        f'<li><a href="{file_href(page, path)}" download>{esc(label)}</a></li>'
        for label, path in files
    )
    return (
        f'<h2 id="feeds">{esc(t("feeds", ctx.locale))}</h2>'
        f'<ul class="al-feeds" data-search-exclude>{rows}</ul>'
    )


def render_sections(ctx: SiteContext, cal: ClientCalendar, page: str) -> str:
    """Links to the client's other pages (e.g. its reports), as in the navigation."""
    return "".join(
        f'<p class="al-section-link"><a class="md-button" href="{href(page, path)}">'
        f"{esc(label)} →</a></p>"
        for label, path in ctx.sections.get(cal.slug, [])
    )


def render_client_page(ctx: SiteContext, cal: ClientCalendar) -> Page:
    page = ctx.client_page(cal.slug)
    current = cal.month(cal.current_month)
    jump = (
        f'<a class="md-button md-button--primary" href="'
        f'{href(page, ctx.month_page(cal.slug, current.key))}">'
        f"{esc(month_title(current.first, ctx.locale))} →</a>"
        if current
        else ""
    )
    parts = [
        client_open(cal),
        f"<h1>{esc(cal.client.name)}</h1>",
        f'<div class="al-client-head">{render_accounts(cal, page)}{jump}</div>',
        f'<h2 id="week">{esc(t("this_week", ctx.locale))}</h2>',
        render_filters(ctx, cal.entries, page),
        render_week(ctx, cal, page),
        render_month_links(ctx, cal, page),
        render_sections(ctx, cal, page),
        f'<h2 id="pipeline">{esc(t("pipeline", ctx.locale))}</h2>',
        render_board(ctx, cal.pipeline_board(), page),
        f'<h2 id="contests">{esc(t("contests", ctx.locale))}</h2>',
        render_timeline(ctx, cal, page),
        f'<h2 id="curated">{esc(t("curated_queue", ctx.locale))}</h2>',
        render_curated_queue(ctx, cal, page),
        f'<h2 id="objectives">{esc(t("monthly_objectives", ctx.locale))}</h2>',
        render_objectives(ctx, cal, page),
        render_feeds(ctx, cal, page),
        render_problems(ctx, cal.problems),
        "</div>",
    ]
    return Page(page, cal.client.name, "".join(parts), hide=["toc"])
