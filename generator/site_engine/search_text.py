"""The search index's text, written from the model: no engine has to re-parse every page.

Each item page is found by its title (the page title), its tags (page meta) and the text
written here: every caption it goes out with and its hashtags. Other pages are found by
their title alone; the grids and lists they show are links to item pages.
"""

from __future__ import annotations

import html

from generator.captions import caption_with_hashtags
from generator.content.model import Item
from generator.site_pages.config import source_file
from generator.site_pages.context import Page, SiteContext


def item_text(item: Item) -> str:
    """Everything a reviewer may type to find an item: its captions, each once, and hashtags."""
    captions = [caption_with_hashtags(item)]
    captions += [caption_with_hashtags(item, platform) for platform in item.platforms]
    return "\n".join(dict.fromkeys(c for c in captions if c))


def search_texts(ctx: SiteContext, pages: list[Page]) -> dict[str, str]:
    """HTML to index for each page, by source file; pages left out of search get none."""
    texts: dict[str, list[str]] = {}
    for cal in ctx.model.clients:
        for item in cal.client.items:
            texts.setdefault(ctx.item_page(item), []).append(item_text(item))
    # an empty paragraph still makes an entry: the page is then found by its title
    return {
        source_file(page.path): "".join(
            f"<p>{html.escape(t)}</p>" for t in texts.get(page.path, [""])
        )
        for page in pages
        if not page.search_exclude
    }
