"""One timed run of a command: wall-clock seconds and peak memory of it and its children."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """What one command took."""

    seconds: float
    peak_mib: float  # the largest resident set among the process and the children it waited for
    output: str
    cpu_seconds: float = 0.0  # user + system time of the process and its children


class CommandFailed(RuntimeError):
    """A benchmarked command exited non-zero: its figure would mean nothing."""


def run_timed(
    command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> Run:
    """Run `command` to the end through benchmarks/launch.py, which measures exactly its tree."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "usage.json"
        launcher = [sys.executable, str(Path(__file__).with_name("launch.py")), str(report)]
        started = time.perf_counter()
        done = subprocess.run(
            [*launcher, *command],
            cwd=cwd,
            env={**os.environ, **(env or {})},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            check=False,
        )
        seconds = time.perf_counter() - started
        usage = json.loads(report.read_text(encoding="utf-8"))
    output = done.stdout.decode("utf-8", "replace")
    if done.returncode not in (0, 1):  # 1: `check` or `approvals` found problems, as expected
        raise CommandFailed(f"{' '.join(command)} exited {done.returncode}:\n{output[-3000:]}")
    return Run(seconds, usage["peak_kib"] / 1024, output, usage["cpu"])
