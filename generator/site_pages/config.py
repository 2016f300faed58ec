"""The generated project's mkdocs.yml (base from calendar/ + what Almanac decides), page files."""

from __future__ import annotations

import json
from typing import Any

from generator.sanitise import safe_url
from generator.site_pages.context import Page, SiteContext
from generator.site_pages.html import safe_title, spaced
from generator.site_pages.labels import month_title
from generator.vocabulary import word as t

ALMANAC_CSS = ["assets/almanac.css", "assets/almanac-review.css", "assets/brands.css"]
ALMANAC_JS = ["assets/almanac.js"]
REQUIRED_FEATURES = ["navigation.prune", "navigation.indexes"]


def source_file(page_path: str) -> str:
    """Every page is an `index.md` in its own folder (`a/b` → `a/b/index.md`).

    The source folder is then the output folder, so relative links written in the pages'
    HTML resolve the same way in MkDocs and in Zensical (which resolves raw-HTML links
    against the source file, not the output URL).
    """
    if page_path == "index" or page_path.endswith("/index"):
        return f"{page_path}.md"
    return f"{page_path}/index.md"


def build_nav(ctx: SiteContext) -> list[Any]:
    """Clients and their months only: a nav listing every item makes every page carry it."""
    nav: list[Any] = [{safe_title(t("home", ctx.locale)): "index.md"}]
    for cal in ctx.model.clients:
        months = [
            {safe_title(month_title(m.first, ctx.locale)): source_file(f"{cal.slug}/{m.key}")}
            for m in cal.months
        ]
        more = [
            {safe_title(label): source_file(path)} for label, path in ctx.sections.get(cal.slug, [])
        ]
        nav.append({safe_title(cal.client.name): [f"{cal.slug}/index.md", *months, *more]})
    return nav


def build_theme(base: dict[str, Any], locale: str) -> dict[str, Any]:
    theme = dict(base.get("theme") or {"name": "material"})
    theme.setdefault("name", "material")
    theme["font"] = False  # Google Fonts would be a request leaving the machine on every page
    theme.setdefault("language", locale)
    theme.setdefault("custom_dir", "overrides")
    features = list(theme.get("features") or [])
    theme["features"] = features + [f for f in REQUIRED_FEATURES if f not in features]
    return theme


def compose_config(
    base: dict[str, Any], ctx: SiteContext, title: str, site_dir: str
) -> dict[str, Any]:
    """Base settings from calendar/mkdocs.yml; the rest decided here so every build agrees."""
    settings = ctx.model.workspace.settings
    config = dict(base)
    config.update(
        {
            "site_name": safe_title(title),
            "docs_dir": "docs",
            "site_dir": site_dir,
            "use_directory_urls": True,
            "theme": build_theme(base, ctx.locale),
            "nav": build_nav(ctx),
            "extra_css": merge(base.get("extra_css"), ALMANAC_CSS),
            "extra_javascript": merge(base.get("extra_javascript"), ALMANAC_JS),
        }
    )
    config.setdefault("plugins", ["search"])
    url = safe_url(settings.site_url)
    if url:
        config["site_url"] = url
    # No repo_url/edit_uri: with a GitHub or GitLab address the theme asks the forge's API for
    # stars and forks on every page view (a request leaving the machine), and its edit button
    # would point at generated pages. Item pages link to their source file themselves.
    for key in ("repo_url", "edit_uri"):
        config.pop(key, None)
    return config


def merge(given: Any, ours: list[str]) -> list[str]:
    listed = [str(x) for x in given] if isinstance(given, list) else []
    return listed + [x for x in ours if x not in listed]


def render_page_file(page: Page) -> str:
    """A page as MkDocs reads it: YAML front matter (JSON strings are YAML), then HTML."""
    meta: list[str] = [f"title: {json.dumps(safe_title(page.title), ensure_ascii=False)}"]
    if page.hide:
        meta.append(f"hide: {json.dumps(page.hide)}")
    if page.boost:
        meta.append(f"search:\n  boost: {page.boost}")
    if page.search_exclude:
        meta.append("search:\n  exclude: true")
    if page.tags:
        tags = [safe_title(tag) for tag in page.tags]
        meta.append(f"tags: {json.dumps(tags, ensure_ascii=False)}")
    return "---\n" + "\n".join(meta) + "\n---\n\n" + spaced(page.body) + "\n"


def render_brands(ctx: SiteContext) -> str:
    """Each client's colour as CSS custom properties, applied to pages showing that client."""
    rules = []
    for cal in ctx.model.clients:
        brand = cal.client.config.brand
        colour, accent = brand.colour, brand.accent or brand.colour
        ink = readable_ink(colour)
        slug = css_string(cal.slug)
        selector = f"[data-almanac-client={slug}]"
        rules.append(
            f"body:has([data-almanac-brand={slug}]) {{ --md-primary-fg-color: {colour}; "
            f"--md-primary-fg-color--dark: {colour}; --md-primary-bg-color: {ink}; "
            f"--md-accent-fg-color: {accent}; }}\n"
            f"{selector} {{ --al-brand: {colour}; --al-brand-ink: {ink}; "
            f"--al-accent: {accent}; }}\n"
        )
    return "".join(rules)


def css_string(value: str) -> str:
    """`value` as a quoted CSS string: every character but letters, digits, `-` and `_` escaped.

    A folder name is written by people; quoted and escaped it cannot close the selector and
    add rules (such as an `@import` of an outside address).
    """
    escaped = "".join(
        c if c.isascii() and (c.isalnum() or c in "-_") else f"\\{ord(c):x} " for c in value
    )
    return f'"{escaped}"'


def readable_ink(colour: str) -> str:
    """Black or white, whichever reads better on the brand colour (WCAG relative luminance)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#111111" if luminance > 0.179 else "#ffffff"
