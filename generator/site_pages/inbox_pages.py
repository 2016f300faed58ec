"""Each client's curation inbox on the team site: the candidates to keep or reject, newest
first, and the sources watched. A client's own site never has it (the veille is the agency's).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.content.kinds import CURATED
from generator.content.model import ClientData, Item
from generator.schema import Curated
from generator.schema.common import CuratedStatus
from generator.schema.watchlist import SourceKind, WatchSource
from generator.site_pages.context import Page, SiteContext
from generator.site_pages.render import macro
from generator.vocabulary import word


def inbox_page_of(slug: str) -> str:
    return f"{slug}/inbox"


@dataclass(frozen=True)
class Inbox:
    """What a client's inbox page shows."""

    client: ClientData
    candidates: list[Item[Curated]]
    sources: list[tuple[SourceKind, list[WatchSource]]]


def candidates_of(client: ClientData) -> list[Item[Curated]]:
    """Candidates, the most recently published (else found) first, then by title."""
    found = [i for i in CURATED.items(client.items) if i.meta.status is CuratedStatus.CANDIDATE]

    def day(item: Item[Curated]) -> date:
        return item.meta.published_on or item.meta.found_at or date.min

    return sorted(sorted(found, key=lambda i: i.title), key=day, reverse=True)


def build_inbox(client: ClientData) -> Inbox:
    groups = [(kind, [s for s in client.watchlist if s.kind is kind]) for kind in SourceKind]
    return Inbox(client, candidates_of(client), [(k, s) for k, s in groups if s])


def has_inbox(client: ClientData) -> bool:
    """A client gets an inbox page once it watches sources or has candidates."""
    return bool(client.watchlist or candidates_of(client))


def inbox_sections(clients: dict[str, ClientData], locale: str) -> dict[str, list[tuple[str, str]]]:
    """The link to each client's inbox, for its overview page and the navigation."""
    label = word("inbox", locale)
    return {
        slug: [(label, inbox_page_of(slug))]
        for slug, client in clients.items()
        if has_inbox(client)
    }


def render_inbox_pages(ctx: SiteContext) -> list[Page]:
    """One inbox page per client that has one."""
    pages = []
    for cal in ctx.model.clients:
        if not has_inbox(cal.client):
            continue
        page = inbox_page_of(cal.slug)
        inbox = build_inbox(cal.client)
        body = macro("inbox.html.j2", "inbox_page")(ctx, inbox, page)
        title = f"{ctx.t('inbox')} · {cal.client.name}"
        pages.append(Page(page, title, str(body), hide=["toc"], search_exclude=True))
    return pages
