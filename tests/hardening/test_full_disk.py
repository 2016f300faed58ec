"""A full disk gives a clear message and loses nothing (issue 11, kill and disk trials).

The disk is a real, small tmpfs mounted for the test (root only: CI runs as root), shrunk so the
previous output fits but not a second copy of it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from report_workspace import EN, build_workspace

from generator.cli import main
from generator.scaffold import WorkspaceOptions, init_workspace

TODAY = "2026-11-21"
PAGE = 4096  # tmpfs counts whole pages
pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small disk needs root")


class SmallDisk:
    """A tmpfs at `path`; `shrink` leaves `spare` bytes free beyond what is used now."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(path)], check=True)

    def shrink(self, spare: int) -> None:
        used = shutil.disk_usage(self.path).used
        size = used + spare
        subprocess.run(["mount", "-o", f"remount,size={size}", str(self.path)], check=True)
        assert shutil.disk_usage(self.path).total <= size + 8192

    def unmount(self) -> None:
        subprocess.run(["umount", "-l", str(self.path)], check=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    disk = SmallDisk(tmp_path / "disk")
    try:
        yield disk
    finally:
        disk.unmount()


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_build_on_a_full_disk_says_so_and_keeps_the_previous_site(
    tmp_path: Path, small_disk: SmallDisk, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "ws"
    init_workspace(ws, WorkspaceOptions(name="Agence"), datetime(2026, 11, 21))
    out = small_disk.path / "site"
    args = ["-w", str(ws), "build", "--today", TODAY, "--output", str(out)]
    assert main(args) == 0
    previous = files_of(out)
    small_disk.shrink(64 * 1024)
    capsys.readouterr()
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "the disk is full" in err and "previous site is kept" in err, err
    assert "Traceback" not in err and "internal error" not in err
    assert files_of(out) == previous
    assert sorted(p.name for p in small_disk.path.iterdir()) == ["site"], "no staging left"


def test_a_report_on_a_full_disk_says_so_and_keeps_the_previous_pdf(
    tmp_path: Path, small_disk: SmallDisk, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = build_workspace(tmp_path / "ws")
    folder = ws / "reports" / EN
    folder.parent.mkdir(parents=True)
    folder.symlink_to(small_disk.path)  # reports/<client> lives on the small disk
    previous = b"%PDF-1.7 last month's report\n"
    (folder / "2026-10.pdf").write_bytes(previous)
    small_disk.shrink(4 * 1024)
    args = ["-w", str(ws), "report", "--month", "2026-10", "--client", EN, "--today", TODAY]
    assert main([*args, "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "the disk is full" in err and "the previous PDF is kept" in err, err
    assert (folder / "2026-10.pdf").read_bytes() == previous
    assert sorted(p.name for p in folder.iterdir()) == ["2026-10.pdf"], "no temp file left"


def test_a_report_writes_its_pdf_and_workbook_both_or_neither(
    tmp_path: Path, small_disk: SmallDisk, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the PDF was renamed into place, then the workbook hit the full disk: a PDF
    without its workbook (or a new PDF beside last run's), though the run failed."""
    ws = build_workspace(tmp_path / "ws")
    folder = ws / "reports" / EN
    folder.parent.mkdir(parents=True)
    folder.symlink_to(small_disk.path)
    args = ["-w", str(ws), "report", "--month", "2026-10", "--client", EN, "--today", TODAY]
    assert main([*args, "--jobs", "1"]) == 0  # to learn the sizes of the two files
    sizes = {name: pages(data) for name, data in files_of(folder).items()}
    assert sorted(sizes) == ["2026-10.pdf", "2026-10.xlsx"]
    for path in folder.iterdir():
        path.unlink()
    small_disk.shrink((sum(sizes.values()) - 1) * PAGE)  # one page short of both files
    capsys.readouterr()
    assert main([*args, "--jobs", "1"]) == 1
    assert "the disk is full" in capsys.readouterr().err
    assert list(folder.iterdir()) == [], "neither file, and no temp file"


def pages(data: bytes) -> int:
    return -(-len(data) // PAGE)
