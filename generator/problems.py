"""Problems found in a workspace: what every check, rule and reader reports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    """How bad a problem is; `--strict` promotes warnings to errors."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong, located at a file, a line and a field, said in plain words."""

    path: str
    line: int
    field: str
    rule: str
    severity: Severity
    message: str

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "field": self.field,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
        }


@dataclass
class ProblemList:
    """Collects problems from every stage so a run reports them all, then fails once."""

    items: list[Problem] = field(default_factory=list)

    def add(
        self,
        path: str,
        line: int,
        field: str,
        rule: str,
        message: str,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.items.append(Problem(path, line, field, rule, severity, message))

    def extend(self, other: ProblemList | list[Problem]) -> None:
        self.items.extend(other.items if isinstance(other, ProblemList) else other)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))

    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]


def blocking(problems: Iterable[Problem], strict: bool = False) -> list[Problem]:
    """The problems that stop a command: errors, and warnings too under `--strict`.

    The one rule of strictness: `check` fails on these, `build --strict` builds nothing and a
    report is not written. Information never blocks.
    """
    stops = (Severity.ERROR, Severity.WARNING) if strict else (Severity.ERROR,)
    return [p for p in problems if p.severity in stops]


class AlmanacError(Exception):
    """A user mistake (bad input, bad option): printed without a traceback, exit 1 or 2."""

    def __init__(
        self, message: str, path: Path | str | None = None, line: int = 0, exit_code: int = 1
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.exit_code = exit_code

    def __str__(self) -> str:
        where = (
            f"{self.path}:{self.line}: "
            if self.path and self.line
            else (f"{self.path}: " if self.path else "")
        )
        return f"{where}{self.message}"
