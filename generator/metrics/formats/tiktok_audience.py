"""TikTok Studio audience files, downloaded together with the follower history: when followers
are active (`FollowerActivity.csv`: `Date`, `Hour`, `Active followers`), their gender
(`FollowerGender.csv`: `Gender`, `Distribution`), their countries
(`FollowerTopTerritories.csv`: `Top territories`, `Distribution`) and the day's new and
returning viewers (`Viewers.csv`). Stored as audience breakdowns (see metrics/audience.py).

Distributions are fractions (`0.55`) or, when written with a sign, percentages (`55%`); a
number over 1 without a sign is refused rather than guessed. Gender and territories are a
snapshot without a date: their day is the date in the file name, else the day of the import.
TikTok writes only the header when an account has too few followers to show a breakdown."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from generator.metrics.audience import AudienceRow
from generator.metrics.decode import ValueProblem, normalize_header, parse_number
from generator.metrics.formats import Format, Parsed
from generator.metrics.formats.tiktok import dated_records
from generator.metrics.tables import ExportFile, HeaderedTable, ImportContext, Record, find_header

DATE = ("Date",)
HOUR = ("Hour",)
ACTIVE = ("Active followers",)
GENDER = ("Gender",)
TERRITORIES = ("Top territories", "Territories")
DISTRIBUTION = ("Distribution",)
TOTAL_VIEWERS = ("Total Viewers", "Total viewers")
NEW_VIEWERS = ("New Viewers", "New viewers")
RETURNING_VIEWERS = ("Returning Viewers", "Returning viewers")
OTHERS = {"others", "other", "autres", "autre"}
_HOUR = re.compile(r"(\d{1,2})(?::00)?")


def snapshot_day(ctx: ImportContext) -> date:
    return ctx.file_day or ctx.today


def share(text: str, decimal: str) -> float | None:
    """A distribution cell as a share between 0 and 1."""
    value = parse_number(text, decimal)
    if value is None:
        return None
    if text.strip().endswith("%"):
        value /= 100
    elif value > 1:
        raise ValueProblem(f"`{text}` is over 1: a share is written 0.55 or 55%")
    if not 0 <= value <= 1:
        raise ValueProblem(f"`{text}` is not a share between 0 and 1")
    return round(value, 6)


def empty_note(parsed: Parsed) -> Parsed:
    if not parsed.audience:
        parsed.notes.append(
            "the file holds only its header (TikTok shows no breakdown for small audiences)"
        )
    return parsed


# --- gender and territories: snapshots ----------------------------------------------------------


def detect_gender(export: ExportFile) -> tuple[int, Any] | None:
    return find_header(export.tables[0], [GENDER, DISTRIBUTION], scan=1)


def detect_territories(export: ExportFile) -> tuple[int, Any] | None:
    return find_header(export.tables[0], [TERRITORIES, DISTRIBUTION], scan=1)


def territory_key(text: str) -> str:
    """ISO codes upper case (`FR`), the remainder `other`."""
    if normalize_header(text) in OTHERS:
        return "other"
    return text.strip().upper() if len(text.strip()) == 2 else text.strip()


def gender_key(text: str) -> str:
    key = normalize_header(text)
    return "other" if key in OTHERS else key


def parse_shares(
    table: HeaderedTable, export: ExportFile, ctx: ImportContext, breakdown: str
) -> Parsed:
    parsed = Parsed(f"tiktok-{breakdown}", "tiktok")
    column, keyed = (GENDER, gender_key) if breakdown == "gender" else (TERRITORIES, territory_key)
    decimal = table.table.decimal
    for record in table.records():
        ctx.tick(record.line)
        value = record.value(DISTRIBUTION, lambda v: share(v, decimal))
        key = keyed(record.text(column))
        if value is None or not key:
            raise record.error(column[0], "the row has no name or no distribution")
        parsed.audience.append(
            audience_row(record, snapshot_day(ctx), breakdown, key, value, export)
        )
    return empty_note(parsed)


def audience_row(
    record: Record, day: date, breakdown: str, key: str, value: float, export: ExportFile
) -> AudienceRow:
    return AudienceRow("tiktok", day, breakdown, key, value, export.name, record.line)


def parse_gender(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    return parse_shares(table, export, ctx, "gender")


def parse_territories(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    return parse_shares(table, export, ctx, "territory")


# --- activity per hour and viewers per day ---------------------------------------------------


def detect_activity(export: ExportFile) -> tuple[int, Any] | None:
    return find_header(export.tables[0], [DATE, HOUR, ACTIVE], scan=1)


def hour_of(text: str) -> str:
    match = _HOUR.fullmatch(text.strip())
    if not match or int(match[1]) > 23:
        raise ValueProblem(f"`{text}` is not an hour of the day (0 to 23)")
    return str(int(match[1]))


def parse_activity(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    parsed = Parsed("tiktok-activity", "tiktok")
    for day, record in dated_records(table, ctx):
        hour, active = record.required(HOUR, hour_of, "hour"), record.count(ACTIVE)
        if active is None:
            parsed.skipped.append(f"row {record.line}: no figure for {day} at {hour} h")
            continue
        parsed.audience.append(audience_row(record, day, "active_hour", hour, active, export))
    return empty_note(parsed)


def detect_viewers(export: ExportFile) -> tuple[int, Any] | None:
    return find_header(
        export.tables[0], [DATE, TOTAL_VIEWERS, NEW_VIEWERS, RETURNING_VIEWERS], scan=1
    )


def parse_viewers(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    """A day whose total is `undefined` is still being counted: TikTok writes 0 new and 0
    returning viewers for it, which are not figures, so the whole row is left out."""
    parsed = Parsed("tiktok-viewers", "tiktok")
    for day, record in dated_records(table, ctx):
        figures = {
            "total": record.count(TOTAL_VIEWERS),
            "new": record.count(NEW_VIEWERS),
            "returning": record.count(RETURNING_VIEWERS),
        }
        if figures["total"] is None:
            parsed.skipped.append(f"row {record.line}: {day} has no total yet (not complete)")
            continue
        parsed.audience.extend(
            audience_row(record, day, "viewers", key, value, export)
            for key, value in figures.items()
            if value is not None
        )
    return empty_note(parsed)


def audience_format(name: str, label: str, file: str, detect: Any, parse: Any) -> Format:
    return Format(name, label, "tiktok", file, "en", "csv", detect, parse)


FORMATS = [
    audience_format(
        "tiktok-activity",
        "TikTok Studio follower activity",
        "FollowerActivity.csv",
        detect_activity,
        parse_activity,
    ),
    audience_format(
        "tiktok-gender",
        "TikTok Studio follower gender",
        "FollowerGender.csv",
        detect_gender,
        parse_gender,
    ),
    audience_format(
        "tiktok-territories",
        "TikTok Studio follower territories",
        "FollowerTopTerritories.csv",
        detect_territories,
        parse_territories,
    ),
    audience_format(
        "tiktok-viewers", "TikTok Studio viewers", "Viewers.csv", detect_viewers, parse_viewers
    ),
]
