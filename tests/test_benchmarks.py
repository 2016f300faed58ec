"""The benchmark runner on 100 items: every row of the table is measured, with its anchor."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.runner import main

ROWS = [
    "check, cold",
    "check, warm (nothing changed)",
    "build, clean (mkdocs)",
    "build, clean (zensical)",
    "rebuild, nothing changed",
    "rebuild, one post changed",
    "serve, saved post → page reloaded",
    "one client-month report, warm",
    "all 2 reports of a month",
    "history + approvals pass (5 commits/item)",
]


def test_runner_prints_and_records_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = tmp_path / "BENCHMARKS.md"
    record.write_text("# Old table\n\n## Notes\n\nWhy a target is missed.\n", encoding="utf-8")
    main(
        [
            "--posts",
            "100",
            "--clients",
            "2",
            "--out",
            str(tmp_path / "out"),
            "--record",
            str(record),
        ]
    )
    table = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| ")]
    names = [line.split(" | ")[0].removeprefix("| ") for line in table[2:]]
    assert names == ROWS  # after the header and its separator
    for row in table[2:]:
        assert " s |" in row  # every figure measured
    for anchored in ("check, cold", "build, clean (mkdocs)", "history + approvals pass"):
        row = next(r for r in table if r.startswith(f"| {anchored}"))
        assert " × |" in row  # printed as a ratio to its anchor
    assert (tmp_path / "out/workspace/.almanac-cache").is_dir()  # the builds used the cache
    text = record.read_text(encoding="utf-8")
    assert "Machine:" in text and "python -m benchmarks" in text and table[0] in text
    assert "Old table" not in text and text.endswith("## Notes\n\nWhy a target is missed.\n")
