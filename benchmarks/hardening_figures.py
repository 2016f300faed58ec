"""The figures of the hardening suite: bad inputs tried and how they were refused, markers
looked for and found, counted by the tests themselves while the suite runs.

Runs `pytest tests/hardening` with ALMANAC_HARDENING_FIGURES set (tests/hardening/figures.py
says what each test adds), then prints the counts and whether they keep the suite's promises:
every refusal located, no marker found. Exit 1 when the suite fails or a promise is broken.

Run: python benchmarks/hardening_figures.py [pytest arguments, e.g. -k fuzz]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "hardening"))

from figures import (  # noqa: E402
    ALL_ARTIFACTS,
    FIGURES_VARIABLE,
    FUZZ,
    FUZZ_LOCATED,
    FUZZ_VALID,
    LISTED,
    LISTED_FILE,
    LISTED_LINE,
    SCOPED_ARTIFACTS,
    SCOPED_FOUND,
    SCOPED_MARKERS,
    SECRET_FOUND,
    SECRET_MARKERS,
)

ORDER = [
    FUZZ,
    FUZZ_LOCATED,
    FUZZ_VALID,
    LISTED,
    LISTED_LINE,
    LISTED_FILE,
    SCOPED_ARTIFACTS,
    SCOPED_MARKERS,
    SCOPED_FOUND,
    ALL_ARTIFACTS,
    SECRET_MARKERS,
    SECRET_FOUND,
]


def run_suite(extra: list[str]) -> tuple[int, dict[str, int]]:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "figures.json"
        env = {**os.environ, "PYTHONPATH": str(REPO), FIGURES_VARIABLE: str(target)}
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        done = subprocess.run([*command, "tests/hardening", *extra], cwd=REPO, env=env)
        counts = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    return done.returncode, counts


def promises_kept(counts: dict[str, int]) -> list[str]:
    """What the figures must show; the broken promises, if any."""
    broken = []
    if counts.get(FUZZ, 0) != counts.get(FUZZ_LOCATED, 0) + counts.get(FUZZ_VALID, 0):
        broken.append("a fuzz example was neither located nor valid")
    if counts.get(LISTED, 0) != counts.get(LISTED_LINE, 0) + counts.get(LISTED_FILE, 0):
        broken.append("a listed bad input was not refused where it is")
    if counts.get(SCOPED_FOUND, 0) or counts.get(SECRET_FOUND, 0):
        broken.append("a marker was found where it must not be")
    return broken


def main() -> int:
    code, counts = run_suite(sys.argv[1:])
    print("\nhardening figures")
    for name in ORDER:
        print(f"{counts.get(name, 0):>8}  {name}")
    broken = promises_kept(counts)
    for promise in broken:
        print(f"BROKEN: {promise}")
    return 1 if code or broken else 0


if __name__ == "__main__":
    sys.exit(main())
