"""`almanac codeowners`: one line per client from its approvers' GitHub names."""

from __future__ import annotations

from pathlib import Path

import pytest
from history_helpers import CLIENT_YML, new_workspace

from generator.cli import main


def test_writes_sorted_deterministic_codeowners(tmp_path: Path) -> None:
    repo = new_workspace(tmp_path / "ws")
    repo.write(
        "content/a-dash/client.yml",
        CLIENT_YML.replace("jeanne-b", '"@dash-team"').replace("paul-lead", "org/reviewers"),
    )
    repo.write("content/zeta/client.yml", "name: Zeta\nplatforms:\n  x:\n    handle: z\n")
    assert main(["--workspace", str(repo.root), "codeowners"]) == 0
    target = repo.root / ".github" / "CODEOWNERS"
    text = target.read_text(encoding="utf-8")
    rules = [line for line in text.splitlines() if not line.startswith("#")]
    assert rules == [
        "/content/a-dash/ @dash-team @org/reviewers",
        "/content/fournil/ @jeanne-b @paul-lead",
    ]
    stamp = target.stat().st_mtime_ns
    assert main(["--workspace", str(repo.root), "codeowners"]) == 0
    assert target.stat().st_mtime_ns == stamp  # unchanged output is not rewritten
    assert main(["--workspace", str(repo.root), "codeowners", "--check"]) == 0
    target.write_text("stale\n", encoding="utf-8")
    assert main(["--workspace", str(repo.root), "codeowners", "--check"]) == 1
    assert not list(target.parent.glob(".CODEOWNERS-*"))


def test_workspace_in_a_subfolder_and_bad_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo" / "agency"
    (root / "content" / "fournil").mkdir(parents=True)
    (root / "almanac.yml").write_text("name: Sub\n", encoding="utf-8")
    client = root / "content" / "fournil" / "client.yml"
    client.write_text(CLIENT_YML, encoding="utf-8")
    (tmp_path / "repo" / ".git").mkdir()
    assert main(["--workspace", str(root), "codeowners"]) == 0
    text = (tmp_path / "repo" / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "/agency/content/fournil/ @jeanne-b @paul-lead" in text
    client.write_text(CLIENT_YML.replace("jeanne-b", "jeanne b;rm"), encoding="utf-8")
    assert main(["--workspace", str(root), "codeowners"]) == 1
    err = capsys.readouterr().err
    assert "is not a GitHub user" in err
    line = CLIENT_YML.splitlines().index("    github: jeanne-b") + 1
    assert f"content/fournil/client.yml:{line}:" in err  # where to fix it
