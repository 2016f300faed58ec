"""Export files read into tables of text cells, with the header found and errors located."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from generator.metrics.decode import (
    ValueProblem,
    normalize_header,
    parse_count,
    parse_id,
    parse_money,
)
from generator.problems import AlmanacError
from generator.schema.settings import ImportLimits

Aliases = Sequence[str]


@dataclass
class Table:
    """One grid of text cells: a CSV file or one sheet of a workbook."""

    name: str
    rows: list[tuple[int, list[str]]]
    decimal: str = "."
    encoding: str = ""
    delimiter: str = ""
    # CSV rows must match the header's width; a spreadsheet has no row length
    strict_width: bool = True


@dataclass
class ExportFile:
    """A file given to `almanac import`, read but not yet understood."""

    path: Path
    name: str
    file_type: str  # csv, xlsx or json
    tables: list[Table] = field(default_factory=list)
    data: Any = None
    size: int = 0


@dataclass
class ImportContext:
    """What an importer needs besides the file: the client's zone and the year hints."""

    timezone: str
    today: date
    year: int | None = None
    file_day: date | None = None
    platform: str | None = None
    tick: Callable[[int], None] = lambda line: None
    limits: ImportLimits = field(default_factory=ImportLimits)


def import_error(where: str, line: int, column: str, message: str) -> AlmanacError:
    column_text = f", column `{column}`" if column else ""
    return AlmanacError(f"row {line}{column_text}: {message}", where, line)


@dataclass
class HeaderedTable:
    """A table whose header row was found; data rows follow it."""

    table: Table
    header_row: int  # index into table.rows
    header: list[str]
    index: dict[str, int]
    resolved: dict[tuple[str, ...], int | None] = field(default_factory=dict)
    # count cells already read: exports repeat the same few (`-`, `0`, `12.0`) on every row
    counts: dict[str, int | None] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.table.name

    def column(self, aliases: Aliases) -> int | None:
        key = tuple(aliases)
        if key not in self.resolved:
            found = (self.index.get(normalize_header(alias)) for alias in aliases)
            self.resolved[key] = next((p for p in found if p is not None), None)
        return self.resolved[key]

    def has(self, aliases: Aliases) -> bool:
        return self.column(aliases) is not None

    def records(self, skip: int = 0) -> Iterator[Record]:
        """Data rows after the header (and `skip` rows more); blank lines are passed over,
        short or long rows are errors."""
        width = len(self.header)
        for line, cells in self.table.rows[self.header_row + 1 + skip :]:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != width:
                if self.table.strict_width:
                    raise import_error(
                        self.name,
                        line,
                        "",
                        f"expected {width} cells like the header, found {len(cells)}",
                    )
                cells = (cells + [""] * width)[:width]
            yield Record(self, line, cells)


def find_header(
    table: Table, required: Sequence[Aliases], optional: Sequence[Aliases] = (), scan: int = 15
) -> tuple[int, HeaderedTable] | None:
    """The header row among the first `scan` rows holding every required column; the score
    counts required and optional columns found."""
    for position, (_line, cells) in enumerate(table.rows[:scan]):
        index: dict[str, int] = {}
        for number, cell in enumerate(cells):
            index.setdefault(normalize_header(cell), number)
        if not index:
            continue
        found = [g for g in required if any(normalize_header(a) in index for a in g)]
        if len(found) < len(required):
            continue
        extra = sum(1 for g in optional if any(normalize_header(a) in index for a in g))
        return (len(required) * 10 + extra, HeaderedTable(table, position, cells, index))
    return None


def find_sheet(
    export: ExportFile,
    required: Sequence[Aliases],
    optional: Sequence[Aliases] = (),
    scan: int = 15,
) -> HeaderedTable | None:
    """The first table (sheet) of the file whose header holds every required column."""
    for table in export.tables:
        found = find_header(table, required, optional, scan)
        if found:
            return found[1]
    return None


@dataclass
class Record:
    """One data row; every getter names file, row and column when the cell is bad."""

    table: HeaderedTable
    line: int
    cells: list[str]

    def text(self, aliases: Aliases) -> str:
        position = self.table.column(aliases)
        return "" if position is None else self.cells[position].strip()

    def _read(self, aliases: Aliases, read: Callable[[str], Any]) -> Any:
        position = self.table.column(aliases)
        if position is None:
            return None
        try:
            return read(self.cells[position])
        except ValueProblem as exc:
            raise self.error(self.table.header[position], str(exc)) from None

    def count(self, aliases: Aliases) -> int | None:
        position = self.table.column(aliases)
        if position is None:
            return None
        cell = self.cells[position]
        counts = self.table.counts
        if cell in counts:
            return counts[cell]
        try:
            value = parse_count(cell, self.table.table.decimal)
        except ValueProblem as exc:  # never remembered: each bad cell names its own row
            raise self.error(self.table.header[position], str(exc)) from None
        counts[cell] = value
        return value

    def money(self, aliases: Aliases) -> float | None:
        return self._read(aliases, lambda v: parse_money(v, self.table.table.decimal))

    def ident(self, aliases: Aliases) -> str | None:
        return self._read(aliases, parse_id)

    def required(self, aliases: Aliases, read: Callable[[str], Any], what: str) -> Any:
        """A cell the row cannot do without, read by `read`: empty, it is `the {what} is
        missing`, named by the column's first alias."""
        value = self._read(aliases, read)
        if value is None:
            raise self.error(aliases[0], f"the {what} is missing")
        return value

    def value(self, aliases: Aliases, read: Callable[[str], Any]) -> Any:
        return self._read(aliases, read)

    def error(self, column: str, message: str) -> AlmanacError:
        return import_error(self.table.name, self.line, column.strip(), message)


def total(*values: int | None) -> int | None:
    """The sum of the values that exist; None when none does."""
    present = [v for v in values if v is not None]
    return sum(present) if present else None
