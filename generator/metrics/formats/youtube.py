"""YouTube Studio advanced-mode exports (`Table data.csv`, `Chart data.csv`, `Totals.csv`) in
English and German; German headers hide soft hyphens, the table starts with a `Total` row."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from generator.metrics.dates import parse_day, parse_moment
from generator.metrics.decode import parse_duration
from generator.metrics.formats import Format, Parsed
from generator.metrics.store import AccountDay, PostMetrics
from generator.metrics.tables import (
    ExportFile,
    HeaderedTable,
    ImportContext,
    Record,
    find_header,
)

CONTENT = ("Content", "Inhalt")
TITLE = ("Video title", "Videotitel")
PUBLISHED = ("Video publish time", "Veröffentlichungszeitpunkt des Videos")
DURATION = ("Duration", "Dauer")
AVERAGE_DURATION = ("Average view duration", "Durchschnittliche Wiedergabedauer")
VIEWS = ("Views", "Aufrufe")
WATCH_TIME = ("Watch time (hours)", "Wiedergabezeit (Stunden)")
SUBSCRIBERS = ("Subscribers", "Abonnenten")
IMPRESSIONS = ("Impressions", "Impressionen")
LIKES = ("Likes", "„Mag ich“-Bewertungen", "Mag ich")
COMMENTS = ("Comments added", "Hinzugefügte Kommentare")
SHARES = ("Shares", "Geteilte Inhalte")
DATE = ("Date", "Datum")
TOTAL_ROW = {"total", "gesamt", "insgesamt", "summe"}


def check_durations(record: Record) -> None:
    """Durations are not stored, but a garbled one means the row is not what we think."""
    record.value(DURATION, parse_duration)
    record.value(AVERAGE_DURATION, parse_duration)


def is_total(record: Record) -> bool:
    return record.text(CONTENT).lower() in TOTAL_ROW


def detect_table(export: ExportFile) -> tuple[int, Any] | None:
    found = find_header(
        export.tables[0], [CONTENT, TITLE, VIEWS], [PUBLISHED, WATCH_TIME, IMPRESSIONS], scan=1
    )
    return None if found is None or found[1].has(DATE) else found


def detect_chart(export: ExportFile) -> tuple[int, Any] | None:
    return find_header(export.tables[0], [DATE, CONTENT, VIEWS], [TITLE], scan=1)


def parse_table(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    parsed = Parsed("youtube-table", "youtube")
    for record in table.records():
        ctx.tick(record.line)
        if is_total(record):
            parsed.skipped.append(f"row {record.line}: the `Total` row (not a video)")
            continue
        video = record.text(CONTENT)
        if not video:
            raise record.error(CONTENT[0], "the video id is missing")
        check_durations(record)
        parsed.posts.append(
            PostMetrics(
                platform="youtube",
                post_id=video,
                post_url=f"https://www.youtube.com/watch?v={video}",
                published_at=record.value(
                    PUBLISHED, lambda v: parse_moment(v, ctx.timezone, "dmy")
                ),
                impressions=record.count(IMPRESSIONS),
                likes=record.count(LIKES),
                comments=record.count(COMMENTS),
                shares=record.count(SHARES),
                video_views=record.count(VIEWS),
                source=export.name,
            )
        )
    return parsed


def chart_day(record: Record) -> date:
    day = record.value(DATE, lambda v: parse_day(v, "dmy"))
    if day is None:
        raise record.error(DATE[0], "the date is missing")
    return day


def parse_chart(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    """Chart data: one row per day and video; the account's day is the sum over videos."""
    parsed = Parsed("youtube-chart", "youtube")
    views: dict[date, int | None] = defaultdict(lambda: None)
    for record in table.records():
        ctx.tick(record.line)
        if is_total(record):
            parsed.skipped.append(f"row {record.line}: the `Total` row (not a video)")
            continue
        check_durations(record)
        day, count = chart_day(record), record.count(VIEWS)
        if count is not None:
            views[day] = (views[day] or 0) + count
        else:
            views.setdefault(day, None)
    parsed.account = [
        AccountDay(platform="youtube", date=day, video_views=value, source=export.name)
        for day, value in sorted(views.items())
    ]
    return parsed


def detect_totals(export: ExportFile) -> tuple[int, Any] | None:
    found = find_header(export.tables[0], [DATE, VIEWS], [SUBSCRIBERS], scan=1)
    if found and found[1].has(CONTENT):
        return None
    return found


def parse_totals(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    parsed = Parsed("youtube-totals", "youtube")
    for record in table.records():
        ctx.tick(record.line)
        parsed.account.append(
            AccountDay(
                platform="youtube",
                date=chart_day(record),
                follower_change=record.count(SUBSCRIBERS),
                video_views=record.count(VIEWS),
                source=export.name,
            )
        )
    return parsed


FORMATS = [
    Format(
        "youtube-table",
        "YouTube Studio table data",
        "youtube",
        "Table data.csv",
        "en, de",
        "csv",
        detect_table,
        parse_table,
    ),
    Format(
        "youtube-chart",
        "YouTube Studio chart data",
        "youtube",
        "Chart data.csv",
        "en, de",
        "csv",
        detect_chart,
        parse_chart,
    ),
    Format(
        "youtube-totals",
        "YouTube Studio totals",
        "youtube",
        "Totals.csv",
        "en, de",
        "csv",
        detect_totals,
        parse_totals,
    ),
]
