"""Run the `almanac` CLI and SIGKILL it at a chosen step of its writes (fault injection).

    python benchmarks/kill_at.py POINT ALMANAC-ARGS...

A random moment cannot reliably land between two system calls a microsecond apart, so this
runner wraps the real call of a step so the process kills itself right after it (or right
before it); everything before and after is the real code. Used by the kill trials and by
tests/hardening/test_swap.py.

Points:
  none            run normally
  after-exchange  the site swap exchanged the folders; the staging folder is not removed yet
  between-renames the fallback swap (systems without renameat2) moved the old site aside and
                  has not moved the new one in (the probe is told the exchange is unavailable)
  before-replace  a PDF (or any atomic write) is flushed in its temp file, not renamed yet
  before-link     a new file (`almanac new`) is flushed in its temp file, not linked to its name
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from generator import site_swap
from generator.cli import main


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def kill_after_exchange() -> None:
    real = site_swap.exchange

    def exchange_then_die(first: Path, second: Path) -> bool:
        done = real(first, second)
        die()
        return done

    site_swap.exchange = exchange_then_die  # type: ignore[assignment]


def kill_between_renames() -> None:
    real = Path.rename

    def rename_then_die(self: Path, target: Any) -> Path:
        moved = real(self, target)
        if Path(target).name == site_swap.PREVIOUS:
            die()
        return moved

    site_swap.exchange = lambda first, second: False  # type: ignore[assignment]
    Path.rename = rename_then_die  # type: ignore[method-assign]


def kill_before_replace() -> None:
    def die_instead(source: Any, target: Any, **kwargs: Any) -> None:
        die()

    os.replace = die_instead  # type: ignore[assignment]


def kill_before_link() -> None:
    def die_instead(source: Any, target: Any, **kwargs: Any) -> None:
        die()

    os.link = die_instead


POINTS = {
    "none": lambda: None,
    "after-exchange": kill_after_exchange,
    "between-renames": kill_between_renames,
    "before-replace": kill_before_replace,
    "before-link": kill_before_link,
}


if __name__ == "__main__":
    POINTS[sys.argv[1]]()
    sys.exit(main(sys.argv[2:]))
