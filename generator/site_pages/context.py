"""What every page renderer shares: the model, the language, where items and media live."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal
from zoneinfo import ZoneInfo

from generator.calendar_model import CalendarModel
from generator.content.model import AnyItem
from generator.format_table import FormatTable, build_format_table
from generator.repo.forge import Forge
from generator.repo.workspace_history import WorkspaceHistory
from generator.rules.health import ClientHealth, build_health
from generator.rules.limits import PlatformLimits, build_limits
from generator.site_pages.actions import Action, ItemFlag, build_actions, build_flags
from generator.vocabulary import word

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


@dataclass(frozen=True)
class SiteContext:
    """The model plus the choices that decide where things are linked; built once, then read.

    Frozen, and its tables are read-only views, so no renderer can fill it as a side effect
    for another: everything a page shows is decided before the first page is rendered.
    """

    model: CalendarModel
    locale: str
    granularity: Granularity
    # per client slug: (label, site path) of its calendar feeds and exports
    feeds: Mapping[str, Sequence[tuple[str, str]]]
    media: Mapping[tuple[str, str], str]  # (client, file named in an item) -> site path
    limits: Mapping[str, PlatformLimits]
    health: Mapping[str, ClientHealth]
    # the workspace's git history and approvals; None (loaded without): no history section
    history: WorkspaceHistory | None
    # more pages of a client (e.g. its reports): (label, page path), linked from nav and overview
    sections: Mapping[str, Sequence[tuple[str, str]]]
    # the forge hosting the repository (item pages link to its pull requests and issues)
    forge: Forge | None = None
    # what each network takes for each post format (ratios…), with the workspace's overrides
    formats: FormatTable = field(default_factory=FormatTable)
    # what needs someone, most urgent first, and each item's worst problem (site_pages.actions)
    actions: Sequence[Action] = ()
    flags: Mapping[str, ItemFlag] = field(default_factory=lambda: MappingProxyType({}))
    # a client's own site (`build --client`): no internal problems, rule ids or file paths
    client_site: bool = False
    # each item by its workspace path, so a problem (found in a file) links to its item
    items_by_path: Mapping[str, AnyItem] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def team(self) -> bool:
        """The agency's own site: problems, their details and the flags on the grid show."""
        return not self.client_site

    def client_actions(self, slug: str) -> list[Action]:
        return [a for a in self.actions if a.client == slug]

    def t(self, key: str, **values: object) -> str:
        """A vocabulary phrase in the site's language (templates call `ctx.t("today")`)."""
        return word(key, self.locale, **values)

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


def build_context(
    model: CalendarModel,
    locale: str,
    granularity: Granularity = "page",
    *,
    feeds: Mapping[str, Sequence[tuple[str, str]]] | None = None,
    media: Mapping[tuple[str, str], str] | None = None,
    sections: Mapping[str, Sequence[tuple[str, str]]] | None = None,
    forge: Forge | None = None,
    client_site: bool = False,
) -> SiteContext:
    """The site's context, complete: limits and health computed here, tables made read-only."""
    ws = model.workspace
    return SiteContext(
        model=model,
        locale=locale,
        granularity=granularity,
        feeds=MappingProxyType({k: tuple(v) for k, v in (feeds or {}).items()}),
        media=MappingProxyType(dict(media or {})),
        limits=MappingProxyType(build_limits(ws.settings)),
        health=MappingProxyType(build_health(ws, model.problems, model.today)),
        history=ws.history,
        sections=MappingProxyType({k: tuple(v) for k, v in (sections or {}).items()}),
        forge=forge,
        formats=build_format_table(ws.settings),
        actions=tuple(build_actions(model, client_site)),
        flags=MappingProxyType({} if client_site else build_flags(model)),
        client_site=client_site,
        items_by_path=MappingProxyType({i.source.rel: i for i in ws.items()}),
    )
