"""The generated project's files, and its engine-specific part: MkDocs gets Almanac's hooks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from generator.site_engine import SEARCH_FILE
from generator.site_engine.project_files import ProjectFiles
from generator.site_pages import SiteProject
from generator.site_pages.config import render_page_file, source_file

HOOKS = Path(__file__).with_name("mkdocs_hooks.py")


def engine_config(config: dict[str, Any], engine: str) -> dict[str, Any]:
    """The composed settings for `engine`: MkDocs runs Almanac's hooks, Zensical reads as is."""
    if engine != "mkdocs":
        return config
    hooks = [str(h) for h in config.get("hooks") or []]
    return {**config, "hooks": [*hooks, str(HOOKS)]}


def project_files(project: SiteProject, definition: Path, packaged_assets: Path) -> ProjectFiles:
    """The generated project: mkdocs.yml, docs/ (pages, assets, media), overrides/, search text.

    Almanac's stylesheet, script and icons ship with the package, so a workspace gets their
    fixes on upgrade; a file of the same name in calendar/assets/ replaces the packaged one.
    """
    files = ProjectFiles()
    files.add_tree("docs/assets", packaged_assets)
    if (definition / "assets").is_dir():
        files.add_tree("docs/assets", definition / "assets")
    if (definition / "overrides").is_dir():
        files.add_tree("overrides", definition / "overrides")
    for page in project.pages:
        files.add_text(f"docs/{source_file(page.path)}", render_page_file(page))
    for rel, text in project.texts.items():
        files.add_text(f"docs/{rel}", text)
    for rel, source in project.files.items():
        files.add_copy(f"docs/{rel}", source)
    config = yaml.safe_dump(project.config, allow_unicode=True, sort_keys=False)
    files.add_text("mkdocs.yml", config)
    files.add_text(SEARCH_FILE, json.dumps(project.search, ensure_ascii=False, sort_keys=True))
    return files
