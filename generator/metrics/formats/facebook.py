"""Facebook Insights exports (page level and post level): a description row under the header,
hundreds of columns, `M/D/YYYY` dates and 12-hour times."""

from __future__ import annotations

import re
from typing import Any

from generator.metrics.dates import parse_day, parse_moment
from generator.metrics.decode import parse_id
from generator.metrics.formats import Format, Parsed
from generator.metrics.store import AccountDay, PostMetrics
from generator.metrics.tables import (
    ExportFile,
    HeaderedTable,
    ImportContext,
    find_header,
    total,
)

DATE = ("Date",)
FANS = ("Lifetime Total Likes", "Lifetime Total Follows", "Lifetime Total Followers")
NEW_FANS = ("Daily New Likes", "Daily New Follows", "Daily New Followers")
LOST_FANS = ("Daily Unlikes", "Daily Unfollows")
DAILY_REACH = ("Daily Total Reach",)
DAILY_IMPRESSIONS = ("Daily Total Impressions",)
PAGE_VIEWS = ("Daily Logged-in Page Views", "Daily Total Page Views")
DAILY_LINK_CLICKS = ("Daily Page Consumptions by type - link clicks",)
DAILY_VIDEO_VIEWS = ("Daily Total Video Views",)

POST_ID = ("Post ID",)
PERMALINK = ("Permalink",)
POSTED = ("Posted",)
POST_REACH = ("Lifetime Post Total Reach",)
POST_IMPRESSIONS = ("Lifetime Post Total Impressions",)
ENGAGED = ("Lifetime Engaged Users",)
LIKES = (
    "Lifetime Post Stories by action type - like",
    "Lifetime Talking About This (Post) by action type - like",
)
COMMENTS = (
    "Lifetime Post Stories by action type - comment",
    "Lifetime Talking About This (Post) by action type - comment",
)
SHARES = (
    "Lifetime Post Stories by action type - share",
    "Lifetime Talking About This (Post) by action type - share",
)
LINK_CLICKS = ("Lifetime Post Consumptions by type - link clicks",)
VIDEO_VIEWS = ("Lifetime Post Total Video Views", "Lifetime Total Video Views")
ORGANIC_VIDEO_VIEWS = ("Lifetime Organic Video Views",)
PAID_VIDEO_VIEWS = ("Lifetime Paid Video Views",)

_DESCRIPTION = re.compile(r"^(Lifetime|Daily|Weekly|28 Days)\s*:", re.IGNORECASE)


def description_rows(table: HeaderedTable) -> int:
    """1 when the row under the header explains the metrics (`Lifetime: The number of…`)."""
    rows = table.table.rows
    if table.header_row + 1 >= len(rows):
        return 0
    cells = rows[table.header_row + 1][1]
    described = sum(1 for cell in cells if _DESCRIPTION.match(cell.strip()))
    return 1 if described and described * 2 >= sum(1 for c in cells if c.strip()) else 0


def detect_page(export: ExportFile) -> tuple[int, Any] | None:
    return find_header(
        export.tables[0], [DATE, FANS, DAILY_REACH], [NEW_FANS, DAILY_IMPRESSIONS], scan=1
    )


def parse_page(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    parsed = Parsed("facebook-page", "facebook")
    for record in table.records(skip=description_rows(table)):
        ctx.tick(record.line)
        day = record.required(DATE, parse_day, "date")
        gained, lost = record.count(NEW_FANS), record.count(LOST_FANS)
        change = None if gained is None else gained - (lost or 0)
        parsed.account.append(
            AccountDay(
                platform="facebook",
                date=day,
                followers=record.count(FANS),
                follower_change=change,
                impressions=record.count(DAILY_IMPRESSIONS),
                reach=record.count(DAILY_REACH),
                profile_visits=record.count(PAGE_VIEWS),
                link_clicks=record.count(DAILY_LINK_CLICKS),
                video_views=record.count(DAILY_VIDEO_VIEWS),
                source=export.name,
                line=record.line,
            )
        )
    return parsed


def detect_posts(export: ExportFile) -> tuple[int, Any] | None:
    return find_header(
        export.tables[0],
        [POST_ID, PERMALINK, POSTED, POST_REACH],
        [POST_IMPRESSIONS, ENGAGED],
        scan=1,
    )


def parse_posts(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    parsed = Parsed("facebook-posts", "facebook")
    for record in table.records(skip=description_rows(table)):
        ctx.tick(record.line)
        post_id = record.required(POST_ID, parse_id, "post id")
        views = record.count(VIDEO_VIEWS)
        if views is None:
            views = total(record.count(ORGANIC_VIDEO_VIEWS), record.count(PAID_VIDEO_VIEWS))
        parsed.posts.append(
            PostMetrics(
                platform="facebook",
                post_id=post_id,
                post_url=record.text(PERMALINK) or None,
                published_at=record.value(POSTED, lambda v: parse_moment(v, ctx.timezone)),
                impressions=record.count(POST_IMPRESSIONS),
                reach=record.count(POST_REACH),
                engagements=record.count(ENGAGED),
                likes=record.count(LIKES),
                comments=record.count(COMMENTS),
                shares=record.count(SHARES),
                clicks=record.count(LINK_CLICKS),
                video_views=views,
                source=export.name,
                line=record.line,
            )
        )
    return parsed


FORMATS = [
    Format(
        "facebook-page",
        "Facebook Insights, page",
        "facebook",
        "Facebook Insights Data Export - *.csv",
        "en",
        "csv",
        detect_page,
        parse_page,
    ),
    Format(
        "facebook-posts",
        "Facebook Insights, posts",
        "facebook",
        "Facebook Insights Data Export (Post Level) - *.csv",
        "en",
        "csv",
        detect_posts,
        parse_posts,
    ),
]
