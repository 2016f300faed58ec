"""X (Twitter) analytics: tweet activity and daily exports (EN, FR), and the 2024 account
analytics exports (EN)."""

from __future__ import annotations

from typing import Any

from generator.metrics.dates import parse_day, parse_moment
from generator.metrics.decode import parse_id
from generator.metrics.formats import Format, Parsed
from generator.metrics.store import AccountDay, PostMetrics
from generator.metrics.tables import (
    ExportFile,
    HeaderedTable,
    ImportContext,
    Record,
    find_header,
)

# Header names as the English and French interfaces write them (compared after normalising
# apostrophes, spaces and case, so `J’aime` and ` J'aime ` both match `J'aime`)
TWEET_ID = ("Tweet id", "Identifiant du Tweet")
PERMALINK = ("Tweet permalink", "Permalien du Tweet")
TIME = ("time", "heure")
DATE = ("Date",)
TWEETS_PUBLISHED = ("Tweets published", "Tweets publiés")
IMPRESSIONS = ("impressions",)
ENGAGEMENTS = ("engagements",)
RETWEETS = ("retweets",)
REPLIES = ("replies", "réponses")
LIKES = ("likes", "favorites", "J'aime")
PROFILE_CLICKS = ("user profile clicks", "clics sur le profil de l'utilisateur")
URL_CLICKS = ("url clicks", "clics sur l'URL")
MEDIA_VIEWS = ("media views", "vues du média")
P_IMPRESSIONS = ("promoted impressions", "impressions sponsorisées")
P_ENGAGEMENTS = ("promoted engagements", "engagements sponsorisés")
P_RETWEETS = ("promoted retweets", "Retweets sponsorisés")
P_REPLIES = ("promoted replies", "réponses sponsorisées")
P_LIKES = ("promoted likes", "promoted favorites", "J'aime sponsorisés")
P_PROFILE_CLICKS = (
    "promoted user profile clicks",
    "clics sur le profil de l'utilisateur sponsorisés",
)
P_URL_CLICKS = ("promoted url clicks", "clics sur l'URL sponsorisés")
P_MEDIA_VIEWS = ("promoted media views", "vues du média sponsorisées")

# The 2024 "account analytics" exports
POST_ID = ("Post id",)
POST_LINK = ("Post Link",)
NEW_FOLLOWS = ("New follows",)
UNFOLLOWS = ("Unfollows",)


def with_promoted(
    record: Record, organic: tuple[str, ...], promoted: tuple[str, ...]
) -> int | None:
    """Organic plus promoted: the export splits them and writes `-` when not promoted.

    `total` written out for two counts: this runs seven times on every row."""
    organic_count, promoted_count = record.count(organic), record.count(promoted)
    if promoted_count is None:
        return organic_count
    return promoted_count if organic_count is None else organic_count + promoted_count


def detect_tweets(export: ExportFile) -> tuple[int, Any] | None:
    return find_header(
        export.tables[0],
        [TWEET_ID, PERMALINK, TIME, IMPRESSIONS],
        [ENGAGEMENTS, LIKES, RETWEETS],
        scan=1,
    )


