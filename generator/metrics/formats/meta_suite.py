"""Meta Business Suite content exports for Facebook pages and Instagram accounts: one row per
post, `Date` = `Lifetime`, the real date in `Publish time`.

Recognised by its essential columns (`Post ID`, `Publish time`, `Date` and one figure): people
remove the columns they do not need (`Permalink`, `Title`, labels…) before sending a file."""

from __future__ import annotations

from typing import Any

from generator.metrics.dates import parse_moment
from generator.metrics.decode import parse_id
from generator.metrics.formats import Format, Parsed
from generator.metrics.store import PostMetrics
from generator.metrics.tables import (
    ExportFile,
    HeaderedTable,
    ImportContext,
    Record,
    find_header,
    total,
)

POST_ID = ("Post ID",)
PUBLISH_TIME = ("Publish time",)
PERMALINK = ("Permalink",)
DATE = ("Date",)
PAGE = ("Page ID", "Page name")
ACCOUNT = ("Account ID", "Account username")
IMPRESSIONS = ("Impressions", "Views")
REACH = ("Reach",)
INTERACTIONS = ("Reactions, comments and shares",)
REACTIONS = ("Reactions",)
LIKES = ("Likes",)
COMMENTS = ("Comments",)
SHARES = ("Shares",)
SAVES = ("Saves",)
LINK_CLICKS = ("Link clicks",)
PLAYS = ("Plays", "3-second video views")
LIFETIME = {"lifetime", "durée de vie", "gesamtzeitraum"}


FIGURES = IMPRESSIONS + REACH + INTERACTIONS + REACTIONS + LIKES + COMMENTS + SHARES + PLAYS


def detect(export: ExportFile) -> tuple[int, Any] | None:
    return find_header(
        export.tables[0],
        [POST_ID, PUBLISH_TIME, DATE, FIGURES],
        [PERMALINK, PAGE, ACCOUNT, REACH],
        scan=1,
    )


def platform_of(table: HeaderedTable, ctx: ImportContext) -> str:
    if table.has(ACCOUNT):
        return "instagram"
    if table.has(PAGE):
        return "facebook"
    if ctx.platform in ("facebook", "instagram"):
        return ctx.platform
    from generator.problems import AlmanacError

    raise AlmanacError(
        "this Meta Business Suite export has neither `Page ID` nor `Account ID`:"
        " pass --platform facebook or --platform instagram",
        table.name,
    )


def build_row(
    record: Record, platform: str, post_id: str, export: ExportFile, ctx: ImportContext
) -> PostMetrics:
    likes = record.count(REACTIONS) if platform == "facebook" else record.count(LIKES)
    comments, shares, saves = record.count(COMMENTS), record.count(SHARES), record.count(SAVES)
    engagements = record.count(INTERACTIONS)
    if engagements is None and platform == "instagram":
        engagements = total(likes, comments, shares, saves)
    return PostMetrics(
        platform=platform,
        post_id=post_id,
        post_url=record.text(PERMALINK) or None,
        published_at=record.value(PUBLISH_TIME, lambda v: parse_moment(v, ctx.timezone)),
        impressions=record.count(IMPRESSIONS),
        reach=record.count(REACH),
        engagements=engagements,
        likes=likes,
        comments=comments,
        shares=shares,
        saves=saves,
        clicks=record.count(LINK_CLICKS),
        video_views=record.count(PLAYS),
        source=export.name,
        line=record.line,
    )


def parse(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    platform = platform_of(table, ctx)
    parsed = Parsed("meta-content", platform)
    for record in table.records():
        ctx.tick(record.line)
        if record.text(DATE).lower() not in LIFETIME:
            parsed.skipped.append(
                f"row {record.line}: a one-day figure (Date = "
                f"{record.text(DATE) or 'empty'}); only Lifetime rows count"
            )
            continue
        post_id = record.required(POST_ID, parse_id, "post id")
        parsed.posts.append(build_row(record, platform, post_id, export, ctx))
    return parsed


FORMATS = [
    Format(
        "meta-content",
        "Meta Business Suite, content",
        "meta",
        "<dates>_<name>.csv (Insights > Content > Export)",
        "en",
        "csv",
        detect,
        parse,
    ),
]
