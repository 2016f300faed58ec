"""One timed run of a command: wall-clock seconds and peak memory of it and its children."""

from __future__ import annotations

import os
import subprocess
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
    """Run `command` to the end; `os.wait4` gives the peak memory of exactly this process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert process.stdout is not None
    with process.stdout as stream:
        output = stream.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1: `check` or `approvals` found problems, as expected
        raise CommandFailed(f"{' '.join(command)} exited {process.returncode}:\n{output[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, output, usage.ru_utime + usage.ru_stime)
