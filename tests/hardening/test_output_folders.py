"""`almanac build --output` only ever replaces a folder Almanac made: never the workspace,
its sources, or a folder holding someone's files (issue 11, data loss)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from figures import listed

from generator.cli import main
from generator.output_guard import MARKER
from generator.scaffold import WorkspaceOptions, init_workspace

TODAY = "2026-11-21"


def listing(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    init_workspace(root, WorkspaceOptions(name="Agence"), datetime(2026, 11, 21))
    (root / ".git").mkdir()  # a stand-in for the repository history: it must survive too
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return root


def build(ws: Path, output: str | Path) -> int:
    return main(["--workspace", str(ws), "build", "--today", TODAY, "--output", str(output)])


@pytest.mark.parametrize("output", [".", "content", "content/atelier", "calendar", ".git", ".."])
def test_output_refuses_the_workspace_and_its_sources(
    ws: Path, output: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ws)
    before = listing(ws.parent)
    assert build(ws, output) == 2
    assert listing(ws.parent) == before, "nothing may be deleted or added"
    err = capsys.readouterr().err
    assert "refusing to write the site into" in err and "nothing was changed" in err
    listed(at_line=False)


def test_output_refuses_a_folder_with_other_files(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "documents"
    foreign.mkdir()
    (foreign / "contract.pdf").write_bytes(b"%PDF-1.7 precious")
    assert build(ws, foreign) == 2
    assert (foreign / "contract.pdf").read_bytes() == b"%PDF-1.7 precious"
    assert listing(foreign) == ["contract.pdf"]
    assert "a folder Almanac did not create" in capsys.readouterr().err
    listed(at_line=False)


def test_output_refuses_a_file(ws: Path, tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("keep me")
    assert build(ws, target) == 2
    assert target.read_text() == "keep me"
    listed(at_line=False)


def test_output_accepts_an_empty_folder_marks_it_and_replaces_it_next_time(
    ws: Path, tmp_path: Path
) -> None:
    out = tmp_path / "public"
    out.mkdir()
    assert build(ws, out) == 0
    assert (out / MARKER).is_file() and (out / "index.html").is_file()
    (out / "stale.html").write_text("from an older build")
    assert build(ws, out) == 0, "a folder Almanac marked is its own to replace"
    assert not (out / "stale.html").exists()
    assert (out / MARKER).is_file()
    assert not list(tmp_path.glob(".public-build-*")), "no staging folder stays behind"
