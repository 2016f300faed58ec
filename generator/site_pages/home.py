"""The home page (home.html.j2): what needs someone now, then one summary row per client.

The page stays short whatever the number of clients: the queue folds after its first rows and
each client is one row; the client's page, one click away, has the week, boards and details.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.calendar_model import ClientCalendar, Entry
from generator.site_pages.actions import ACTION_KINDS
from generator.site_pages.context import Page, SiteContext
from generator.site_pages.render import macro

QUEUE_SHOWN = 8  # rows of the queue before the fold


@dataclass(frozen=True)
class SummaryRow:
    """One client on the home page: its work by kind, its next post, its health."""

    cal: ClientCalendar
    to_do: list[tuple[str, int]]  # (action kind, count), most urgent kind first
    next_entry: Entry | None


def next_entry(cal: ClientCalendar) -> Entry | None:
    """The first item still to come in the next days (today's included)."""
    return next((e for e in cal.upcoming if e.status != "published"), None)


def summary_row(ctx: SiteContext, cal: ClientCalendar) -> SummaryRow:
    counts = Counter(a.kind for a in ctx.client_actions(cal.slug))
    to_do = [(kind, counts[kind]) for kind in ACTION_KINDS if counts[kind]]
    return SummaryRow(cal, to_do, next_entry(cal))


def render_home(ctx: SiteContext, title: str) -> Page:
    page = "index"
    rows = [summary_row(ctx, cal) for cal in ctx.model.clients]
    body = macro("home.html.j2", "home")(ctx, title, rows, QUEUE_SHOWN, page)
    return Page(page, title, str(body), hide=["toc"])
