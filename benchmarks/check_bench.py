"""Time `almanac check` on a generated workspace beside a bare libyaml parse of the same files.

python -m benchmarks.check_bench WORKSPACE [--today 2026-11-21]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.floor import parse_all


def time_bare_yaml(root: Path) -> tuple[float, int]:
    """The libyaml floor (benchmarks/floor.py) on the same files, timed."""
    start = time.perf_counter()
    count = parse_all(root)
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
