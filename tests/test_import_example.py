"""The example workspace's metrics are what `almanac import` makes of its export files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.checking import check_workspace, parse_today
from tests.import_helpers import run_import

CLIENTS = ["atelier-velo", "fournil-des-halles", "northwind-outdoor"]


@pytest.mark.parametrize("slug", CLIENTS)
def test_example_metrics_are_reproduced_byte_for_byte(
    example_ws: Path, repo_root: Path, slug: str
) -> None:
    folder = example_ws / "content" / slug
    exports = sorted((folder / "exports").iterdir())
    assert exports, "the example keeps its raw exports"
    shutil.rmtree(folder / "metrics")
    assert run_import(example_ws, *exports, "--client", slug)[0] == 0
    committed = sorted(p.name for p in (repo_root / "content" / slug / "metrics").iterdir())
    assert sorted(p.name for p in (folder / "metrics").iterdir()) == committed
    for name in committed:
        committed_bytes = (repo_root / "content" / slug / "metrics" / name).read_bytes()
        assert (folder / "metrics" / name).read_bytes() == committed_bytes


def test_every_example_post_metric_joins_a_post(example_ws: Path) -> None:
    _, problems = check_workspace(example_ws, parse_today("2026-11-21"))
    assert not [p for p in problems if p.rule.startswith("metrics.")]
