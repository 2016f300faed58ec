"""The home page: every client at a glance (next days, awaiting review, problems, contests)."""

from __future__ import annotations

from datetime import timedelta

from generator.calendar_model import ClientCalendar, Entry
from generator.site_pages.calendar_pages import render_entry, render_entry_list
from generator.site_pages.context import Page, SiteContext
from generator.site_pages.html import esc, href
from generator.site_pages.labels import format_day, format_moment, t
from generator.vocabulary import problem_sentence

PROBLEMS_SHOWN = 5


def render_days(ctx: SiteContext, cal: ClientCalendar, entries: list[Entry], page: str) -> str:
    """Today and the next 7 days, one line per day; today marked."""
    rows = []
    for offset in range(8):
        day = cal.today + timedelta(days=offset)
        todays = [e for e in entries if e.day == day]
        if not todays and offset:
            continue
        mark = (
            f' <strong class="al-today-mark">{esc(t("today", ctx.locale))}</strong>'
            if offset == 0
            else ""
        )
        items = (
            "".join(render_entry(ctx, e, page) for e in todays)
            or f'<span class="al-empty">{esc(t("nothing", ctx.locale))}</span>'
        )
        rows.append(
            f'<li class="{"al-today" if offset == 0 else ""}"><span class="al-date">'
            f"{esc(format_day(day, ctx.locale))}</span>{mark}{items}</li>"
        )
    return f'<ul class="al-days" data-search-exclude>{"".join(rows)}</ul>'


def severity_count(severity: str, count: int, locale: str) -> str:
    """ "Erreurs : 2", "Warnings: 1": a badge that reads in the site's language."""
    return t("count_of", locale, label=t(f"severity.{severity}", locale), count=count)


def render_health(ctx: SiteContext, cal: ClientCalendar, page: str) -> str:
    """Calendar health: counts by severity, the items at risk soon, the rules that fire."""
    health = ctx.health.get(cal.slug)
    if health is None or not health.total:
        return f'<p class="al-ok-note">✓ {esc(t("no_problems", ctx.locale))}</p>'
    counts = "".join(
        f'<span class="al-badge al-{s.value}">{esc(severity_count(s.value, n, ctx.locale))}</span> '
        for s, n in sorted(health.by_severity.items(), key=lambda kv: kv[0].value)
    )
    items = {i.uid: i for i in cal.client.items}
    risky = "".join(
        f'<li class="al-problem al-{r.severity.value}"><a href="'
        f'{href(page, ctx.item_page(items[r.uid]), ctx.item_anchor(items[r.uid]))}">'
        f"{esc(r.title)}</a> <small>{esc(', '.join(r.rules))}</small></li>"
        for r in health.at_risk[:PROBLEMS_SHOWN]
        if r.uid in items
    )
    rules = ", ".join(f"{esc(rule)} ({sum(c.values())})" for rule, c in health.by_rule.items())
    more = (
        f'<a href="{href(page, ctx.client_page(cal.slug), "problems")}">'
        f"{esc(t('problems', ctx.locale))} →</a>"
    )
    return (
        f'<p class="al-health al-{health.state}">{counts}</p>'
        + (f'<ul class="al-problems">{risky}</ul>' if risky else "")
        + f'<p class="al-rules"><small>{rules}</small> {more}</p>'
    )


def render_client_card(ctx: SiteContext, cal: ClientCalendar, page: str) -> str:
    contests = "".join(
        f'<li><a href="{href(page, ctx.item_page(c), ctx.item_anchor(c))}">★ {esc(c.title)}</a>'
        f" <small>→ {esc(format_moment(c.meta.ends, ctx.locale))}</small></li>"
        for c in cal.running_contests
    )
    month = cal.month(cal.current_month)
    month_link = (
        f' · <a href="{href(page, ctx.month_page(cal.slug, month.key))}">{esc(month.key)}</a>'
        if month
        else ""
    )
    return (
        f'<section class="al-card almanac" data-almanac-client="{esc(cal.slug)}">'
        f'<h2 id="{esc(cal.slug)}"><a href="{href(page, ctx.client_page(cal.slug))}">'
        f"{esc(cal.client.name)}</a>{month_link}</h2>"
        f"<h3>{esc(t('next_days', ctx.locale))}</h3>{render_days(ctx, cal, cal.upcoming, page)}"
        f'<h3>{esc(t("awaiting_review", ctx.locale))} <span class="al-count">'
        f"{len(cal.awaiting_review)}</span></h3>"
        f"{render_entry_list(ctx, cal.awaiting_review, page)}"
        f"<h3>{esc(t('problems', ctx.locale))}</h3>{render_health(ctx, cal, page)}"
        + (
            f"<h3>{esc(t('running_contests', ctx.locale))}</h3><ul>{contests}</ul>"
            if contests
            else ""
        )
        + "</section>"
    )


def render_home(ctx: SiteContext, title: str) -> Page:
    page = "index"
    cards = "".join(render_client_card(ctx, cal, page) for cal in ctx.model.clients)
    agency = ctx.model.agency_problems
    problems = "".join(
        f'<li class="al-problem al-{p.severity.value}"><code>{esc(p.path)}:'
        f'{p.line}</code> <span class="al-problem-what">'
        f"{esc(problem_sentence(p.rule, ctx.locale))}</span> {esc(p.message)}</li>"
        for p in agency
    )
    today = ctx.model.today
    body = (
        f'<div class="almanac al-home"><h1>{esc(title)}</h1>'
        f'<p class="al-lead">{esc(t("today", ctx.locale))}: '
        f"{esc(format_day(today.date(), ctx.locale, 'EEEE d MMMM y'))} · "
        f"{esc(t('search_hint', ctx.locale))}</p>"
        + (f'<ul class="al-problems">{problems}</ul>' if problems else "")
        + f'<div class="al-cards">{cards}</div></div>'
    )
    return Page(page, title, body, hide=["toc"])
