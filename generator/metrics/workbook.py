"""XLSX exports (LinkedIn, Ads Manager) read as tables of text, one per sheet, cells as a person
sees them; the ZIP is checked before anything is inflated, and reading stops at the limits."""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from generator.metrics.limits import MB, over_limit
from generator.metrics.tables import Table
from generator.problems import AlmanacError
from generator.schema.settings import ImportLimits

# A DOCTYPE is where XML entities are declared: exports never have one (see check_xml_part)
DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")
XML_HEAD_BYTES = 64 * 1024
# small members compress well without being bombs: the ratio is checked above this size
RATIO_FROM_BYTES = 1 * MB


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


def check_zip_members(archive: zipfile.ZipFile, where: Path | str, limits: ImportLimits) -> None:
    """Refuse a ZIP whose members would inflate past the limits, before inflating any: the
    sizes are those the ZIP declares, and Python's zipfile never inflates past them."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > limits.max_file_mb * MB:
            raise over_limit(
                where,
                f"`{info.filename}` inflates to {info.file_size / MB:.0f} MB",
                f"{limits.max_file_mb} MB",
                "max_file_mb",
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FROM_BYTES and ratio > limits.max_zip_ratio:
            raise over_limit(
                where,
                f"`{info.filename}` inflates {ratio:.0f} times (a ZIP bomb?)",
                f"{limits.max_zip_ratio} times",
                "max_zip_ratio",
            )
    if total > limits.max_download_mb * MB:
        raise over_limit(
            where,
            f"the ZIP inflates to {total / MB:.0f} MB",
            f"{limits.max_download_mb} MB",
            "max_download_mb",
        )


def check_xml_part(archive: zipfile.ZipFile, name: str, where: Path | str) -> None:
    """No DTD (and so no entity) in a workbook part: entities are how XML bombs and file
    reads hide in a document, and no spreadsheet program writes them."""
    with archive.open(name) as part:
        head = part.read(XML_HEAD_BYTES)
    if any(marker in head for marker in DTD_MARKERS):
        raise AlmanacError(
            f"the workbook part `{name}` declares a DTD or XML entities, which no spreadsheet "
            "program writes; the file is refused (open it in a spreadsheet and save it again)",
            where,
        )


def check_workbook(data: bytes, where: Path | str, limits: ImportLimits) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip_members(archive, where, limits)
            for name in archive.namelist():
                if name.endswith((".xml", ".rels")):
                    check_xml_part(archive, name, where)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise AlmanacError(f"cannot read the workbook: {exc}", where) from None


def sheet_rows(
    sheet: object, name: str, where: Path | str, limits: ImportLimits
) -> Iterator[tuple[int, list[str]]]:
    """The rows of one sheet as text, stopping at the row and column limits. The declared
    dimensions are dropped first: openpyxl pads every row to the declared width, so a sheet
    declaring `A1:XFD1048576` would take half an hour to read."""
    sheet.reset_dimensions()  # type: ignore[attr-defined]
    rows = sheet.iter_rows(values_only=True)  # type: ignore[attr-defined]
    cells = 0
    for number, values in enumerate(rows, start=1):
        cells += len(values)
        if cells > limits.max_cells:
            raise over_limit(
                where,
                f"sheet `{name}` has more than {limits.max_cells} cells",
                f"{limits.max_cells} cells",
                "max_cells",
            )
        if number > limits.max_rows:
            raise over_limit(
                where,
                f"sheet `{name}` has more than {limits.max_rows} rows",
                f"{limits.max_rows} rows",
                "max_rows",
            )
        if len(values) > limits.max_columns:
            raise over_limit(
                where,
                f"sheet `{name}` row {number} has {len(values)} cells",
                f"{limits.max_columns} columns",
                "max_columns",
            )
        yield number, trim([cell_text(v) for v in values])


def read_workbook(data: bytes, where: Path | str, name: str, limits: ImportLimits) -> list[Table]:
    """Every sheet of the workbook, in workbook order, named `file [sheet]`."""
    from openpyxl import load_workbook

    check_workbook(data, where, limits)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles it cannot read; the values are what matter
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise AlmanacError(f"cannot read the workbook: {exc}", where) from None
    tables = []
    try:
        for sheet in book.worksheets:
            rows = list(sheet_rows(sheet, sheet.title, where, limits))
            tables.append(Table(f"{name} [{sheet.title}]", rows, strict_width=False))
    except (KeyError, ValueError) as exc:
        raise AlmanacError(f"cannot read the workbook: {exc}", where) from None
    finally:
        book.close()
    return tables
