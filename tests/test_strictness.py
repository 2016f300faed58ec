"""One rule of strictness: errors block, warnings block under --strict, information never."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator.checking import check_workspace
from generator.metrics.store import POST_COLUMNS
from generator.problems import AlmanacError, Problem, Severity, blocking
from generator.site_build import BuildOptions, load_model

TODAY = datetime(2026, 11, 21, 9, tzinfo=UTC)


def problem(severity: Severity) -> Problem:
    return Problem("content/acme/client.yml", 1, "", "x.y", severity, "words")


def test_blocking_is_errors_and_warnings_only_when_strict() -> None:
    found = [problem(Severity.ERROR), problem(Severity.WARNING), problem(Severity.INFO)]
    assert [p.severity for p in blocking(found)] == [Severity.ERROR]
    assert [p.severity for p in blocking(found, strict=True)] == [
        Severity.ERROR,
        Severity.WARNING,
    ]
    assert blocking([problem(Severity.INFO)], strict=True) == []


def workspace_with_only_information(root: Path) -> Path:
    """A clean workspace whose only problem is post metrics that match no post (info)."""
    folder = root / "content" / "acme"
    (folder / "metrics").mkdir(parents=True)
    (root / "almanac.yml").write_text("name: Test Agency\n", encoding="utf-8")
    (folder / "client.yml").write_text(
        "name: Acme\ntimezone: Europe/Paris\nplatforms:\n  x:\n    handle: '@acme'\n",
        encoding="utf-8",
    )
    row = ["x", "123", "", "2026-10-01T10:00:00+00:00"] + [""] * (len(POST_COLUMNS) - 4)
    (folder / "metrics" / "posts.csv").write_text(
        ",".join(POST_COLUMNS) + "\n" + ",".join(row) + "\n", encoding="utf-8"
    )
    return root


def test_strict_build_is_not_stopped_by_information(tmp_path: Path) -> None:
    root = workspace_with_only_information(tmp_path)
    _, problems = check_workspace(root, TODAY)
    assert [p.severity for p in problems] == [Severity.INFO]
    model, shown = load_model(BuildOptions(root=root, today=TODAY, strict=True))
    assert [p.rule for p in shown] == ["metrics.unmatched"] and model.clients


def test_strict_build_is_stopped_by_a_warning(tmp_path: Path) -> None:
    root = workspace_with_only_information(tmp_path)
    (root / "content" / "acme" / "notes").mkdir()  # an unknown folder: a warning
    with pytest.raises(AlmanacError, match="1 problem\\(s\\) and --strict"):
        load_model(BuildOptions(root=root, today=TODAY, strict=True))
    load_model(BuildOptions(root=root, today=TODAY))  # without --strict the site is built
