"""`almanac report`: month selection, one failure among several clients, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_workspace import EN, FR, build_workspace

from generator.cli import main


def test_default_month_is_the_previous_one_and_a_failure_does_not_stop_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build_workspace(tmp_path / "ws")
    posts = root / "content" / FR / "metrics" / "posts.csv"
    posts.write_text(
        posts.read_text(encoding="utf-8").replace("fixture\n", "fixture,extra\n", 1),
        encoding="utf-8",
    )
    code = main(["-w", str(root), "report", "--today", "2026-11-21"])
    out, err = capsys.readouterr()
    assert code == 1
    assert (root / "reports" / EN / "2026-10.pdf").is_file()
    assert not (root / "reports" / FR).exists()
    assert f"report {FR} failed" in err and "posts.csv" in err and "expected 15 cells" in err
    assert "reports 2/2" in err  # progress on stderr
    assert "1 report(s) failed" in err and "2026-10.pdf: written" in out


def test_all_months_for_one_client_and_bad_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build_workspace(tmp_path / "ws")
    assert (
        main(["-w", str(root), "report", "--all-months", "--client", EN, "--today", "2026-10-15"])
        == 0
    )
    assert sorted(p.name for p in (root / "reports" / EN).iterdir()) == ["2026-09.pdf"]
    assert not (root / "reports" / FR).exists()
    assert main(["-w", str(root), "report", "--client", "nobody"]) == 2
    assert main(["-w", str(root), "report", "--month", "2026-13"]) == 2
    err = capsys.readouterr().err
    assert "no client `nobody`" in err and "is not a month" in err
