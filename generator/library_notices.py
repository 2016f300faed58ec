"""Notices from the libraries Almanac drives (fontTools, matplotlib, Pillow), kept, not printed.

Left alone, these libraries print their warnings straight to the terminal (Python's last-resort
log handler, the `warnings` module), once per report: a flood the user did not cause and cannot
act on. They are collected here; the command shows each distinct one once, with `--verbose`.
WeasyPrint's own log is collected by generator.report.pdf, which also fails a report on errors.
"""

from __future__ import annotations

import logging
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

LIBRARY_LOGGERS = ("fontTools", "matplotlib", "PIL")


class NoticeCollector(logging.Handler):
    def __init__(self, notes: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.notes = notes

    def emit(self, record: logging.LogRecord) -> None:
        self.notes.append(f"{record.name.split('.')[0]}: {record.getMessage()}")


@contextmanager
def capture_notices() -> Iterator[list[str]]:
    """Collect the warnings libraries log or raise inside the block, instead of printing them."""
    notes: list[str] = []
    handler = NoticeCollector(notes)
    loggers = [logging.getLogger(name) for name in LIBRARY_LOGGERS]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield notes
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
    notes.extend(f"{w.category.__name__}: {w.message}" for w in caught)


def format_notices(notes: Iterable[str], runs: str) -> list[str]:
    """Each distinct notice once, with how many `runs` (e.g. reports) gave it."""
    counts = Counter(notes)
    return [
        f"  {note}" + (f" ({count} {runs})" if count > 1 else "")
        for note, count in sorted(counts.items())
    ]
