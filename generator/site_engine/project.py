"""The engine-specific part of the generated project: MkDocs gets Almanac's hooks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.site_engine import SEARCH_FILE

HOOKS = Path(__file__).with_name("mkdocs_hooks.py")


def engine_config(config: dict[str, Any], engine: str) -> dict[str, Any]:
    """The composed settings for `engine`: MkDocs runs Almanac's hooks, Zensical reads as is."""
    if engine != "mkdocs":
        return config
    hooks = [str(h) for h in config.get("hooks") or []]
    return {**config, "hooks": [*hooks, str(HOOKS)]}


def write_search_text(project_dir: Path, texts: dict[str, str]) -> None:
    """Each page's search text beside mkdocs.yml, for the hooks (outside docs/: not published)."""
    (project_dir / SEARCH_FILE).write_text(
        json.dumps(texts, ensure_ascii=False, sort_keys=True), encoding="utf-8"
    )
