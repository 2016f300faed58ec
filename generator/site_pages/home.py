"""The home page (home.html.j2): every client at a glance: next days, review, problems, contests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from generator.calendar_model import ClientCalendar, Entry
from generator.content.model import Item
from generator.rules.health import AtRisk
from generator.site_pages.context import Page, SiteContext
from generator.site_pages.render import macro

PROBLEMS_SHOWN = 5


@dataclass(frozen=True)
class HomeCard:
    """What a client's card shows: the next days and the items at risk soon."""

    cal: ClientCalendar
    days: list[tuple[date, list[Entry], bool]]  # day, its entries, is it today
    at_risk: list[tuple[AtRisk, Item]]


def next_days(cal: ClientCalendar, entries: list[Entry]) -> list[tuple[date, list[Entry], bool]]:
    """Today and the next 7 days that have something; today is always listed."""
    rows = []
    for offset in range(8):
        day = cal.today + timedelta(days=offset)
        todays = [e for e in entries if e.day == day]
        if todays or not offset:
            rows.append((day, todays, offset == 0))
    return rows


def at_risk(ctx: SiteContext, cal: ClientCalendar) -> list[tuple[AtRisk, Item]]:
    """The first items at risk, with the item each one links to."""
    health = ctx.health.get(cal.slug)
    if health is None:
        return []
    items = {i.uid: i for i in cal.client.items}
    return [(r, items[r.uid]) for r in health.at_risk[:PROBLEMS_SHOWN] if r.uid in items]


def render_home(ctx: SiteContext, title: str) -> Page:
    page = "index"
    cards = [
        HomeCard(cal, next_days(cal, cal.upcoming), at_risk(ctx, cal)) for cal in ctx.model.clients
    ]
    body = macro("home.html.j2", "home")(ctx, title, cards, page)
    return Page(page, title, str(body), hide=["toc"])
