"""XLSX exports (LinkedIn) read as tables of text, one per sheet, cells as a person sees them."""

from __future__ import annotations

import warnings
from datetime import date, datetime
from pathlib import Path
from zipfile import BadZipFile

from generator.metrics.tables import Table
from generator.problems import AlmanacError


def cell_text(value: object) -> str:
    """A cell as text: whole floats without `.0`, dates as ISO, nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def trim(cells: list[str]) -> list[str]:
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


def read_workbook(path: Path, name: str) -> list[Table]:
    """Every sheet of the workbook, in workbook order, named `file [sheet]`."""
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles it cannot read; the values are what matter
            warnings.simplefilter("ignore")
            book = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise AlmanacError(f"cannot read the workbook: {exc}", path) from None
    tables = []
    try:
        for sheet in book.worksheets:
            rows = [
                (number, trim([cell_text(v) for v in values]))
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
            ]
            tables.append(Table(f"{name} [{sheet.title}]", rows, strict_width=False))
    finally:
        book.close()
    return tables
