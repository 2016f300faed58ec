"""LinkedIn analytics workbooks (XLSX): page content, followers and visitors exports, and the
creator (personal profile) export; summary lines sit above the tables, dates are text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from generator.metrics.dates import parse_day, parse_moment
from generator.metrics.formats import Format, Parsed, account_day
from generator.metrics.store import AccountDay, PostMetrics
from generator.metrics.tables import (
    Aliases,
    ExportFile,
    HeaderedTable,
    ImportContext,
    Record,
    find_sheet,
    total,
)

DATE = ("Date",)
# page content export, sheet "Metrics" (daily) and sheet "All posts"
IMPRESSIONS_TOTAL = ("Impressions (total)",)
UNIQUE_IMPRESSIONS = ("Unique impressions (organic)",)
CLICKS_TOTAL = ("Clicks (total)",)
POST_LINK = ("Post link",)
CREATED = ("Created date",)
IMPRESSIONS = ("Impressions",)
VIEWS = ("Views (excluding off-site video views)", "Views")
OFFSITE_VIEWS = ("Off-site views",)
CLICKS = ("Clicks",)
LIKES = ("Likes", "Reactions")
COMMENTS = ("Comments",)
REPOSTS = ("Reposts", "Shares")
FOLLOWS = ("Follows",)
# page followers and visitors exports
TOTAL_NEW_FOLLOWERS = ("Total followers",)
ORGANIC_FOLLOWERS = ("Organic followers",)
PAGE_VIEWS = ("Total page views (total)",)
# creator export
ENGAGEMENTS = ("Engagements",)
NEW_FOLLOWERS = ("New followers",)
POST_URL = ("Post URL",)
PUBLISH_DATE = ("Post publish date",)
_TOTAL_FOLLOWERS = re.compile(r"total followers on (.+?):?$", re.IGNORECASE)
_URN = re.compile(r"(urn:li:(?:activity|share|ugcPost):\d+)")


@dataclass
class Sheets:
    """The sheets of a LinkedIn workbook that Almanac reads, as found by their headers."""

    kind: str
    daily: HeaderedTable | None = None
    posts: HeaderedTable | None = None
    followers: HeaderedTable | None = None
    top_posts: HeaderedTable | None = None


def post_id_of(link: str) -> str:
    """The activity urn inside a post link; the link itself when it holds none."""
    match = _URN.search(link)
    return match[1] if match else link.strip()


def page_date(record: Record) -> date:
    return record.required(DATE, lambda v: parse_day(v, "mdy"), "date")


def page_days(
    table: HeaderedTable, export: ExportFile, ctx: ImportContext, figures: Mapping[str, Aliases]
) -> list[AccountDay]:
    days = []
    for record in table.records():
        ctx.tick(record.line)
        days.append(account_day("linkedin", page_date(record), record, export.name, figures))
    return days


# --- page exports --------------------------------------------------------------------------


def detect_page_content(export: ExportFile) -> tuple[int, Any] | None:
    daily = find_sheet(export, [DATE, IMPRESSIONS_TOTAL, CLICKS_TOTAL])
    posts = find_sheet(export, [POST_LINK, CREATED, IMPRESSIONS, CLICKS])
    if not daily and not posts:
        return None
    return (20 + (daily is not None) + (posts is not None), Sheets("content", daily, posts))


def parse_page_content(sheets: Sheets, export: ExportFile, ctx: ImportContext) -> Parsed:
    parsed = Parsed("linkedin-content", "linkedin")
    if sheets.daily:
        parsed.account = page_days(
            sheets.daily,
            export,
            ctx,
            {
                "impressions": IMPRESSIONS_TOTAL,
                "reach": UNIQUE_IMPRESSIONS,
                "link_clicks": CLICKS_TOTAL,
            },
        )
    if sheets.posts:
        for record in sheets.posts.records():
            ctx.tick(record.line)
            parsed.posts.append(page_post(record, export, ctx))
    return parsed


def page_post(record: Record, export: ExportFile, ctx: ImportContext) -> PostMetrics:
    link = record.text(POST_LINK)
    if not link:
        raise record.error(POST_LINK[0], "the post link is missing")
    likes, comments, reposts = (record.count(LIKES), record.count(COMMENTS), record.count(REPOSTS))
    clicks, follows = record.count(CLICKS), record.count(FOLLOWS)
    return PostMetrics(
        platform="linkedin",
        post_id=post_id_of(link),
        post_url=link,
        published_at=record.value(CREATED, lambda v: parse_moment(v, ctx.timezone)),
        impressions=record.count(IMPRESSIONS),
        engagements=total(likes, comments, reposts, clicks, follows),
        likes=likes,
        comments=comments,
        shares=reposts,
        clicks=clicks,
        video_views=total(record.count(VIEWS), record.count(OFFSITE_VIEWS)),
        source=export.name,
        line=record.line,
    )


def detect_page_followers(export: ExportFile) -> tuple[int, Any] | None:
    found = find_sheet(export, [DATE, ORGANIC_FOLLOWERS, TOTAL_NEW_FOLLOWERS])
    return (22, Sheets("followers", followers=found)) if found else None


def parse_page_followers(sheets: Sheets, export: ExportFile, ctx: ImportContext) -> Parsed:
    assert sheets.followers is not None
    days = page_days(sheets.followers, export, ctx, {"follower_change": TOTAL_NEW_FOLLOWERS})
    return Parsed("linkedin-followers", "linkedin", account=days)


def detect_page_visitors(export: ExportFile) -> tuple[int, Any] | None:
    found = find_sheet(export, [DATE, PAGE_VIEWS])
    return (21, Sheets("visitors", daily=found)) if found else None


def parse_page_visitors(sheets: Sheets, export: ExportFile, ctx: ImportContext) -> Parsed:
    assert sheets.daily is not None
    days = page_days(sheets.daily, export, ctx, {"profile_visits": PAGE_VIEWS})
    return Parsed("linkedin-visitors", "linkedin", account=days)


# --- creator export ------------------------------------------------------------------------


def detect_creator(export: ExportFile) -> tuple[int, Any] | None:
    daily = find_sheet(export, [DATE, IMPRESSIONS, ENGAGEMENTS])
    followers = find_sheet(export, [DATE, NEW_FOLLOWERS])
    top = find_sheet(export, [POST_URL, PUBLISH_DATE])
    if not daily and not followers:
        return None
    return (
        20 + (daily is not None) + (followers is not None) + (top is not None),
        Sheets("creator", daily=daily, followers=followers, top_posts=top),
    )


def total_followers(table: HeaderedTable) -> tuple[date, int] | None:
    """The summary line above the followers table: `Total followers on 11/20/2026:` | 1234."""
    from generator.metrics.decode import parse_count

    for line, cells in table.table.rows[: table.header_row]:
        texts = [c.strip() for c in cells if c.strip()]
        if len(texts) >= 2 and (match := _TOTAL_FOLLOWERS.match(texts[0])):
            day, count = parse_day(match[1], "mdy"), parse_count(texts[1])
            if day and count is not None:
                return day, count
            from generator.metrics.tables import import_error

            raise import_error(table.name, line, "", f"cannot read `{' '.join(texts)}`")
    return None


def parse_creator(sheets: Sheets, export: ExportFile, ctx: ImportContext) -> Parsed:
    parsed = Parsed("linkedin-creator", "linkedin")
    days: dict[date, dict[str, int | None]] = {}
    if sheets.daily:
        for record in sheets.daily.records():
            ctx.tick(record.line)
            days.setdefault(page_date(record), {})["impressions"] = record.count(IMPRESSIONS)
    if sheets.followers:
        for record in sheets.followers.records():
            ctx.tick(record.line)
            days.setdefault(page_date(record), {})["follower_change"] = record.count(NEW_FOLLOWERS)
        add_follower_totals(days, total_followers(sheets.followers))
    parsed.account = [
        AccountDay(
            platform="linkedin",
            date=day,
            followers=values.get("followers"),
            follower_change=values.get("follower_change"),
            impressions=values.get("impressions"),
            source=export.name,
        )
        for day, values in sorted(days.items())
    ]
    if sheets.top_posts:
        parsed.posts = creator_posts(sheets.top_posts, export, ctx)
    return parsed


def add_follower_totals(
    days: dict[date, dict[str, int | None]], known: tuple[date, int] | None
) -> None:
    """Followers per day, counted back from the total the summary gives for its day."""
    if known is None or known[0] not in days:
        return
    day, followers = known
    while day in days:
        days[day]["followers"] = followers
        followers -= days[day].get("follower_change") or 0
        day -= timedelta(days=1)


def creator_posts(
    table: HeaderedTable, export: ExportFile, ctx: ImportContext
) -> list[PostMetrics]:
    """TOP POSTS holds two tables side by side: by engagements (left), by impressions (right)."""
    halves = [i for i, cell in enumerate(table.header) if cell.strip() == POST_URL[0]]
    found: dict[str, dict[str, Any]] = {}
    for record in table.records():
        ctx.tick(record.line)
        for start in halves:
            url, published, figure = (record.cells[start : start + 3] + ["", "", ""])[:3]
            if not url.strip():
                continue
            metric = table.header[start + 2].strip().lower()
            entry = found.setdefault(url.strip(), {"published_at": None})
            entry["published_at"] = parse_moment(published, ctx.timezone) if published else None
            entry[metric] = read_figure(record, start + 2)
    return [
        PostMetrics(
            platform="linkedin",
            post_id=post_id_of(url),
            post_url=url,
            published_at=values["published_at"],
            impressions=values.get("impressions"),
            engagements=values.get("engagements"),
            source=export.name,
        )
        for url, values in found.items()
    ]


def read_figure(record: Record, position: int) -> int | None:
    from generator.metrics.decode import ValueProblem, parse_count

    try:
        return parse_count(record.cells[position])
    except ValueProblem as exc:
        raise record.error(record.table.header[position], str(exc)) from None


FORMATS = [
    Format(
        "linkedin-content",
        "LinkedIn page, content (XLSX)",
        "linkedin",
        "<page>_content_<timestamp>.xlsx",
        "en",
        "xlsx",
        detect_page_content,
        parse_page_content,
    ),
    Format(
        "linkedin-followers",
        "LinkedIn page, followers (XLSX)",
        "linkedin",
        "<page>_followers_<timestamp>.xlsx",
        "en",
        "xlsx",
        detect_page_followers,
        parse_page_followers,
    ),
    Format(
        "linkedin-visitors",
        "LinkedIn page, visitors (XLSX)",
        "linkedin",
        "<page>_visitors_<timestamp>.xlsx",
        "en",
        "xlsx",
        detect_page_visitors,
        parse_page_visitors,
    ),
    Format(
        "linkedin-creator",
        "LinkedIn creator analytics (XLSX)",
        "linkedin",
        "Content_<start>_<end>_<name>.xlsx",
        "en",
        "xlsx",
        detect_creator,
        parse_creator,
    ),
]
