"""What the hardening suite tried, counted while it runs: the figures of issue 11's note.

Tests add to FIGURES as they go. When the variable FIGURES_VARIABLE names a file, the suite
writes the counts there when it ends (tests/conftest.py);
benchmarks/hardening_figures.py runs the suite that way and prints them.
"""

from __future__ import annotations

from collections import Counter

FIGURES_VARIABLE = "ALMANAC_HARDENING_FIGURES"
FIGURES: Counter[str] = Counter()

FUZZ = "fuzz: inputs tried (hypothesis examples: random and mutated files)"
FUZZ_LOCATED = "fuzz: refused, every problem at a file and a line"
FUZZ_VALID = "fuzz: still valid after the mutation, accepted without a problem"
LISTED = "listed bad inputs tried"
LISTED_LINE = "listed: refused at a file and a line"
LISTED_FILE = "listed: refused naming the file or folder (an import file or output folder)"
SCOPED_ARTIFACTS = "markers: client-scoped artifacts scanned (client site, report, own feeds)"
SCOPED_MARKERS = "markers: other client's and secret markers looked for in them"
SCOPED_FOUND = "markers: found in client-scoped artifacts"
ALL_ARTIFACTS = "markers: artifacts of the team site and the report scanned"
SECRET_MARKERS = "markers: internal and HTML-comment markers looked for in them"
SECRET_FOUND = "markers: secret markers found"


def tally(name: str, count: int = 1) -> None:
    FIGURES[name] += count


def fuzzed(refused: bool) -> None:
    """One fuzz example: refused (its problems were all located by the test) or still valid."""
    tally(FUZZ)
    tally(FUZZ_LOCATED if refused else FUZZ_VALID)


def listed(at_line: bool = True, count: int = 1) -> None:
    """`count` listed bad inputs, each refused at a file and line (or naming the file)."""
    tally(LISTED, count)
    tally(LISTED_LINE if at_line else LISTED_FILE, count)
