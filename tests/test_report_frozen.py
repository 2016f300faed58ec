"""Issue 12: a report does not depend on the folder, the time zone or the language it is
rendered in: two clones of one commit give the same PDF bytes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from report_workspace import FR, build_workspace

REPO = Path(__file__).resolve().parent.parent


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def render(clone: Path, zone: str, lang: str) -> bytes:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "TZ": zone,
        "LANG": lang,
        "LC_ALL": lang,
    }
    env.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run(
        [sys.executable, "-m", "generator", "report", "--client", FR, "--month", "2026-10"]
        + ["--today", "2026-11-21", "--jobs", "1"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return (clone / "reports" / FR / "2026-10.pdf").read_bytes()


def test_two_clones_in_other_folders_zones_and_languages_give_the_same_pdf(
    tmp_path: Path,
) -> None:
    origin = build_workspace(tmp_path / "origin")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "ws")
    first = tmp_path / "a"
    second = tmp_path / "somewhere" / "much" / "deeper" / "b"
    second.parent.mkdir(parents=True)
    git(tmp_path, "clone", "-q", str(origin), str(first))
    git(tmp_path, "clone", "-q", str(origin), str(second))
    one = render(first, "UTC", "C.UTF-8")
    other = render(second, "Pacific/Auckland", "fr_FR.UTF-8")
    assert one == other
    assert str(tmp_path).encode() not in one
