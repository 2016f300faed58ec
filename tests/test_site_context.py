"""The site's context is built once and frozen; the page modules import without cycles."""

from __future__ import annotations

import ast
import dataclasses
import shutil
from pathlib import Path

import pytest

from generator.checking import parse_today
from generator.site_build import BuildOptions, feed_links, load_model
from generator.site_pages import render_pages
from generator.site_pages.context import build_context

SITE_PAGES = Path(__file__).resolve().parent.parent / "generator" / "site_pages"
FIXTURE = Path(__file__).parent / "fixtures" / "site_ws"


def test_context_cannot_be_filled_after_it_is_built(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    shutil.copytree(FIXTURE, root)
    model, _ = load_model(BuildOptions(root=root, today=parse_today("2026-11-21")))
    feeds = feed_links(model, "fr")
    ctx = build_context(model, "fr", feeds=feeds, sections={"pain-doux": []})
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.feeds = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        ctx.feeds["velo-vert"] = []  # type: ignore[index]
    with pytest.raises(TypeError):
        ctx.media[("pain-doux", "x.png")] = "x.png"  # type: ignore[index]
    before = (dict(ctx.feeds), dict(ctx.sections))
    render_pages(ctx, "Agence Test")
    assert (dict(ctx.feeds), dict(ctx.sections)) == before
    assert ctx.feeds["pain-doux"][0] == ("Tous les réseaux (iCalendar)", "feeds/pain-doux.ics")


def imports_of(path: Path) -> set[str]:
    """Modules of generator.site_pages that `path` imports, at run time or for type checking."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        module = node.module if isinstance(node, ast.ImportFrom) else None
        if module and module.startswith("generator.site_pages."):
            found.add(module.rsplit(".", 1)[1])
    return found


def test_site_page_modules_import_each_other_without_a_cycle() -> None:
    graph = {p.stem: imports_of(p) for p in SITE_PAGES.glob("*.py") if p.stem != "__init__"}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path, module))
        if module in done:
            return
        for other in graph.get(module, ()):
            visit(other, (*path, module))
        done.add(module)

    for module in graph:
        visit(module, ())


def test_every_kind_has_its_site_template() -> None:
    """A new kind's site page is its registry entry plus items/<kind>.html.j2."""
    from generator.content.kinds import KINDS
    from generator.site_pages.render import environment

    for kind in KINDS:
        assert hasattr(environment().get_template(kind.site_template).module, "body"), kind.name


def test_templates_escape_by_default_and_never_mark_text_safe() -> None:
    """`|safe` in a template would be an unreviewed hole; values are escaped like html.escape."""
    from markupsafe import Markup

    from generator.site_pages.render import environment

    templates = SITE_PAGES / "templates"
    for path in templates.rglob("*.j2"):
        assert "|safe" not in path.read_text(encoding="utf-8").replace(" ", ""), path
    page = environment().from_string('<p title="{{ v }}">{{ v }}</p>{{ m }}')
    html = page.render(v="<b>'x\" & y", m=Markup("<i>ok</i>"))
    assert html == (
        '<p title="&lt;b&gt;&#x27;x&quot; &amp; y">&lt;b&gt;&#x27;x&quot; &amp; y</p><i>ok</i>'
    )
