"""Killed builds and reports lose nothing and leave nothing (issue 11, data loss).

Each process here is really killed with SIGKILL at a precise step of its writes by
benchmarks/kill_at.py (see benchmarks/kill_trials.py for kills at random moments).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from report_workspace import EN, build_workspace

from generator.output_guard import MARKER
from generator.scaffold import WorkspaceOptions, init_workspace
from generator.site_swap import recover_abandoned

REPO = Path(__file__).resolve().parents[2]
KILL_AT = REPO / "benchmarks" / "kill_at.py"
TODAY = "2026-11-21"


def run_almanac(point: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, str(KILL_AT), point, *args], env=env, capture_output=True, text=True
    )


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def staging_of(ws: Path) -> list[Path]:
    return sorted(ws.glob(".site-build-*"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small workspace with a site already built: the previous output the kills must keep."""
    ws = tmp_path_factory.mktemp("swap") / "ws"
    init_workspace(ws, WorkspaceOptions(name="Agence"), datetime(2026, 11, 21))
    done = run_almanac("none", "-w", str(ws), "build", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    return ws


def change_title(ws: Path) -> None:
    settings = ws / "almanac.yml"
    settings.write_text(settings.read_text().replace("Agence", "Agence Nouvelle"))


def test_kill_right_after_the_exchange_leaves_a_whole_site_and_is_cleaned_next_run(
    built: Path, tmp_path: Path
) -> None:
    ws = tmp_path / "ws"
    subprocess.run(["cp", "-a", str(built), str(ws)], check=True)
    change_title(ws)
    done = run_almanac("after-exchange", "-w", str(ws), "build", "--today", TODAY)
    assert done.returncode == -signal.SIGKILL
    site = files_of(ws / "site")
    assert MARKER in site and "index.html" in site
    assert b"Agence Nouvelle" in site["index.html"], "the exchange gave the whole new site"
    assert staging_of(ws), "the killed build had no time to remove its staging folder"
    assert run_almanac("none", "-w", str(ws), "build", "--today", TODAY).returncode == 0
    assert staging_of(ws) == []


def test_kill_between_the_two_renames_of_the_fallback_gives_the_previous_site_back(
    built: Path, tmp_path: Path
) -> None:
    ws = tmp_path / "ws"
    subprocess.run(["cp", "-a", str(built), str(ws)], check=True)
    previous = files_of(ws / "site")
    change_title(ws)
    done = run_almanac("between-renames", "-w", str(ws), "build", "--today", TODAY)
    assert done.returncode == -signal.SIGKILL
    assert not (ws / "site").exists(), "the kill landed between the two renames"
    assert recover_abandoned(ws / "site")
    assert files_of(ws / "site") == previous
    assert staging_of(ws) == []


def test_next_build_recovers_the_previous_site_even_when_it_fails(
    built: Path, tmp_path: Path
) -> None:
    ws = tmp_path / "ws"
    subprocess.run(["cp", "-a", str(built), str(ws)], check=True)
    previous = files_of(ws / "site")
    run_almanac("between-renames", "-w", str(ws), "build", "--today", TODAY)
    (ws / "calendar" / "mkdocs.yml").write_text("[not a mapping\n")
    done = run_almanac("none", "-w", str(ws), "build", "--today", TODAY)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert files_of(ws / "site") == previous
    assert staging_of(ws) == []


def test_a_report_killed_before_its_rename_keeps_the_old_pdf_and_the_temp_goes_next_run(
    tmp_path: Path,
) -> None:
    ws = build_workspace(tmp_path / "ws")
    folder = ws / "reports" / EN
    folder.mkdir(parents=True)
    previous = b"%PDF-1.7 the report sent last month\n"
    (folder / "2026-10.pdf").write_bytes(previous)
    # the first load measures the posts' images and writes the media cache atomically: done
    # by `check` first, so that the PDF is the report's first atomic write
    assert (
        run_almanac("none", "-w", str(ws), "check", "--client", EN, "--today", TODAY).returncode
        == 0
    )
    args = ("-w", str(ws), "report", "--month", "2026-10", "--client", EN, "--today", TODAY)
    done = run_almanac("before-replace", *args, "--jobs", "1")
    assert done.returncode == -signal.SIGKILL
    assert (folder / "2026-10.pdf").read_bytes() == previous
    assert len(list(folder.glob(".2026-10.pdf.*.tmp"))) == 1, "the killed write left its temp"
    assert run_almanac("none", *args).returncode == 0
    assert list(folder.glob(".*.tmp")) == []
    assert (folder / "2026-10.pdf").read_bytes().startswith(b"%PDF-")


def children_of(pid: int) -> set[int]:
    """Processes whose parent is `pid` (read from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_killing_report_all_months_kills_its_workers(tmp_path: Path) -> None:
    ws = build_workspace(tmp_path / "ws")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    args = ["report", "--all-months", "--jobs", "2", "--today", TODAY]
    parent = subprocess.Popen(
        [sys.executable, "-m", "generator", "-w", str(ws), *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    try:
        assert wait_for(lambda: len(children_of(parent.pid)) >= 2, 120), "no workers started"
        workers = children_of(parent.pid)
        parent.kill()
        parent.wait()
        assert wait_for(lambda: not any(alive(pid) for pid in workers), 30), (
            "workers outlived the killed `almanac report`"
        )
    finally:
        parent.kill()
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_killing_build_kills_its_site_engine_before_it_writes_a_site(tmp_path: Path) -> None:
    """The site engine (MkDocs) runs in a child process; before, it went on building after its
    `almanac build` was killed. It now dies with it: the site it was writing never appears."""
    ws = tmp_path / "ws"
    init_workspace(ws, WorkspaceOptions(name="Agence"), datetime(2026, 11, 21))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    parent = subprocess.Popen(
        [sys.executable, "-m", "generator", "-w", str(ws), "build", "--today", TODAY],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    engine: set[int] = set()
    try:
        assert wait_for(lambda: bool(engines_of(parent.pid)), 120), "no site engine started"
        engine = engines_of(parent.pid)
        parent.kill()
        parent.wait()
        assert wait_for(lambda: not any(alive(pid) for pid in engine), 30), (
            "the site engine outlived the killed `almanac build`"
        )
        assert not list(ws.rglob("sitemap.xml")), "the engine stopped before finishing a site"
        assert not (ws / "site").exists()
    finally:
        parent.kill()
        for pid in engine:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def engines_of(pid: int) -> set[int]:
    """The children of `pid` that run the site engine (mkdocs, through generator.lifeline)."""
    found = set()
    for child in children_of(pid):
        try:
            if b"mkdocs" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.add(child)
        except OSError:
            continue
    return found
