"""The `import` pipeline: read every export, recognise it, parse it, then merge; never half."""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from generator.metrics.decode import (
    ValueProblem,
    decode_bytes,
    detect_decimal,
    sniff_delimiter,
    split_rows,
)
from generator.metrics.formats import Format, Parsed, detect_format, load_formats
from generator.metrics.merge import MergeCount, merge_metrics
from generator.metrics.progress import Progress
from generator.metrics.store import (
    ClientMetrics,
    PostMetrics,
    load_metrics,
    with_published_at,
    write_metrics,
)
from generator.metrics.tables import ExportFile, ImportContext, Table
from generator.problems import AlmanacError

MAX_EXPORT_BYTES = 512 * 1024 * 1024
_FILE_DAY = re.compile(r"(20\d\d)[-_]?(0[1-9]|1[0-2])[-_]?(0[1-9]|[12]\d|3[01])")


@dataclass
class FileReport:
    """What importing one file did."""

    name: str
    format: Format
    parsed: Parsed
    count: MergeCount = field(default_factory=MergeCount)


@dataclass
class ImportResult:
    """The merged metrics and one report per file; `written` lists the files changed."""

    metrics: ClientMetrics
    files: list[FileReport]
    written: list[Path] = field(default_factory=list)


def source_name(path: Path, client_folder: Path) -> str:
    """How a file is named in the `source` column: relative to the client folder when it is
    inside it (so the example's metrics do not depend on where the repo is), else its name."""
    try:
        return path.resolve().relative_to(client_folder.resolve()).as_posix()
    except ValueError:
        return path.name


def file_day(path: Path) -> date | None:
    """The last date written in a file name (exports are often named after their day)."""
    found = _FILE_DAY.findall(path.name)
    if not found:
        return None
    try:
        return date(*(int(part) for part in found[-1]))
    except ValueError:
        return None


def read_export(path: Path, name: str) -> ExportFile:
    """The file read into tables (CSV, XLSX) or data (JSON); unreadable files are errors."""
    try:
        size = path.stat().st_size
        if size > MAX_EXPORT_BYTES:
            raise AlmanacError(f"the file is larger than {MAX_EXPORT_BYTES >> 20} MB", path)
        data = path.read_bytes()
    except OSError as exc:
        raise AlmanacError(f"cannot read the file: {exc.strerror}", path) from None
    if data.startswith(b"PK\x03\x04"):
        from generator.metrics.workbook import read_workbook

        return ExportFile(path, name, "xlsx", read_workbook(path, name), size=size)
    text, encoding = decode_bytes(data)
    if text.lstrip()[:1] in ("{", "["):
        return ExportFile(path, name, "json", data=read_json(text, path), size=size)
    return ExportFile(path, name, "csv", [read_csv_table(text, encoding, name, path)], size=size)


def read_json(text: str, path: Path) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise AlmanacError(
            f"row {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})", path, exc.lineno
        ) from None


def read_csv_table(text: str, encoding: str, name: str, path: Path) -> Table:
    delimiter = sniff_delimiter(text)
    try:
        rows = split_rows(text, delimiter)
    except ValueProblem as exc:
        raise AlmanacError(str(exc), path) from None
    sample = [cell for _line, cells in rows[:200] for cell in cells]
    return Table(name, rows, detect_decimal(sample, delimiter), encoding, delimiter)


def describe_header(export: ExportFile) -> str:
    """What the file starts with, for the unknown-format message."""
    if export.kind == "json":
        keys = list(export.data)[:8] if isinstance(export.data, dict) else ["(a list)"]
        return "JSON with keys " + ", ".join(f"`{k}`" for k in keys)
    for table in export.tables:
        for _line, cells in table.rows[:15]:
            shown = [c.strip() for c in cells if c.strip()]
            if len(shown) > 1:
                more = f" … ({len(shown)} columns)" if len(shown) > 8 else ""
                return "header `" + ", ".join(shown[:8]) + f"`{more}"
    return "no header row"


def known_formats() -> str:
    return "; ".join(f"{f.label} ({f.languages})" for f in load_formats())


def parse_export(export: ExportFile, ctx: ImportContext) -> tuple[Format, Parsed]:
    found = detect_format(export)
    if found is None:
        raise AlmanacError(
            f"unknown export format: found {describe_header(export)}. "
            f"Known formats: {known_formats()}",
            export.path,
        )
    fmt, match = found
    if ctx.platform and fmt.platform not in (ctx.platform, "meta"):
        raise AlmanacError(
            f"this is a {fmt.label} export ({fmt.platform}), but --platform says {ctx.platform}",
            export.path,
        )
    parsed = fmt.parse(match, export, ctx)
    zone = ZoneInfo(ctx.timezone)
    parsed.posts = [in_zone(row, zone) for row in parsed.posts]
    if ctx.platform and parsed.platform != ctx.platform:
        raise AlmanacError(
            f"this {fmt.label} export is for {parsed.platform}, but --platform says {ctx.platform}",
            export.path,
        )
    return fmt, parsed


def in_zone(row: PostMetrics, zone: ZoneInfo) -> PostMetrics:
    """Publication times in the client's zone, so the day a person reads is the local day."""
    if row.published_at is None or row.published_at.tzinfo is zone:
        return row  # astimezone would return the same moment: no copy to make
    return with_published_at(row, row.published_at.astimezone(zone))


def count_rows(export: ExportFile) -> int:
    if export.kind == "json":
        items = export.data.get("orderedItems") if isinstance(export.data, dict) else None
        return len(items) if isinstance(items, list) else 0
    return sum(len(t.rows) for t in export.tables)


def import_one(
    path: Path, client_folder: Path, ctx: ImportContext, progress: Callable[[str, int], Progress]
) -> tuple[Format, Parsed]:
    name = source_name(path, client_folder)
    export = read_export(path, name)
    bar = progress(name, count_rows(export))
    ctx.file_day = file_day(path)
    ctx.tick = bar.update
    try:
        return parse_export(export, ctx)
    except AlmanacError as exc:
        # table names are source names; show the path as the user typed it instead
        where = str(exc.path) if exc.path else name
        if where.startswith(name):
            exc.path = f"{path}{where[len(name) :]}"
        raise
    finally:
        bar.finish()


def import_exports(
    paths: list[Path],
    client_folder: Path,
    ctx: ImportContext,
    dry_run: bool = False,
    progress: Callable[[str, int], Progress] = Progress,
) -> ImportResult:
    """Parse every file first (any error stops everything), then merge in order and write."""
    with collector_paused():
        return import_all(paths, client_folder, ctx, dry_run, progress)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while importing: the rows are acyclic and all stay alive,
    so with 100,000s of them each collection re-walks them all for nothing (a fifth of the
    time of a large import). Whatever cycles an import leaves are collected afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def import_all(
    paths: list[Path],
    client_folder: Path,
    ctx: ImportContext,
    dry_run: bool,
    progress: Callable[[str, int], Progress],
) -> ImportResult:
    parsed = [import_one(p, client_folder, ctx, progress) for p in paths]
    metrics = load_metrics(client_folder)
    reports = []
    for path, (fmt, result) in zip(paths, parsed, strict=True):
        metrics, count = merge_metrics(metrics, result.account, result.posts, result.spend)
        reports.append(FileReport(source_name(path, client_folder), fmt, result, count))
    outcome = ImportResult(metrics, reports)
    if not dry_run:
        outcome.written = write_metrics(client_folder, metrics)
    return outcome


def today_local(zone: str) -> date:
    return datetime.now(ZoneInfo(zone)).date()