def parse_tweets(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    parsed = Parsed("x-tweets", "x")
    for record in table.records():
        ctx.tick(record.line)
        post_id = record.required(TWEET_ID, parse_id, "tweet id")
        parsed.posts.append(
            PostMetrics(
                platform="x",
                post_id=post_id,
                post_url=record.text(PERMALINK) or None,
                published_at=record.value(TIME, lambda v: parse_moment(v, ctx.timezone)),
                impressions=with_promoted(record, IMPRESSIONS, P_IMPRESSIONS),
                engagements=with_promoted(record, ENGAGEMENTS, P_ENGAGEMENTS),
                likes=with_promoted(record, LIKES, P_LIKES),
                comments=with_promoted(record, REPLIES, P_REPLIES),
                shares=with_promoted(record, RETWEETS, P_RETWEETS),
                clicks=with_promoted(record, URL_CLICKS, P_URL_CLICKS),
                video_views=with_promoted(record, MEDIA_VIEWS, P_MEDIA_VIEWS),
                source=export.name,
                line=record.line,
            )
        )
    return parsed


def detect_daily(export: ExportFile) -> tuple[int, Any] | None:
    return find_header(
        export.tables[0],
        [DATE, TWEETS_PUBLISHED, IMPRESSIONS, ENGAGEMENTS],
        [PROFILE_CLICKS, URL_CLICKS],
        scan=1,
    )


def parse_daily(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    parsed = Parsed("x-daily", "x")
    for record in table.records():
        ctx.tick(record.line)
        day = record.required(DATE, parse_day, "date")
        parsed.account.append(
            AccountDay(
                platform="x",
                date=day,
                impressions=with_promoted(record, IMPRESSIONS, P_IMPRESSIONS),
                profile_visits=with_promoted(record, PROFILE_CLICKS, P_PROFILE_CLICKS),
                link_clicks=with_promoted(record, URL_CLICKS, P_URL_CLICKS),
                video_views=with_promoted(record, MEDIA_VIEWS, P_MEDIA_VIEWS),
                source=export.name,
                line=record.line,
            )
        )
    return parsed


def detect_content(export: ExportFile) -> tuple[int, Any] | None:
    return find_header(
        export.tables[0],
        [POST_ID, DATE, POST_LINK, ("Impressions",)],
        [("Reposts",), ("Bookmarks",)],
        scan=1,
    )


def parse_content(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    parsed = Parsed("x-content", "x")
    for record in table.records():
        ctx.tick(record.line)
        post_id = record.required(POST_ID, parse_id, "post id")
        parsed.posts.append(
            PostMetrics(
                platform="x",
                post_id=post_id,
                post_url=record.text(POST_LINK) or None,
                published_at=record.value(DATE, lambda v: parse_moment(v, ctx.timezone)),
                impressions=record.count(("Impressions",)),
                engagements=record.count(("Engagements",)),
                likes=record.count(("Likes",)),
                comments=record.count(("Replies",)),
                shares=record.count(("Reposts",)),
                saves=record.count(("Bookmarks",)),
                clicks=record.count(("URL Clicks",)),
                source=export.name,
                line=record.line,
            )
        )
    return parsed


def detect_overview(export: ExportFile) -> tuple[int, Any] | None:
    return find_header(
        export.tables[0],
        [DATE, ("Impressions",), NEW_FOLLOWS, UNFOLLOWS],
        [("Profile visits",), ("Video views",)],
        scan=1,
    )


def parse_overview(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    parsed = Parsed("x-overview", "x")
    for record in table.records():
        ctx.tick(record.line)
        day = record.required(DATE, parse_day, "date")
        follows, unfollows = record.count(NEW_FOLLOWS), record.count(UNFOLLOWS)
        change = None if follows is None or unfollows is None else follows - unfollows
        parsed.account.append(
            AccountDay(
                platform="x",
                date=day,
                follower_change=change,
                impressions=record.count(("Impressions",)),
                profile_visits=record.count(("Profile visits",)),
                video_views=record.count(("Video views",)),
                source=export.name,
                line=record.line,
            )
        )
    return parsed


FORMATS = [
    Format(
        "x-tweets",
        "X tweet activity (per post)",
        "x",
        "tweet_activity_metrics_*.csv",
        "en, fr",
        "csv",
        detect_tweets,
        parse_tweets,
    ),
    Format(
        "x-daily",
        "X daily activity",
        "x",
        "daily_tweet_activity_metrics_*.csv",
        "en, fr",
        "csv",
        detect_daily,
        parse_daily,
    ),
    Format(
        "x-content",
        "X account analytics, posts (2024)",
        "x",
        "account_analytics_content_*.csv",
        "en",
        "csv",
        detect_content,
        parse_content,
    ),
    Format(
        "x-overview",
        "X account analytics, overview (2024)",
        "x",
        "account_overview_analytics_*.csv",
        "en",
        "csv",
        detect_overview,
        parse_overview,
    ),
]
