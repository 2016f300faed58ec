"""The import limits (`import_limits:` in almanac.yml) and the one message that enforces them."""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Iterator
from pathlib import Path

from generator.problems import AlmanacError
from generator.schema.settings import ImportLimits

MB = 1024 * 1024


def over_limit(
    where: Path | str, found: str, limit: str, setting: str, line: int = 0
) -> AlmanacError:
    """`found` (what the file holds) is over `limit`: the message names the setting to raise."""
    return AlmanacError(
        f"{found}, over the import limit of {limit}; nothing was imported. If this is a "
        f"real export, raise `import_limits.{setting}` in almanac.yml",
        where,
        line,
    )


def check_size(where: Path | str, size: int, limits: ImportLimits) -> None:
    if size > limits.max_file_mb * MB:
        raise over_limit(
            where, f"the file is {size / MB:.1f} MB", f"{limits.max_file_mb} MB", "max_file_mb"
        )


@contextlib.contextmanager
def csv_cell_limit(limits: ImportLimits) -> Iterator[None]:
    """The csv module's cell limit set to the setting while a file is read (it is global)."""
    previous = csv.field_size_limit(limits.max_cell_kb * 1024)
    try:
        yield
    finally:
        csv.field_size_limit(previous)
