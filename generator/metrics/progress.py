"""A plain progress bar on stderr for large exports (a bar on a terminal, a few lines in logs)."""

from __future__ import annotations

import sys
from typing import TextIO

TTY_MIN_ROWS = 5_000
LOG_MIN_ROWS = 50_000
WIDTH = 30


class Progress:
    """Shows how far the reading of one file got; silent for small files."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.label = label
        self.total = max(total, 1)
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = total >= (TTY_MIN_ROWS if self.tty else LOG_MIN_ROWS)
        self.shown = -1

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        percent = min(100, done * 100 // self.total)
        step = percent if self.tty else percent // 25 * 25
        if step == self.shown:
            return
        self.shown = step
        if self.tty:
            filled = WIDTH * percent // 100
            bar = "#" * filled + "-" * (WIDTH - filled)
            self.stream.write(f"\r{self.label} [{bar}] {percent:3d}%")
        else:
            self.stream.write(f"{self.label}: {step}%\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self.update(self.total)
            if self.tty:
                self.stream.write("\n")
                self.stream.flush()
