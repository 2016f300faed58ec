"""MkDocs hooks for the generated project: let MkDocs do only what Almanac has not done.

Listed under `hooks:` in the generated mkdocs.yml (MkDocs engine only; Zensical reads the same
project without them and does its own work). Every event used is a documented MkDocs event:

* `on_page_markdown` / `on_page_context`: the page body is HTML Almanac already rendered and
  sanitised, so Python-Markdown gets an empty document instead of re-parsing that HTML; the
  prepared HTML is put back as the page content just before the theme renders the page.
* `on_page_content`: Material's search plugin indexes `page.content` in `on_page_context`; it
  gets the short text Almanac wrote from the model (captions, hashtags) instead of the page.
* `on_files` / `on_post_build`: a `--dirty` build (generator.site_engine.cache) renders only the
  changed pages, so Material's search would index only those; each page's entries are kept
  in the project folder and the index is put together again in page order before it is written.
* `on_nav` / `on_env`: the theme's navigation partial is wrapped so pages that are not in the
  navigation (every item page) reuse the navigation rendered for their folder: its links are
  relative, so two pages in the same folder outside the navigation get the very same HTML.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, DictLoader, Environment, TemplateNotFound
from markupsafe import Markup
from mkdocs.plugins import event_priority

from generator.site_engine import SEARCH_FILE

THEME_NAV = "partials/nav.html"
ORIGINAL_NAV = "partials/almanac-theme-nav.html"
NAV_WRAPPER = "{% call almanac_nav(page, nav) %}{% include '" + ORIGINAL_NAV + "' %}{% endcall %}"

ENTRIES_FILE = "almanac-search-entries.json"  # each page's search entries, for dirty builds

_prepared: dict[str, str] = {}
_search: dict[str, str] = {}
_navs: dict[str, Markup] = {}
_in_nav: set[str] = set()  # source files of the pages listed in the navigation
_order: list[str] = []  # the documentation pages in the order the engine builds them
_indexed: dict[str, list[Any]] = {}  # the search entries made for each page built this time
_counted = [0]  # how many of the index's entries belong to the pages already seen


def on_config(config: Any) -> Any:
    """Read the search text Almanac wrote for each page."""
    _prepared.clear()
    _navs.clear()
    path = Path(config.config_file_path).parent / SEARCH_FILE
    _search.clear()
    if path.is_file():
        _search.update(json.loads(path.read_text(encoding="utf-8")))
    return config


def on_files(files: Any, config: Any) -> Any:
    _order[:] = [file.src_uri for file in files.documentation_pages()]
    _indexed.clear()
    _counted[0] = 0
    return files


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    """Which pages the navigation lists, once: asking `page in nav.pages` compares every page."""
    _in_nav.clear()
    _in_nav.update(page.file.src_uri for page in nav.pages)
    return nav


def search_index(config: Any) -> Any:
    """Material's search index being filled, None when search is off."""
    plugin = config.plugins.get("material/search")
    if plugin is None or not plugin.config.enabled:
        return None
    return getattr(plugin, "search_index", None)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Keep the prepared HTML aside; Python-Markdown then has nothing to parse."""
    _prepared[page.file.src_uri] = markdown
    return ""


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """What the search plugin indexes: the model's text for this page, or nothing."""
    return _search.get(page.file.src_uri, "")


@event_priority(-100)  # after Material's search plugin has indexed the short text
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """The page shows the HTML Almanac prepared, exactly as written."""
    page.content = _prepared.pop(page.file.src_uri, page.content).strip()
    index = search_index(config)
    if index is not None:
        # a running count: summing the kept entries again for every page grew with the square
        _indexed[page.file.src_uri] = index.entries[_counted[0] :]
        _counted[0] = len(index.entries)
    return context


@event_priority(100)  # before Material's search plugin writes the index
def on_post_build(config: Any) -> None:
    """The index of every page in page order: this build's entries, the others' kept ones."""
    index = search_index(config)
    if index is None:
        return
    path = Path(config.config_file_path).parent / ENTRIES_FILE
    kept = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    kept.update(_indexed)
    every = {uri: kept[uri] for uri in _order if uri in kept}
    index.entries = [entry for entries in every.values() for entry in entries]
    path.write_text(json.dumps(every, ensure_ascii=False), encoding="utf-8")


class _OriginalNav(BaseLoader):
    """The theme's own navigation partial (or the workspace's override of it), renamed."""

    def __init__(self, loader: BaseLoader) -> None:
        self.loader = loader

    def get_source(self, environment: Environment, template: str) -> Any:
        if template != ORIGINAL_NAV:
            raise TemplateNotFound(template)
        return self.loader.get_source(environment, THEME_NAV)


def nav_key(page: Any, nav: Any) -> str | None:
    """Pages outside the navigation share it per folder; None: render it for this page."""
    if page is None or nav is None or page.file.src_uri in _in_nav:
        return None
    return posixpath.dirname(page.url.rstrip("/"))


def almanac_nav(page: Any, nav: Any, caller: Any) -> Markup:
    key = nav_key(page, nav)
    if key is None:
        return Markup(caller())
    if key not in _navs:
        _navs[key] = Markup(caller())
    return _navs[key]


def on_env(env: Environment, config: Any, files: Any) -> Environment:
    assert env.loader is not None
    env.loader = ChoiceLoader(
        [DictLoader({THEME_NAV: NAV_WRAPPER}), _OriginalNav(env.loader), env.loader]
    )
    env.globals["almanac_nav"] = almanac_nav
    # templates do not change during a build: skip the stat() per include Jinja would make
    env.auto_reload = False
    return env
