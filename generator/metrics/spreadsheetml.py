"""SpreadsheetML (Excel 2003 XML): what Facebook's legacy Insights export saved as `.xls`.

Parsed with defusedxml, which refuses a DTD and so any entity (XML bombs, file reads), one
table per `Worksheet`; `ss:Index` skips to a row or cell number, as Excel writes sparse rows."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from generator.metrics.limits import over_limit
from generator.metrics.tables import Table
from generator.problems import AlmanacError
from generator.schema.settings import ImportLimits

NAMESPACE = "urn:schemas-microsoft-com:office:spreadsheet"
SS = "{" + NAMESPACE + "}"


def is_spreadsheetml(text: str) -> bool:
    """An XML document whose root is a SpreadsheetML workbook."""
    head = text[:4096]
    return head.lstrip().startswith("<") and NAMESPACE in head and "Workbook" in head


def row_cells(row: Element, where: Path | str, limits: ImportLimits, number: int) -> list[str]:
    cells: list[str] = []
    for cell in row.iter(SS + "Cell"):
        index = cell.get(SS + "Index")
        if index is not None:
            position = int(index) if index.isdigit() else 0
            if not len(cells) < position <= limits.max_columns:
                raise AlmanacError(f"row {number}: cell index `{index}` is not readable", where)
            cells.extend([""] * (position - 1 - len(cells)))
        data = cell.find(SS + "Data")
        cells.append("" if data is None else "".join(data.itertext()))
        merged = cell.get(SS + "MergeAcross", "0")
        cells.extend([""] * (int(merged) if merged.isdigit() else 0))
        if len(cells) > limits.max_columns:
            raise over_limit(
                where,
                f"row {number} has {len(cells)} cells",
                f"{limits.max_columns}",
                "max_columns",
            )
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


def sheet_table(sheet: Element, name: str, where: Path | str, limits: ImportLimits) -> Table:
    rows: list[tuple[int, list[str]]] = []
    number = cells = 0
    for row in sheet.iter(SS + "Row"):
        index = row.get(SS + "Index")
        number = int(index) if index and index.isdigit() and int(index) > number else number + 1
        if number > limits.max_rows:
            raise over_limit(
                where,
                f"a sheet has more than {limits.max_rows} rows",
                f"{limits.max_rows}",
                "max_rows",
            )
        rows.append((number, row_cells(row, where, limits, number)))
        cells += len(rows[-1][1])
        if cells > limits.max_cells:
            raise over_limit(
                where,
                f"a sheet has more than {limits.max_cells} cells",
                f"{limits.max_cells}",
                "max_cells",
            )
    title = sheet.get(SS + "Name", "Sheet")
    return Table(f"{name} [{title}]", rows, strict_width=False)


def read_spreadsheetml(
    text: str, where: Path | str, name: str, limits: ImportLimits
) -> list[Table]:
    """Every worksheet of the workbook, in order, named `file [sheet]`."""
    try:
        root = fromstring(text, forbid_dtd=True)
    except DefusedXmlException:
        raise AlmanacError(
            "the XML spreadsheet declares a DTD or entities, which Excel never writes; "
            "the file is refused",
            where,
        ) from None
    except ParseError as exc:
        line = exc.position[0] if exc.position else 0
        raise AlmanacError(f"the XML spreadsheet is not valid XML ({exc})", where, line) from None
    tables = [sheet_table(s, name, where, limits) for s in root.iter(SS + "Worksheet")]
    if not tables:
        raise AlmanacError("the XML spreadsheet has no worksheet", where)
    return tables
