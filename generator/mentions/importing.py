"""`almanac mentions import`, the recipe: read and recognise, sort by month, merge, check,
then write; nothing is written unless every step before succeeded."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.content.model import ClientData
from generator.frontmatter import max_file_bytes
from generator.mentions.formats import Export, read_export
from generator.mentions.imported import Imported
from generator.mentions.log_files import (
    MonthLog,
    as_record,
    check_log,
    merge_into,
    open_log,
    render_log,
    write_logs,
)
from generator.months import Month
from generator.problems import AlmanacError


@dataclass
class MentionsImport:
    """What an import read and what it would change."""

    label: str
    read: int
    logs: list[tuple[MonthLog, bytes]]


def read_file(path: Path, zone: str) -> tuple[str, list[Imported]]:
    if not path.is_file():
        raise AlmanacError(f"no file {path}", exit_code=2)
    if path.stat().st_size > max_file_bytes() * 4:
        raise AlmanacError(
            "the file is too large for an export of a month or two", path=path, line=1
        )
    return read_export(Export(str(path), path.read_bytes(), zone))


def plan_import(path: Path, client: ClientData, root: Path) -> MentionsImport:
    """Every log the file touches, merged and checked, nothing written yet."""
    label, mentions = read_file(path, client.timezone)
    zone = ZoneInfo(client.timezone)
    by_month: dict[Month, list[Imported]] = defaultdict(list)
    for mention in mentions:
        by_month[Month.of(mention.at.astimezone(zone).date())].append(mention)
    logs = []
    for month in sorted(by_month):
        log = open_log(client.folder, month, client.locale)
        merge_into(log, [as_record(m, client.timezone) for m in by_month[month]])
        if log.before is not None and not (log.added or log.completed):
            logs.append((log, log.before))  # nothing new: the file stays as the team wrote it
            continue
        data = render_log(log, client.timezone)
        check_log(log, data, root, client.timezone)
        logs.append((log, data))
    return MentionsImport(label, len(mentions), logs)


def run_import(plan: MentionsImport) -> list[MonthLog]:
    return write_logs(plan.logs)
