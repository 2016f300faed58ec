"""Progress on long runs (build, report, import), drawn by `rich` on a terminal only.

A person at a terminal sees a bar with the step being done and the time spent; a log (CI, a
pipe, the tests) gets nothing at all, since progress lines there are noise that hides the
messages that matter. The bar is transient: it disappears when the run ends, leaving only the
command's own summary.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

ROWS_WORTH_A_BAR = 5_000  # smaller exports are read in well under a second


def is_interactive(stream: TextIO | None = None) -> bool:
    """True when `stream` (default stderr) is a terminal a person watches."""
    stream = stream if stream is not None else sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)())


class Steps:
    """A bar over a known number of steps; does nothing when not on a terminal.

    Use as a context manager: `with Steps("build", 5) as steps: steps.advance("rendering")`.
    """

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = max(total, 1)
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        if is_interactive(stream):
            console = Console(file=stream if stream is not None else sys.stderr)
            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("[bold]{task.fields[label]}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )

    def __enter__(self) -> Steps:
        if self.progress is not None:
            self.progress.start()
            self.task = self.progress.add_task("", total=self.total, label=self.label)
        return self

    def start(self, description: str) -> None:
        """Say which step is running now (without counting it as done)."""
        if self.progress is not None and self.task is not None:
            self.progress.update(self.task, description=description)

    def advance(self, description: str = "", amount: int = 1) -> None:
        """Count `amount` steps as done; `description` says what comes next or what was done."""
        if self.progress is not None and self.task is not None:
            self.progress.update(self.task, advance=amount, description=description)

    def set_done(self, done: int) -> None:
        if self.progress is not None and self.task is not None:
            self.progress.update(self.task, completed=min(done, self.total))

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.progress is not None:
            self.progress.stop()


class RowProgress:
    """How far the reading of one export file got; shown only for large files on a terminal."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        shown = total >= ROWS_WORTH_A_BAR
        self.steps = Steps(label, total, stream if shown else _NOT_A_TERMINAL)
        self.steps.__enter__()

    def update(self, done: int) -> None:
        self.steps.set_done(done)

    def finish(self) -> None:
        self.steps.set_done(self.steps.total)
        self.steps.__exit__(None, None, None)


def quiet_steps() -> Steps:
    """A Steps that draws nothing (for callers that show no progress, such as `serve`)."""
    return Steps("", 1, _NOT_A_TERMINAL)


class _Silent:
    """A stream that is not a terminal: makes a Steps bar that draws nothing."""

    def isatty(self) -> bool:
        return False


_NOT_A_TERMINAL: TextIO = _Silent()  # type: ignore[assignment]
