"""Who a site is for: the agency's team sees everything; a client's own site (`build --client`)
shows only what that client should see.

A client's site leaves out work in progress (ideas, drafts, curated candidates and rejects)
unless `--include-drafts` asks for them, and every internal problem (the templates ask
`SiteContext.team`). Items are dropped from the workspace before the calendar is made, so no
page, feed, export or search entry can show them.
"""

from __future__ import annotations

from dataclasses import replace

from generator.content.model import AnyItem, Workspace
from generator.schema.common import CuratedStatus, Status

WORK_IN_PROGRESS = {
    Status.IDEA.value,
    Status.DRAFT.value,
    CuratedStatus.CANDIDATE.value,
    CuratedStatus.REJECTED.value,
}


def shown_to_client(item: AnyItem) -> bool:
    """An item a client may see on their site: past the agency's own drafting stages."""
    return item.status not in WORK_IN_PROGRESS


def client_workspace(ws: Workspace, include_drafts: bool) -> Workspace:
    """The workspace a client's site is made from (the same one when drafts are asked for)."""
    if include_drafts:
        return ws
    clients = {
        slug: replace(data, items=[i for i in data.items if shown_to_client(i)])
        for slug, data in ws.clients.items()
    }
    return replace(ws, clients=clients)
