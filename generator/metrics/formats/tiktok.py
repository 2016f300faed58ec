"""TikTok Studio CSV exports: overview, content and follower history. Dates carry no year
(`28 August`) and may cross New Year; missing figures are written `undefined`.

The year rule: the rows are oldest first and the most recent one is on or before an anchor
day, which is, in order, the last day of `--year`, the date in the file name (TikTok names
downloads after their day), or today. Walking back, a row whose day comes after the next
row's day belongs to the previous year. Content rows take the exact publication time from
the video id (its top 32 bits are the Unix time of the upload)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from generator.metrics.dates import assign_years, parse_moment, parse_month_day
from generator.metrics.decode import ValueProblem
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
)

DATE = ("Date",)
VIDEO_VIEWS = ("Video Views", "Video views")
PROFILE_VIEWS = ("Profile Views", "Profile views")
LIKES = ("Likes",)
FOLLOWERS = ("Followers",)
DIFFERENCE = ("Difference in followers from previous day",)
VIDEO_LINK = ("Video link",)
POST_TIME = ("Post time",)
TOTAL_LIKES = ("Total likes",)
TOTAL_COMMENTS = ("Total comments",)
TOTAL_SHARES = ("Total shares",)
TOTAL_VIEWS = ("Total views",)
_VIDEO_ID = re.compile(r"/video/(\d+)")
FIRST_TIKTOK_YEAR = 2016


def anchor_day(ctx: ImportContext) -> date:
    if ctx.year:
        return date(ctx.year, 12, 31)
    return ctx.file_day or ctx.today


def dated_records(table: HeaderedTable, ctx: ImportContext) -> list[tuple[date, Record]]:
    """Every data row with its full date, following the year rule of this module."""
    records = list(table.records())
    month_days = []
    for record in records:
        ctx.tick(record.line)
        month_days.append(record.required(DATE, parse_month_day, "date"))
    try:
        days = assign_years(month_days, anchor_day(ctx))
    except ValueProblem as exc:
        line = records[0].line if records else table.header_row + 1
        raise import_error(table.name, line, DATE[0], str(exc)) from None
    return list(zip(days, records, strict=True))


def detect_overview(export: ExportFile) -> tuple[int, Any] | None:
    return find_header(export.tables[0], [DATE, VIDEO_VIEWS, PROFILE_VIEWS], [LIKES], scan=1)


def account_days(
    table: HeaderedTable, export: ExportFile, ctx: ImportContext, figures: Mapping[str, Aliases]
) -> list[AccountDay]:
    """The days of an overview or follower history, with their years worked out."""
    return [
        account_day("tiktok", day, record, export.name, figures)
        for day, record in dated_records(table, ctx)
    ]


def parse_overview(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    figures = {"video_views": VIDEO_VIEWS, "profile_visits": PROFILE_VIEWS}
    return Parsed("tiktok-overview", "tiktok", account=account_days(table, export, ctx, figures))


def detect_followers(export: ExportFile) -> tuple[int, Any] | None:
    return find_header(export.tables[0], [DATE, FOLLOWERS, DIFFERENCE], scan=1)


def parse_followers(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    figures = {"followers": FOLLOWERS, "follower_change": DIFFERENCE}
    return Parsed("tiktok-followers", "tiktok", account=account_days(table, export, ctx, figures))


def detect_content(export: ExportFile) -> tuple[int, Any] | None:
    return find_header(
        export.tables[0],
        [VIDEO_LINK, POST_TIME, TOTAL_VIEWS],
        [TOTAL_LIKES, TOTAL_COMMENTS, TOTAL_SHARES],
        scan=1,
    )


def time_from_id(video_id: str, anchor: date) -> datetime | None:
    """The upload time hidden in a TikTok video id, when it is a plausible one."""
    if not video_id.isdigit() or len(video_id) > 20:
        return None
    moment = datetime.fromtimestamp(int(video_id) >> 32, UTC)
    if moment.year >= FIRST_TIKTOK_YEAR and moment.date() <= anchor:
        return moment
    return None


def content_time(record: Record, video_id: str, ctx: ImportContext) -> datetime | None:
    from_id = time_from_id(video_id, anchor_day(ctx))
    if from_id is not None:
        return from_id
    written = record.text(POST_TIME)
    if not written:
        return None
    try:
        return parse_moment(written, ctx.timezone)
    except ValueProblem:
        pass
    month, day = record.value(POST_TIME, parse_month_day)
    anchor = anchor_day(ctx)
    year = anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
    return parse_moment(f"{year:04d}-{month:02d}-{day:02d}", ctx.timezone)


def parse_content(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    parsed = Parsed("tiktok-content", "tiktok")
    for record in table.records():
        ctx.tick(record.line)
        link = record.text(VIDEO_LINK)
        match = _VIDEO_ID.search(link)
        if not match:
            raise record.error(VIDEO_LINK[0], f"`{link}` is not a TikTok video link")
        video_id = match[1]
        parsed.posts.append(
            PostMetrics(
                platform="tiktok",
                post_id=video_id,
                post_url=link,
                published_at=content_time(record, video_id, ctx),
                likes=record.count(TOTAL_LIKES),
                comments=record.count(TOTAL_COMMENTS),
                shares=record.count(TOTAL_SHARES),
                video_views=record.count(TOTAL_VIEWS),
                source=export.name,
                line=record.line,
            )
        )
    return parsed


FORMATS = [
    Format(
        "tiktok-overview",
        "TikTok Studio overview",
        "tiktok",
        "Overview.csv",
        "en",
        "csv",
        detect_overview,
        parse_overview,
    ),
    Format(
        "tiktok-followers",
        "TikTok Studio follower history",
        "tiktok",
        "FollowerHistory.csv",
        "en",
        "csv",
        detect_followers,
        parse_followers,
    ),
    Format(
        "tiktok-content",
        "TikTok Studio content",
        "tiktok",
        "Content.csv",
        "en",
        "csv",
        detect_content,
        parse_content,
    ),
]
