"""YouTube Studio advanced-mode exports (`Table data.csv`, `Chart data.csv`, `Totals.csv`;
in German `Tabellendaten.csv`, `Diagrammdaten.csv`, `Gesamtwerte.csv`). German headers hide
soft hyphens; the table starts with a `Total` (`Gesamt`) row.

Chart data is long: one row per day and per line of the chart (a video, a country, a traffic
source…). Its views are summed per day, but a chart lists only the lines it draws (the top
five by default), so those sums only fill days that no `Totals.csv` gave and never replace a
figure. Totals and chart files must not repeat a day (or a day and line): such a file is
refused with its rows named."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.metrics.dates import parse_day, parse_moment
from generator.metrics.decode import ValueProblem, normalize_header, parse_duration, parse_number
from generator.metrics.formats import Format, Parsed, account_day
from generator.metrics.store import AccountDay, PostMetrics
from generator.metrics.tables import (
    Aliases,
    ExportFile,
    HeaderedTable,
    ImportContext,
    Record,
    find_header,
    import_error,
    total,
)

CONTENT = ("Content", "Videos", "Inhalt")
TITLE = ("Video title", "Videotitel")
PUBLISHED = ("Video publish time", "Veröffentlichungszeitpunkt des Videos")
DURATION = ("Duration", "Dauer")
AVERAGE_DURATION = ("Average view duration", "Durchschnittliche Wiedergabedauer")
VIEWS = ("Views", "Aufrufe")
WATCH_TIME = ("Watch time (hours)", "Wiedergabezeit (Stunden)")
SUBSCRIBERS = ("Subscribers", "Abonnenten")
IMPRESSIONS = (
    "Impressions",
    "Impressionen",
    "Thumbnail impressions",
    "Thumbnail-Impressionen",
)
CTR = (
    "Impressions click-through rate (%)",
    "Klickrate der Impressionen (%)",
    "Thumbnail click-through rate (%)",
    "Thumbnail-Klickrate (%)",
)
LIKES = ("Likes", "„Mag ich“-Bewertungen", '"Mag ich"-Bewertungen', "Mag ich")
COMMENTS = ("Comments added", "Hinzugefügte Kommentare", "Kommentare hinzugefügt")
SHARES = ("Shares", "Geteilte Inhalte")
DATE = ("Date", "Datum")
TOTAL_ROW = {"total", "gesamt", "insgesamt", "summe"}
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

# The lines a chart can be drawn by; each splits the day's views without overlap, so the
# lines add up to (at most) the day's total
BREAKDOWNS: dict[str, Aliases] = {
    "video": CONTENT,
    "country": ("Geography", "Geografie", "Geographie", "Land"),
    "traffic source": ("Traffic source", "Traffic source type", "Zugriffsquelle"),
    "device type": ("Device type", "Gerätetyp"),
    "operating system": ("Operating system", "Betriebssystem"),
    "subscription status": ("Subscription status", "Abostatus"),
    "content type": ("Content type", "Inhaltstyp"),
}
ANY_BREAKDOWN = tuple(alias for aliases in BREAKDOWNS.values() for alias in aliases)


def check_durations(record: Record) -> None:
    """Durations are not stored, but a garbled one means the row is not what we think."""
    record.value(DURATION, parse_duration)
    record.value(AVERAGE_DURATION, parse_duration)


def is_total(record: Record, column: Aliases = CONTENT) -> bool:
    return normalize_header(record.text(column)) in TOTAL_ROW


def video_id(record: Record) -> str:
    """The video id as written, without the soft hyphens YouTube's German files put in."""
    return "".join(ch for ch in record.text(CONTENT) if ch not in INVISIBLE)


# --- table data: one row per video --------------------------------------------------------


def detect_table(export: ExportFile) -> tuple[int, Any] | None:
    found = find_header(
        export.tables[0], [CONTENT, TITLE, VIEWS], [PUBLISHED, WATCH_TIME, IMPRESSIONS], scan=1
    )
    return None if found is None or found[1].has(DATE) else found


def watch_seconds(text: str, decimal: str) -> int | None:
    hours = parse_number(text, decimal)
    return None if hours is None else round(hours * 3600)


def percent(text: str, decimal: str) -> float | None:
    value = parse_number(text, decimal)
    if value is not None and not 0 <= value <= 100:
        raise ValueProblem(f"`{text}` is not a percentage between 0 and 100")
    return value


