"""Shared fixtures: the repository's example workspace, copied so tests can change it."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


def copy_workspace(target: Path) -> Path:
    """A copy of the example workspace (settings, content, calendar, reports templates); the
    report PDFs are left out, a PDF the content uses (a LinkedIn document) is copied."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO_ROOT / "almanac.yml", target / "almanac.yml")
    for folder in ("content", "calendar", "reports"):
        if (REPO_ROOT / folder).is_dir():
            skip = shutil.ignore_patterns("*.pdf") if folder == "reports" else None
            shutil.copytree(REPO_ROOT / folder, target / folder, ignore=skip)
    return target


@pytest.fixture
def example_ws(tmp_path: Path) -> Path:
    return copy_workspace(tmp_path / "ws")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files under tests/golden/ from the current output",
    )


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite the golden files (--regen-golden)."""
    return bool(request.config.getoption("--regen-golden"))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The hardening suite's figures (tests/hardening/figures.py), written to the file its
    variable names when benchmarks/hardening_figures.py runs the suite."""
    figures = sys.modules.get("figures")
    target = os.environ.get(figures.FIGURES_VARIABLE, "") if figures else ""
    if figures and target:
        text = json.dumps(figures.FIGURES, indent=1, sort_keys=True)
        Path(target).write_text(text, encoding="utf-8")
