"""What every page renderer shares: the model, the language, where items and media live."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from zoneinfo import ZoneInfo

from generator.calendar_model import CalendarModel, Entry
from generator.content.model import Item
from generator.repo.approvals import ApprovalRecord
from generator.repo.history import ItemHistory
from generator.rules.health import ClientHealth, build_health
from generator.rules.limits import PlatformLimits, build_limits

Granularity = Literal["page", "card"]


@dataclass
class Page:
    """One generated Markdown page: front matter values and an HTML body."""

    path: str
    title: str
    body: str
    hide: list[str] = field(default_factory=list)
    search_exclude: bool = False
    boost: float | None = None
    tags: list[str] = field(default_factory=list)


@dataclass
class SiteHistory:
    """What git says about the built items, or why it says nothing (`missing`)."""

    items: dict[str, ItemHistory] = field(default_factory=dict)  # by workspace-relative path
    records: dict[str, ApprovalRecord] = field(default_factory=dict)  # by item uid
    missing: str | None = None


@dataclass
class SiteContext:
    """The model plus the choices that decide where things are linked."""

    model: CalendarModel
    locale: str
    granularity: Granularity = "page"
    feeds: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    media: dict[tuple[str, str], str] = field(default_factory=dict)
    limits: dict[str, PlatformLimits] = field(default_factory=dict)
    health: dict[str, ClientHealth] = field(default_factory=dict)
    history: SiteHistory | None = None  # None: pages leave the history section out
    # more pages of a client (e.g. its reports): (label, page path), linked from nav and overview
    sections: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        ws = self.model.workspace
        self.limits = self.limits or build_limits(ws.settings)
        self.health = self.health or build_health(ws, self.model.problems, self.model.today)

    def client_page(self, slug: str) -> str:
        return f"{slug}/index"

    def month_page(self, slug: str, key: str) -> str:
        return f"{slug}/{key}"

    def item_page(self, item: AnyItem) -> str:
        """Where an item is shown: its own page, or a card in its month's page."""
        if self.granularity == "card":
            when = item.when
            if when is None:
                return self.client_page(item.client)
            zone = ZoneInfo(self.model.workspace.clients[item.client].timezone)
            return self.month_page(item.client, f"{when.astimezone(zone):%Y-%m}")
        return f"{item.client}/items/{item.slug}"

    def item_anchor(self, item: AnyItem) -> str:
        return item.slug if self.granularity == "card" else ""

    def media_file(self, client: str, name: str) -> str | None:
        """Site path of a published media file, None when it is not published."""
        return self.media.get((client, name))


def entry_filters(entry: Entry) -> str:
    """data- attributes the client-side filters read."""
    nets = " ".join(entry.item.platforms)
    return f'data-platforms="{nets}" data-status="{entry.status}" data-kind="{entry.item.kind}"'
