"""The month logs on disk (`mentions/YYYY-MM.md`): read as written, merged, written whole.

An import adds the mentions a log does not have yet (by the tool's id, else the canonical
address) and completes the ones it has: what the team typed (a tone corrected, an answer, a
note) is never overwritten. Every log is validated before the first is written, and a write
that fails puts back the logs already written, so a failed import leaves the workspace as it
was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date

from generator.atomic import write_atomic
from generator.content.kinds import MENTIONS
from generator.frontmatter import SourceError, parse_front_matter, read_text
from generator.mentions.imported import Imported
from generator.months import Month
from generator.problems import AlmanacError, Severity
from generator.schema.common import parse_datetime
from generator.schema.validate import validate_doc
from generator.veille.canonical import canonical_url
from generator.vocabulary import word
from generator.yamlwrite import dump_yaml

TIME_FORMAT = "%Y-%m-%d %H:%M"


@dataclass
class MonthLog:
    """One month's log: its front matter as written, its body, what the import changed."""

    path: Path
    month: Month
    front: dict[str, Any]
    body: str
    before: bytes | None  # the file as it was (None: a new log)
    added: int = 0
    completed: int = 0
    mentions: list[dict[str, Any]] = field(default_factory=list)


def open_log(folder: Path, month: Month, locale: str) -> MonthLog:
    """The month's log as written, or a new one titled in the client's language."""
    path = folder / MENTIONS.folder / f"{month.key}.md"
    if not path.is_file():
        title = (
            f"{word('kind.mentions', locale)} · {format_date(month.first, 'LLLL y', locale=locale)}"
        )
        return MonthLog(path, month, {"title": title, "status": "open"}, "", None)
    try:
        front = parse_front_matter(read_text(path))
    except SourceError as exc:
        raise AlmanacError(f"fix this log first: {exc.message}", path=path, line=exc.line) from None
    data = front.doc.data
    if front.doc.issues or not isinstance(data, dict):
        line = front.doc.issues[0].line if front.doc.issues else 1
        raise AlmanacError("fix this log first (`almanac check` says why)", path=path, line=line)
    mentions = data.get("mentions") or []
    if not isinstance(mentions, list):
        raise AlmanacError("`mentions` should be a list", path=path, line=1)
    log = MonthLog(path, month, dict(data), front.split.body, path.read_bytes())
    log.mentions = [dict(m) if isinstance(m, dict) else m for m in mentions]
    return log


def key_of(mention: dict[str, Any]) -> str:
    """What makes two readings the same mention: the tool's id, else its address."""
    if mention.get("id"):
        return f"id:{mention['id']}"
    if mention.get("url"):
        return f"url:{canonical_url(str(mention['url']))}"
    return f"text:{mention.get('at')}|{mention.get('excerpt')}"


def as_record(item: Imported, zone: str) -> dict[str, Any]:
    """The YAML mapping of an imported mention, in the client's local time."""
    local = ZoneInfo(zone)
    record: dict[str, Any] = {
        "at": item.at.astimezone(local).strftime(TIME_FORMAT),
        "site": item.site.value,
        "excerpt": item.excerpt,
        "tone": item.tone.value if item.tone else None,
        "url": item.url,
        "author": item.author,
        "reach": item.reach,
        "rating": item.rating,
        "answered": True if item.answered or item.answered_at else None,
        "answered_at": item.answered_at.astimezone(local).strftime(TIME_FORMAT)
        if item.answered_at
        else None,
        "id": item.id,
    }
    return {key: value for key, value in record.items() if value is not None}


def merge_into(log: MonthLog, records: list[dict[str, Any]]) -> None:
    """Add the new mentions; complete the known ones without changing what is written."""
    known = {key_of(m): m for m in log.mentions if isinstance(m, dict)}
    for record in records:
        current = known.get(key_of(record))
        if current is None:
            log.mentions.append(record)
            known[key_of(record)] = record
            log.added += 1
            continue
        missing = {k: v for k, v in record.items() if current.get(k) in (None, "")}
        if current.get("answered") or current.get("answered_at"):
            missing.pop("answered", None)  # answered by hand: the typed answer stands
            missing.pop("answered_at", None)
        if missing:
            current.update(missing)
            log.completed += 1


def sort_key(mention: Any, zone: str) -> tuple[datetime, str]:
    """By time (a time the reader cannot read goes last, for `check` to report)."""
    try:
        moment = parse_datetime(mention.get("at"))
    except (ValueError, AttributeError):
        return (datetime.max.replace(tzinfo=ZoneInfo("UTC")), "")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return (moment, str(mention.get("excerpt", "")))


def render_log(log: MonthLog, zone: str) -> bytes:
    """The whole file: its front matter with the mentions in time order, then its body."""
    front = dict(log.front)
    front["mentions"] = sorted(log.mentions, key=lambda m: sort_key(m, zone))
    return ("---\n" + dump_yaml(front) + "---\n" + log.body).encode("utf-8")


def check_log(log: MonthLog, data: bytes, root: Path, zone: str) -> None:
    """The log reads back as a valid mentions log, or the import stops here."""
    front = parse_front_matter(data.decode("utf-8"))
    rel = log.path.relative_to(root).as_posix()
    checked = validate_doc(MENTIONS.schema, front.doc, rel, {"timezone": zone})
    errors = [p for p in checked.problems if p.severity is Severity.ERROR]
    if front.doc.issues or errors or checked.value is None:
        first = errors[0] if errors else None
        detail = f"{first.field}: {first.message}" if first else "unreadable"
        raise AlmanacError(f"the log would not be valid ({detail})", path=log.path, line=1)


def write_logs(files: list[tuple[MonthLog, bytes]]) -> list[MonthLog]:
    """Write every log that changed; on a failure put back those already written."""
    done: list[MonthLog] = []
    try:
        for log, data in files:
            if write_atomic(log.path, data):
                done.append(log)
    except BaseException as exc:
        for log in done:
            if log.before is None:
                log.path.unlink(missing_ok=True)
            else:
                write_atomic(log.path, log.before)
        if isinstance(exc, OSError):
            raise AlmanacError(
                f"cannot write {exc.filename or 'a log'}: {exc.strerror}; nothing was changed"
            ) from None
        raise
    return done
