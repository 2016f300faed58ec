"""The security floors of DESIGN.md section 7, in pyproject.toml and in what is installed."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
# name -> (lowest allowed version, versions that must be refused)
FLOORS = {
    "weasyprint": ("70", ["69.0", "62.3"]),  # CVE-2026-55073 and older URL-fetcher bypasses
    "gitpython": ("3.2", ["3.1.60", "3.1.41"]),  # option-injection advisories
    "pymdown-extensions": ("11.0.1", ["11.0", "10.8"]),
    "pyyaml": ("6", ["5.4.1", "5.3"]),
}
CEILINGS = {"mkdocs": ("2", ["1.6.1"])}  # mkdocs 2.0 breaks Material
REQUIRED = {"nh3"}


def requirements() -> dict[str, Requirement]:
    data = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    found = [Requirement(text) for text in data["project"]["dependencies"]]
    return {canonicalize_name(r.name): r for r in found}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_pyproject_refuses_versions_below_the_floor(name: str) -> None:
    floor, below = FLOORS[name]
    specifier = requirements()[name].specifier
    assert specifier.contains(floor) or any(specifier.contains(f"{floor}.{n}") for n in (0, 1))
    for version in below:
        assert not specifier.contains(version), f"{name} {version} would be accepted"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_installed_versions_meet_the_floor(name: str) -> None:
    floor, _ = FLOORS[name]
    assert Version(metadata.version(name)) >= Version(floor)


def test_mkdocs_stays_below_2_in_pyproject_and_installed() -> None:
    ceiling, allowed = CEILINGS["mkdocs"]
    specifier = requirements()["mkdocs"].specifier
    assert not specifier.contains(ceiling) and not specifier.contains("2.1")
    assert all(specifier.contains(v) for v in allowed)
    assert Version(metadata.version("mkdocs")) < Version(ceiling)


def test_nh3_is_a_runtime_dependency_and_installed() -> None:
    assert set(requirements()) >= REQUIRED
    for name in REQUIRED:
        assert metadata.version(name)
