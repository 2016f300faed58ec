"""The README documents every command and every front-matter field, and is up to date."""

from __future__ import annotations

from pathlib import Path

from generator.cli import discover_commands
from generator.commands.schema import ALL_KINDS
from generator.reference import render_reference


def test_readme_reference_is_current(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    assert render_reference() in readme, (
        "README reference is stale: run `python -m generator.reference --write README.md`"
    )


def test_every_command_and_field_is_documented(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    for module in discover_commands():
        assert f"#### `almanac {module.NAME}`" in readme
    for model in ALL_KINDS.values():
        for name, info in model.model_fields.items():
            assert f"`{name}`" in readme or f".{name}`" in readme, name
            assert info.description, f"{model.__name__}.{name} has no doc"


def test_readme_has_exactly_two_setup_commands(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    assert readme.count("<!-- main-command -->") == 1
    assert readme.count("<!-- test-command -->") == 1
    ci = (repo_root / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command" in ci