def table_row(record: Record, export: ExportFile, ctx: ImportContext) -> PostMetrics:
    video = video_id(record)
    if not video:
        raise record.error(CONTENT[0], "the video id is missing")
    check_durations(record)
    decimal = record.table.table.decimal
    return PostMetrics(
        platform="youtube",
        post_id=video,
        post_url=f"https://www.youtube.com/watch?v={video}",
        published_at=record.value(PUBLISHED, lambda v: parse_moment(v, ctx.timezone, "dmy")),
        impressions=record.count(IMPRESSIONS),
        likes=record.count(LIKES),
        comments=record.count(COMMENTS),
        shares=record.count(SHARES),
        video_views=record.count(VIEWS),
        watch_seconds=record.value(WATCH_TIME, lambda v: watch_seconds(v, decimal)),
        ctr_percent=record.value(CTR, lambda v: percent(v, decimal)),
        source=export.name,
        line=record.line,
    )


def parse_table(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    parsed = Parsed("youtube-table", "youtube")
    for record in table.records():
        ctx.tick(record.line)
        if is_total(record):
            parsed.skipped.append(f"row {record.line}: the `Total` row (not a video)")
            continue
        parsed.posts.append(table_row(record, export, ctx))
    return parsed


# --- chart data: one row per day and line ---------------------------------------------------


def chart_day(record: Record) -> date:
    return record.required(DATE, lambda v: parse_day(v, "dmy"), "date")


def breakdown_of(table: HeaderedTable) -> tuple[str, Aliases] | None:
    """What the chart's lines are (videos, countries…), from its columns."""
    return next(((name, al) for name, al in BREAKDOWNS.items() if table.has(al)), None)


def detect_chart(export: ExportFile) -> tuple[int, Any] | None:
    found = find_header(export.tables[0], [DATE, VIEWS, ANY_BREAKDOWN], [TITLE], scan=1)
    return None if found is None else (found[0] + 1, found[1])


@dataclass
class DaySum:
    """One day of a chart: views and subscribers summed over its lines."""

    views: int | None = None
    subscribers: int | None = None
    lines: dict[str, int] = field(default_factory=dict)  # chart line -> file row


def sum_chart(table: HeaderedTable, column: Aliases, ctx: ImportContext) -> dict[date, DaySum]:
    days: dict[date, DaySum] = defaultdict(DaySum)
    for record in table.records():
        ctx.tick(record.line)
        if is_total(record, column):
            continue
        check_durations(record)
        when, line = chart_day(record), record.text(column)
        day = days[when]
        if line in day.lines:
            raise import_error(
                table.name,
                record.line,
                "",
                f"rows {day.lines[line]} and {record.line} both give {line or 'an empty line'} "
                f"on {when.isoformat()}: nothing was imported",
            )
        day.lines[line] = record.line
        day.views = total(day.views, record.count(VIEWS))
        day.subscribers = total(day.subscribers, record.count(SUBSCRIBERS))
    return days


def parse_chart(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    """Views (and subscribers) summed per day over the chart's lines; they fill only."""
    found = breakdown_of(table)
    assert found is not None  # detect_chart required one
    name, column = found
    parsed = Parsed("youtube-chart", "youtube")
    days = sum_chart(table, column, ctx)
    parsed.fill = [
        AccountDay(
            platform="youtube",
            date=day,
            video_views=summed.views,
            follower_change=summed.subscribers,
            source=export.name,
            line=min(summed.lines.values(), default=0),
        )
        for day, summed in sorted(days.items())
    ]
    lines = max((len(summed.lines) for summed in days.values()), default=0)
    parsed.notes.append(
        f"views summed per day over up to {lines} {name} lines of the chart; a chart lists "
        "only the lines it draws, so these sums fill days no Totals.csv gave and never "
        "replace a figure"
    )
    return parsed


# --- totals: one row per day -----------------------------------------------------------------


def detect_totals(export: ExportFile) -> tuple[int, Any] | None:
    found = find_header(export.tables[0], [DATE, VIEWS], [SUBSCRIBERS], scan=1)
    if found and found[1].has(ANY_BREAKDOWN):
        return None
    return found


def parse_totals(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    parsed = Parsed("youtube-totals", "youtube")
    figures = {"follower_change": SUBSCRIBERS, "video_views": VIEWS}
    for record in table.records():
        ctx.tick(record.line)
        parsed.account.append(
            account_day("youtube", chart_day(record), record, export.name, figures)
        )
    return parsed


FORMATS = [
    Format(
        "youtube-table",
        "YouTube Studio table data",
        "youtube",
        "Table data.csv (Tabellendaten.csv)",
        "en, de",
        "csv",
        detect_table,
        parse_table,
    ),
    Format(
        "youtube-chart",
        "YouTube Studio chart data",
        "youtube",
        "Chart data.csv (Diagrammdaten.csv)",
        "en, de",
        "csv",
        detect_chart,
        parse_chart,
    ),
    Format(
        "youtube-totals",
        "YouTube Studio totals",
        "youtube",
        "Totals.csv (Gesamtwerte.csv)",
        "en, de",
        "csv",
        detect_totals,
        parse_totals,
    ),
]
