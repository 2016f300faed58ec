"""The days an item file names even when it cannot be loaded: its file name and date fields.

A broken item is not loaded, so its typed dates are unknown. A report still needs to know
which months such a file may belong to: only the reports of those months are blocked by it
(a December draft does not stop November's report). The loader records these days here, so
that no later stage reads the file again.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from generator.content.kinds import KINDS
from generator.frontmatter import SourceError, max_file_bytes, read_bytes

_FIELDS = sorted({name for kind in KINDS for name in kind.date_fields})
# the dates as written at the start of a line (the schema's fields are never indented)
_DATE_FIELD = re.compile(
    rf"^(?:{'|'.join(_FIELDS)})\s*:\s*['\"]?(\d{{4}}-\d{{2}}-\d{{2}})", re.MULTILINE
)
_FILE_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def named_days(path: Path) -> tuple[date, ...] | None:
    """The days an item file names (file name and date fields); None if it names none."""
    named = file_name_day(path.name)
    try:  # read as the loader does: never a pipe or a device, never more than the limit
        text = read_bytes(path, max_file_bytes()).decode("utf-8", errors="replace")
    except (SourceError, OSError):  # an unreadable file names no day inside: its name only
        text = ""
    days = [named] if named else []
    for written in _DATE_FIELD.findall(text):
        try:
            days.append(date.fromisoformat(written))
        except ValueError:
            continue
    return tuple(days) or None


def file_name_day(name: str) -> date | None:
    """The day a file name starts with (`2026-11-03-launch.md`), None if none."""
    named = _FILE_DATE.match(name)
    try:
        return date.fromisoformat(named.group(1)) if named else None
    except ValueError:
        return None
