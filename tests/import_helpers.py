"""Shared helpers of the import tests: a one-client workspace and the CLI run in it."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from generator.cli import main

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "exports"

CLIENT_YML = """\
name: Acme Outdoor
locale: en
timezone: {zone}
platforms:
  x:
    handle: "@acme"
  facebook:
    handle: acme
"""


def make_workspace(root: Path, zone: str = "Europe/Paris") -> Path:
    """A workspace with one client `acme` and no metrics yet."""
    (root / "content" / "acme" / "posts").mkdir(parents=True)
    shutil.copy2(REPO_ROOT / "almanac.yml", root / "almanac.yml")
    (root / "content" / "acme" / "client.yml").write_text(
        CLIENT_YML.format(zone=zone), encoding="utf-8"
    )
    return root


def run_import(
    root: Path, *args: str | Path, capsys: pytest.CaptureFixture[str] | None = None
) -> tuple[int, str, str]:
    code = main(["--workspace", str(root), "import", *map(str, args)])
    if capsys is None:
        return code, "", ""
    out, err = capsys.readouterr()
    return code, out, err


def read_fixture_rows(
    name: str,
    encoding: str = "utf-8-sig",
    delimiter: str = ",",
    skip: int = 0,
    skip_lines: int = 0,
) -> list[dict[str, str]]:
    """A fixture parsed with the csv module alone, as the test's independent reading.

    `skip_lines` drops lines above the header (a title, `sep=`), `skip` rows below it.
    """
    text = (FIXTURES / name).read_bytes().decode(encoding)
    text = "\n".join(text.splitlines()[skip_lines:])
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    header = [h.strip() for h in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1 + skip :] if row]


def canonical(root: Path, name: str) -> list[dict[str, str]]:
    path = root / "content" / "acme" / "metrics" / name
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def column_sum(rows: list[dict[str, str]], column: str) -> int:
    return sum(int(r[column]) for r in rows if r[column] != "")
