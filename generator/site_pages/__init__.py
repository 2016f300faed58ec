"""Site pages: the Markdown project MkDocs or Zensical turns into the calendar site."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from generator.site_pages.calendar_pages import render_month_page
from generator.site_pages.client_pages import render_client_page
from generator.site_pages.context import Granularity, Page, SiteContext
from generator.site_pages.home import render_home
from generator.site_pages.item_pages import render_item, render_item_page

ExtraPages = Callable[[SiteContext], list[Page]]
"""A function adding pages (e.g. report pages) to the site; gets the context, returns pages."""

__all__ = ["ExtraPages", "Granularity", "Page", "SiteContext", "SiteProject", "render_pages"]


@dataclass
class SiteProject:
    """Everything the writer puts in the build folder: pages, config, files and texts."""

    pages: list[Page]
    config: dict[str, Any]
    files: dict[str, Path] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    # each page's search text by source file, from the model (generator.site_engine)
    search: dict[str, str] = field(default_factory=dict)


def render_client_pages(ctx: SiteContext, slug: str) -> list[Page]:
    """A client's overview, months and items (as pages or as cards in the month pages)."""
    cal = next(c for c in ctx.model.clients if c.slug == slug)
    pages = [render_client_page(ctx, cal)]
    if ctx.granularity == "page":
        pages += [render_month_page(ctx, cal, month) for month in cal.months]
        pages += [render_item_page(ctx, cal, item) for item in cal.client.items]
        return pages
    for month in cal.months:
        page = ctx.month_page(slug, month.key)
        items = sorted(
            {e.item.uid: e.item for e in month.entries if ctx.item_page(e.item) == page}.items()
        )
        cards = Markup("").join(render_item(ctx, cal, item, page, level=2) for _, item in items)
        pages.append(render_month_page(ctx, cal, month, cards))
    return pages


def render_pages(ctx: SiteContext, title: str, extra: list[ExtraPages] | None = None) -> list[Page]:
    """Every page of the site, home first, then each client in slug order, then extras."""
    pages = [render_home(ctx, title)]
    for cal in ctx.model.clients:
        pages += render_client_pages(ctx, cal.slug)
    for add in extra or []:
        pages += add(ctx)
    return pages
