"""Golden files: generated output kept under tests/golden/, compared byte for byte on every run.

A difference fails with a unified diff and the command that rewrites the files; the rewritten
files are then reviewed (and committed) like any other change of the output.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
REGEN = "python3 -m pytest tests/test_golden.py --regen-golden"
DIFF_LINES = 120  # enough to see what changed; the full picture is in `git diff` after regen
_DATA_URI = re.compile(r"data:([\w/+.-]+);base64,([A-Za-z0-9+/=]+)")


def digest_data_uris(text: str) -> str:
    """Embedded files (charts, images) as a short digest: a diff of base64 reads as noise."""

    def short(found: re.Match[str]) -> str:
        digest = hashlib.sha256(found.group(2).encode("ascii")).hexdigest()[:16]
        return f"data:{found.group(1)};sha256,{digest}"

    return _DATA_URI.sub(short, text)


def compare(name: str, actual: str, regen: bool) -> None:
    """Compare `actual` with the golden file `name`; rewrite it instead when `regen`."""
    path = GOLDEN / name
    if regen:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    if not path.is_file():
        raise AssertionError(f"no golden file {path.relative_to(GOLDEN.parent)}: run `{REGEN}`")
    expected = path.read_bytes().decode("utf-8")
    if actual == expected:
        return
    diff = list(
        difflib.unified_diff(
            expected.splitlines(),
            actual.splitlines(),
            f"golden/{name}",
            f"now/{name}",
            lineterm="",
        )
    )
    shown = "\n".join(diff[:DIFF_LINES])
    more = f"\n… {len(diff) - DIFF_LINES} more diff lines" if len(diff) > DIFF_LINES else ""
    raise AssertionError(
        f"golden/{name} differs from the output. If the change is intended, rewrite the golden "
        f"files with `{REGEN}` and review `git diff tests/golden`.\n{shown}{more}"
    )
