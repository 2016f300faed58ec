"""Time `almanac check` on a generated workspace beside a bare libyaml parse of the same files."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import yaml


def time_bare_yaml(root: Path) -> tuple[float, int]:
    """Read every item file and parse its front matter with libyaml's CBaseLoader, nothing more."""
    start = time.perf_counter()
    count = 0
    for path in sorted((root / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        front = text.split("\n---\n", 1)[0].removeprefix("---\n")
        yaml.load(front, Loader=yaml.CBaseLoader)  # noqa: S506 - BaseLoader builds only str
        count += 1
    return time.perf_counter() - start, count


def time_check(root: Path, today: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "-w",
            str(root),
            "check",
            "--today",
            today,
            "--format",
            "json",
        ],
        stdout=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("workspace", type=Path)
    parser.add_argument("--today", default="2026-11-21")
    args = parser.parse_args()
    bare, count = time_bare_yaml(args.workspace)
    full = time_check(args.workspace, args.today)
    print(f"files: {count}")
    print(f"libyaml CBaseLoader parse only: {bare:.2f} s")
    print(f"almanac check (whole process, load + validate + rules): {full:.2f} s")


if __name__ == "__main__":
    main()
