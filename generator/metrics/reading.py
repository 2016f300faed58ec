"""One export's bytes read into tables (CSV, XLSX, SpreadsheetML) or data (JSON), within the
import limits; anything unreadable is an AlmanacError naming the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.metrics.decode import (
    LimitProblem,
    ValueProblem,
    decode_bytes,
    detect_decimal,
    sniff_delimiter,
    split_rows,
)
from generator.metrics.limits import csv_cell_limit, over_limit
from generator.metrics.spreadsheetml import is_spreadsheetml, read_spreadsheetml
from generator.metrics.tables import ExportFile, Table
from generator.problems import AlmanacError
from generator.schema.settings import ImportLimits

ZIP_MAGIC = b"PK\x03\x04"


def export_from_bytes(data: bytes, where: Path, name: str, limits: ImportLimits) -> ExportFile:
    """The file read into tables or data; its format is recognised later."""
    size = len(data)
    if data.startswith(ZIP_MAGIC):
        from generator.metrics.workbook import read_workbook

        return ExportFile(where, name, "xlsx", read_workbook(data, where, name, limits), size=size)
    try:
        text, encoding = decode_bytes(data)
    except ValueProblem as exc:
        raise AlmanacError(str(exc), where) from None
    del data  # the text is the file from here on: do not hold both
    start = text.lstrip()[:1]
    if start == "<" and is_spreadsheetml(text):
        # Facebook's legacy `.xls`: tables like a CSV's, one per worksheet
        tables = read_spreadsheetml(text, where, name, limits)
        return ExportFile(where, name, "csv", tables, size=size)
    if start in ("{", "["):
        return ExportFile(where, name, "json", data=read_json(text, where, limits), size=size)
    return ExportFile(
        where, name, "csv", [read_csv_table(text, encoding, name, where, limits)], size=size
    )


def json_depth(value: Any) -> int:
    """How deeply lists and objects nest, walked without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def read_json(text: str, where: Path, limits: ImportLimits) -> Any:
    depth_error = over_limit(
        where,
        f"the JSON nests deeper than {limits.max_json_depth} levels",
        f"{limits.max_json_depth} levels",
        "max_json_depth",
    )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AlmanacError(
            f"row {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})", where, exc.lineno
        ) from None
    except RecursionError:  # nested past what Python's parser can follow
        raise depth_error from None
    if json_depth(data) > limits.max_json_depth:
        raise depth_error
    return data


def read_csv_table(text: str, encoding: str, name: str, where: Path, limits: ImportLimits) -> Table:
    with csv_cell_limit(limits):
        delimiter = sniff_delimiter(text)
        try:
            rows = split_rows(
                text, delimiter, limits.max_rows, limits.max_columns, limits.max_cells
            )
        except LimitProblem as exc:
            raise over_limit(
                where, exc.found, limit_text(exc.setting, limits), exc.setting, exc.line
            ) from None
        except ValueProblem as exc:
            raise AlmanacError(str(exc), where) from None
    sample = [cell for _line, cells in rows[:200] for cell in cells]
    return Table(name, rows, detect_decimal(sample, delimiter), encoding, delimiter)


def limit_text(setting: str, limits: ImportLimits) -> str:
    value = getattr(limits, setting)
    units = {"max_rows": " rows", "max_columns": " columns", "max_cells": " cells"}
    unit = {**units, "max_cell_kb": " KB"}.get(setting, "")
    return f"{value}{unit}"


def describe_header(export: ExportFile) -> str:
    """What the file starts with, for the unknown-format message."""
    if export.file_type == "json":
        keys = list(export.data)[:8] if isinstance(export.data, dict) else ["(a list)"]
        return "JSON with keys " + ", ".join(f"`{k}`" for k in keys)
    for table in export.tables:
        for _line, cells in table.rows[:15]:
            shown = [c.strip() for c in cells if c.strip()]
            if len(shown) > 1:
                more = f" … ({len(shown)} columns)" if len(shown) > 8 else ""
                return "header `" + ", ".join(shown[:8]) + f"`{more}"
    return "no header row"
