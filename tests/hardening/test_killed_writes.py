"""Killed runs of any command leave nothing behind once the next run writes (issue 11).

`build` and `report` are tried in test_swap.py; here the other commands that write into the
workspace: `import` (its metrics/ folder), `new` (an item, a client), and the rule all atomic
writes follow. Each process is really killed with SIGKILL by benchmarks/kill_at.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from generator.atomic import write_atomic
from generator.scaffold import WorkspaceOptions, init_workspace
from tests.import_helpers import FIXTURES, make_workspace

REPO = Path(__file__).resolve().parents[2]
KILL_AT = REPO / "benchmarks" / "kill_at.py"
TODAY = "2026-11-21"


def run_almanac(point: str, ws: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, str(KILL_AT), point, "-w", str(ws), *args],
        env=env,
        capture_output=True,
        text=True,
    )


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def temps_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".*.tmp"))


def test_a_killed_import_keeps_the_metrics_and_the_next_import_removes_its_temp(
    tmp_path: Path,
) -> None:
    """Before: the temp file of a killed import stayed in content/<client>/metrics/ for good."""
    ws = make_workspace(tmp_path / "ws")
    metrics = ws / "content" / "acme" / "metrics"
    daily = str(FIXTURES / "x_daily_en.csv")
    assert run_almanac("none", ws, "import", daily, "--client", "acme").returncode == 0
    before = files_of(metrics)
    tweets = str(FIXTURES / "x_tweet_activity_en.csv")
    done = run_almanac("before-replace", ws, "import", tweets, "--client", "acme")
    assert done.returncode == -signal.SIGKILL
    assert len(temps_in(metrics)) == 1, "the killed import left its temp file"
    assert {n: b for n, b in files_of(metrics).items() if not n.endswith(".tmp")} == before
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"\xff\xfe" + "Date\tImpressions\n".encode("utf-16-le") + b"x")
    refused = run_almanac("none", ws, "import", str(broken), "--client", "acme")
    assert refused.returncode == 1, refused.stderr
    assert temps_in(metrics) == [], "the next import cleans up, even one that is refused"
    assert files_of(metrics) == before


def test_a_killed_new_post_leaves_no_half_item_and_the_next_one_cleans_up(
    tmp_path: Path,
) -> None:
    """Before: `new` wrote the item in place, so a kill left a half-written post."""
    ws = tmp_path / "ws"
    init_workspace(ws, WorkspaceOptions(name="Agence"), datetime(2026, 11, 21))
    args = ["new", "post", "--client", "sample-client", "--title", "Soldes d'hiver"]
    args += ["--at", "2026-12-10 12:30", "--today", TODAY]
    posts = ws / "content" / "sample-client" / "posts"
    before = sorted(p.name for p in posts.glob("*.md"))
    assert run_almanac("before-link", ws, *args).returncode == -signal.SIGKILL
    assert sorted(p.name for p in posts.glob("*.md")) == before, "no item, not even half of one"
    assert len(temps_in(posts)) == 1
    done = run_almanac("none", ws, *args)
    assert done.returncode == 0, done.stderr
    assert temps_in(posts) == []
    [new] = sorted(set(p.name for p in posts.glob("*.md")) - set(before))
    assert (posts / new).read_text(encoding="utf-8").startswith("---\n")
    again = run_almanac("none", ws, *args)
    assert again.returncode == 1 and "nothing was overwritten" in again.stderr


def test_a_new_client_killed_at_birth_can_be_made_again(tmp_path: Path) -> None:
    """Before: the empty folder of a killed `new client` made every retry refuse the slug."""
    ws = tmp_path / "ws"
    init_workspace(ws, WorkspaceOptions(name="Agence"), datetime(2026, 11, 21))
    args = ["new", "client", "boulangerie-martin", "--name", "Boulangerie Martin"]
    args += ["--platforms", "instagram=@martin"]
    folder = ws / "content" / "boulangerie-martin"
    assert run_almanac("before-link", ws, *args).returncode == -signal.SIGKILL
    assert not (folder / "client.yml").exists()
    done = run_almanac("none", ws, *args)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["client.yml"]
    assert run_almanac("none", ws, *args).returncode == 1, "a client that exists is refused"


HOLD_TEMP = """
import sys, time
from pathlib import Path
from generator.atomic import locked_temp
handle, temp = locked_temp(Path(sys.argv[1]))
print(temp, flush=True)
time.sleep(600)
"""


def holding_temp(target: Path) -> tuple[subprocess.Popen[str], Path]:
    """A process that writes a temp file for `target` and holds it, as a running write does."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_TEMP, str(target)],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    with child.stdout:
        return child, Path(child.stdout.readline().strip())


def test_every_atomic_write_removes_the_temps_of_killed_writes_in_its_folder(
    tmp_path: Path,
) -> None:
    """Any command's killed write (report workbook, events import, move...) is cleaned by the
    next write into the same folder; a write in progress and other people's files are kept."""
    folder = tmp_path / "reports"
    folder.mkdir()
    killed, killed_temp = holding_temp(folder / "2026-10.xlsx")
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    running, running_temp = holding_temp(folder / "2026-11.pdf")
    theirs = folder / ".notes.tmp"
    theirs.write_text("a colleague's file that merely ends in .tmp")
    try:
        assert killed_temp.exists()
        assert write_atomic(folder / "2026-10.pdf", b"%PDF-1.7\n")
        assert not killed_temp.exists(), "the killed write's temp is removed"
        assert running_temp.exists(), "a write in progress is never taken"
        assert theirs.exists(), "only files named like Almanac's temps are removed"
    finally:
        running.kill()
        running.wait()
    # the lock went with the process: now it is a killed write's temp too, and a write that
    # changes nothing still cleans the folder
    assert not write_atomic(folder / "2026-10.pdf", b"%PDF-1.7\n")
    assert temps_in(folder) == [".notes.tmp"]


def test_git_ignores_what_a_killed_run_leaves_until_the_next_run_removes_it(
    tmp_path: Path,
) -> None:
    """Before: staging folders were not git-ignored, so `git add -A` (the monthly workflow
    commits) could commit the previous site, and only PDF temps were ignored."""
    ws = tmp_path / "ws"
    init_workspace(ws, WorkspaceOptions(name="Agence"), datetime(2026, 11, 21))
    left = [
        ".site-build-k2j3h4g5/index.html",
        "content/sample-client/metrics/.posts.csv.abcd_123.tmp",
        "content/sample-client/posts/.2026-12-10-soldes.md.x1y2z3w4.tmp",
        "reports/sample-client/.2026-10.pdf.abcd1234.tmp",
        "reports/sample-client/.2026-10.xlsx.abcd1234.tmp",
    ]
    kept = ["content/sample-client/client.yml", "content/sample-client/metrics/posts.csv"]
    subprocess.run(["git", "init", "-q", str(ws)], check=True)
    done = subprocess.run(
        ["git", "-C", str(ws), "check-ignore", "--no-index", *left, *kept],
        capture_output=True,
        text=True,
    )
    assert done.stdout.split() == left
