"""The search index's text, written from the model: no engine has to re-parse every page.

Each item page is found by its title (the page title), its tags (page meta) and the text
written here: its client's name (so a result says whose it is), every caption it goes out
with and its hashtags, and the words of all that written without accents (so "noel" finds
"Noël": the engines' search matches accented letters only to themselves). Other pages are
found by their title alone; the grids and lists they show are links to item pages.
"""

from __future__ import annotations

import html
import unicodedata

from generator.captions import caption_with_hashtags
from generator.content.model import Item
from generator.site_pages.config import source_file
from generator.site_pages.context import Page, SiteContext


def item_text(item: Item) -> str:
    """Everything a reviewer may type to find an item: its captions, each once, and hashtags."""
    captions = [caption_with_hashtags(item)]
    captions += [caption_with_hashtags(item, platform) for platform in item.platforms]
    return "\n".join(dict.fromkeys(c for c in captions if c))


def fold(text: str) -> str:
    """Text without its accents ("Noël" -> "Noel"), the way a phone keyboard often types it."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def unaccented_words(text: str) -> str:
    """The words of `text` that change when their accents go, without accents, each once."""
    words = [w for w in text.split() if fold(w) != w]
    return " ".join(dict.fromkeys(fold(w) for w in words))


def item_entry(client_name: str, item: Item) -> list[str]:
    """An item's search paragraphs, each starting with whose it is (a result shows the one
    that matched): what it says, then its accented words without accents."""
    text = item_text(item)
    folded = unaccented_words(f"{item.title} {text}")
    return [f"{client_name} · {part}" for part in (text, folded) if part] or [client_name]


def search_texts(ctx: SiteContext, pages: list[Page]) -> dict[str, str]:
    """HTML to index for each page, by source file; pages left out of search get none."""
    texts: dict[str, list[str]] = {}
    for cal in ctx.model.clients:
        for item in cal.client.items:
            texts.setdefault(ctx.item_page(item), []).extend(item_entry(cal.client.name, item))
    # an empty paragraph still makes an entry: the page is then found by its title
    return {
        source_file(page.path): "".join(
            f"<p>{html.escape(t)}</p>" for t in texts.get(page.path, [""])
        )
        for page in pages
        if not page.search_exclude
    }
