"""The `import` pipeline: read every export, recognise it, parse it, then merge; never half."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from generator.atomic import remove_leftovers
from generator.metrics.formats import Format, Parsed, detect_format, load_formats
from generator.metrics.merge import MergeCount, merge_metrics
from generator.metrics.reading import describe_header, export_from_bytes
from generator.metrics.repeats import KeyedRow, check_repeats
from generator.metrics.sources import Input, gather
from generator.metrics.store import (
    METRICS_FOLDER,
    ClientMetrics,
    PostMetrics,
    load_metrics,
    with_published_at,
    write_metrics,
)
from generator.metrics.tables import ExportFile, ImportContext
from generator.problems import AlmanacError
from generator.progress import RowProgress


@dataclass
class FileReport:
    """What importing one file did."""

    name: str
    format: Format
    parsed: Parsed
    count: MergeCount = field(default_factory=MergeCount)


@dataclass
class ImportResult:
    """The merged metrics, one report per file read and the files passed over with the reason;
    `written` lists the canonical files changed."""

    metrics: ClientMetrics
    files: list[FileReport]
    skipped: list[tuple[str, str]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def known_formats() -> str:
    return "; ".join(f"{f.label} ({f.languages})" for f in load_formats())


def parse_export(
    export: ExportFile, found: tuple[Format, Any] | None, ctx: ImportContext
) -> tuple[Format, Parsed]:
    """The file parsed by the format detect_format `found` for it (an error when none)."""
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
    check_parsed(parsed, export)
    zone = ZoneInfo(ctx.timezone)
    parsed.posts = [in_zone(row, zone) for row in parsed.posts]
    if ctx.platform and parsed.platform != ctx.platform:
        raise AlmanacError(
            f"this {fmt.label} export is for {parsed.platform}, but --platform says {ctx.platform}",
            export.path,
        )
    return fmt, parsed


REPEAT_HINT = (
    "A file with one row per day and country, video or other breakdown cannot give the "
    "account's days: export the totals instead (YouTube: Totals.csv; Meta: the overview)."
)


def check_parsed(parsed: Parsed, export: ExportFile) -> None:
    """One row per key in what a file gave, else the file is refused with its rows named."""
    check_repeats(parsed.account, "day", export.name, REPEAT_HINT)
    check_repeats(parsed.fill, "day", export.name, REPEAT_HINT)
    check_repeats(parsed.posts, "post", export.name, "Export the file again without changes.")
    check_repeats(parsed.spend, "post", export.name, "Export the file again without changes.")
    check_repeats(
        (KeyedRow(row.row_key, row.line) for row in parsed.audience),
        "figure",
        export.name,
        "Export the file again without changes.",
    )


def in_zone(row: PostMetrics, zone: ZoneInfo) -> PostMetrics:
    """Publication times in the client's zone, so the day a person reads is the local day."""
    if row.published_at is None or row.published_at.tzinfo is zone:
        return row  # astimezone would return the same moment: no copy to make
    return with_published_at(row, row.published_at.astimezone(zone))


def count_rows(export: ExportFile) -> int:
    if export.file_type == "json":
        items = export.data.get("orderedItems") if isinstance(export.data, dict) else None
        return len(items) if isinstance(items, list) else 0
    return sum(len(t.rows) for t in export.tables)


def pass_over(
    export: ExportFile, found: tuple[Format, Any] | None, ctx: ImportContext
) -> str | None:
    """Why a file found in a folder or ZIP is not imported, or None to import it."""
    if found is None:
        return f"not an export Almanac reads ({describe_header(export)})"
    fmt = found[0]
    if ctx.platform and fmt.platform not in (ctx.platform, "meta"):
        return f"a {fmt.label} export ({fmt.platform}), and --platform says {ctx.platform}"
    return None


def read_input(item: Input, ctx: ImportContext) -> ExportFile:
    return export_from_bytes(item.read(), Path(item.label), item.source, ctx.limits)


def import_one(
    item: Input, ctx: ImportContext, progress: Callable[[str, int], RowProgress]
) -> tuple[Format, Parsed] | str:
    """The file parsed, or, for a file found in a folder or ZIP that is no known export, the
    reason it is passed over."""
    name = item.source
    try:
        export = read_input(item, ctx)
        found = detect_format(export)
        if not item.explicit:
            reason = pass_over(export, found, ctx)
            if reason:
                return reason
        bar = progress(name, count_rows(export))
        ctx.file_day, ctx.tick = item.day, bar.update
        try:
            return parse_export(export, found, ctx)
        finally:
            bar.finish()
    except AlmanacError as exc:
        # table names are source names; show the path as the user typed it instead
        where = str(exc.path) if exc.path else name
        if where.startswith(name):
            exc.path = f"{item.label}{where[len(name) :]}"
        raise


def import_exports(
    paths: list[Path],
    client_folder: Path,
    ctx: ImportContext,
    dry_run: bool = False,
    progress: Callable[[str, int], RowProgress] = RowProgress,
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
    progress: Callable[[str, int], RowProgress],
) -> ImportResult:
    if not dry_run:  # the temp files of an import that was killed go even if this one fails
        remove_leftovers(client_folder / METRICS_FOLDER)
    gathered = gather(paths, client_folder, ctx.limits)
    skipped = list(gathered.skipped)
    parsed: list[tuple[Input, Format, Parsed]] = []
    for item in gathered.inputs:
        found = import_one(item, ctx, progress)
        if isinstance(found, str):
            skipped.append((item.source, found))
        else:
            parsed.append((item, *found))
    metrics = load_metrics(client_folder)
    reports = []
    for item, fmt, result in parsed:
        metrics, count = merge_metrics(
            metrics, result.account, result.posts, result.spend, result.fill, result.audience
        )
        reports.append(FileReport(item.source, fmt, result, count))
    outcome = ImportResult(metrics, reports, skipped)
    if not dry_run:
        outcome.written = write_metrics(client_folder, metrics)
    return outcome
