"""The example's raw exports read with csv, openpyxl and the standard library only: the
oracle's side of tests/test_report_oracle.py.

Nothing here imports Almanac: each export is read from its own columns, and each figure is
computed from the sentences of the report's definitions page (followers gained from the
accounts' counts, reach and impressions summed over the accounts' days, the engagement rate
over the post rows with both figures, ads from the Ads Manager report alone). When the report
and this module disagree, one of them misreads an export or a definition.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
Row = dict[str, str]
MONTHS_EN = {
    name: number
    for number, name in enumerate(
        ["January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"],
        1,
    )
}  # fmt: skip


@dataclass
class Day:
    """One network's day as its account export gives it."""

    followers: int | None = None  # a count
    gained: int | None = None  # a daily change, when the export has no count
    reach: int | None = None
    impressions: int | None = None


@dataclass(frozen=True)
class PostRow:
    """One post on one network, as its post export gives it (`day`: local publication day)."""

    platform: str
    ident: str
    day: date
    impressions: int | None
    reach: int | None
    engagements: int | None


@dataclass(frozen=True)
class AdRow:
    """One row of an Ads Manager report: what the money bought for one post on one network."""

    platform: str
    ident: str
    spend: float
    impressions: int
    clicks: int
    results: int
    indicator: str  # what `results` counts (`actions:link_click`, `reach`, …)


@dataclass
class Exports:
    """A client's exports: account days per network, post rows and ad rows."""

    zone: ZoneInfo
    days: dict[str, dict[date, Day]] = field(default_factory=dict)
    posts: list[PostRow] = field(default_factory=list)
    ads: list[AdRow] = field(default_factory=list)

    def day(self, platform: str, when: date) -> Day:
        return self.days.setdefault(platform, {}).setdefault(when, Day())


# --- reading ------------------------------------------------------------------------------


def table(path: Path, encoding: str = "utf-8-sig", skip: int = 0) -> list[Row]:
    """A CSV's rows as dicts, after `skip` title lines."""
    text = path.read_bytes().decode(encoding)
    return list(csv.DictReader(io.StringIO("\n".join(text.splitlines()[skip:]))))


def sheet(path: Path, name: str, skip: int = 0) -> list[Row]:
    """An XLSX sheet's rows as dicts of text (openpyxl), after `skip` title lines."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    found = book[name].iter_rows(values_only=True)
    rows = [["" if v is None else str(v) for v in r] for r in found]
    book.close()
    header, *body = rows[skip:]
    return [dict(zip(header, r, strict=False)) for r in body if any(r)]


def num(text: str | None) -> int | None:
    """A count as the exports write it ("12", "12.0", ""; "-" when not promoted)."""
    if text is None or text.strip() in {"", "-"}:
        return None
    return round(float(text))


def plus(*values: int | None) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def tiktok_day(text: str, year: int = 2026) -> date:
    """TikTok Studio writes `September 6` (no year: the exports' year)."""
    name, day = text.split()
    return date(year, MONTHS_EN[name], int(day))


def read_facebook_page(ex: Exports, path: Path) -> None:
    for r in table(path, "cp1252"):
        if not r["Date"]:
            continue  # the row of descriptions under the header
        d = ex.day("facebook", datetime.strptime(r["Date"], "%m/%d/%Y").date())
        d.followers = num(r["Lifetime Total Likes"])
        d.reach, d.impressions = num(r["Daily Total Reach"]), num(r["Daily Total Impressions"])


def read_facebook_posts(ex: Exports, path: Path) -> None:
    for r in table(path):
        if not r["Post ID"]:
            continue
        posted = datetime.strptime(r["Posted"], "%m/%d/%Y %I:%M:%S %p").date()  # page time
        ex.posts.append(
            PostRow(
                "facebook",
                r["Post ID"],
                posted,
                num(r["Lifetime Post Total Impressions"]),
                num(r["Lifetime Post Total Reach"]),
                num(r["Lifetime Engaged Users"]),
            )
        )


def read_instagram_account(ex: Exports, path: Path) -> None:
    for r in table(path, "utf-16", skip=1):
        d = ex.day("instagram", date.fromisoformat(r["Date"][:10]))
        d.followers = num(r["Instagram followers"])
        d.reach, d.impressions = num(r["Instagram reach"]), num(r["Instagram views"])


def read_instagram_posts(ex: Exports, path: Path) -> None:
    """Meta Business Suite content export: the `Lifetime` rows; engagements = likes +
    comments + shares + saves (what Instagram counts as interactions on a post)."""
    for r in table(path):
        if r["Date"] != "Lifetime":
            continue
        parts = (num(r[c]) for c in ("Likes", "Comments", "Shares", "Saves"))
        ex.posts.append(
            PostRow(
                "instagram",
                r["Post ID"],
                datetime.strptime(r["Publish time"], "%m/%d/%Y %H:%M").date(),
                num(r["Impressions"]),
                num(r["Reach"]),
                plus(*parts),
            )
        )


def read_tiktok(ex: Exports, history: Path, content: Path) -> None:
    for r in table(history):
        ex.day("tiktok", tiktok_day(r["Date"])).followers = num(r["Followers"])
    for r in table(content):
        parts = (num(r[c]) for c in ("Total likes", "Total comments", "Total shares"))
        ident = r["Video link"].rstrip("/").rsplit("/", 1)[-1]
        ex.posts.append(
            PostRow("tiktok", ident, tiktok_day(r["Post time"]), None, None, plus(*parts))
        )


def read_x(ex: Exports, daily: Path, tweets: Path) -> None:
    """Organic plus promoted (`-` when a tweet was not promoted); the French export names its
    columns in French but keeps `impressions` and `engagements`."""
    for r in table(daily):
        impressions = plus(num(r["impressions"]), num(r.get("impressions sponsorisées")))
        impressions = plus(impressions, num(r.get("promoted impressions")))
        ex.day("x", date.fromisoformat(r["Date"])).impressions = impressions
    for r in table(tweets):
        ident = r.get("Tweet id") or r["Identifiant du Tweet"]
        moment = datetime.strptime(r.get("time") or r["heure"], "%Y-%m-%d %H:%M %z")
        promoted = ("promoted impressions", "impressions sponsorisées")
        engaged = ("promoted engagements", "engagements sponsorisés")
        ex.posts.append(
            PostRow(
                "x",
                ident,
                moment.astimezone(ex.zone).date(),
                plus(num(r["impressions"]), *(num(r.get(c)) for c in promoted)),
                None,
                plus(num(r["engagements"]), *(num(r.get(c)) for c in engaged)),
            )
        )


LINKEDIN_ENGAGEMENTS = ("Clicks", "Likes", "Comments", "Reposts", "Follows")


def read_linkedin(ex: Exports, content: Path, followers: Path) -> None:
    """LinkedIn page exports: daily impressions and unique impressions (reach), new
    followers per day (no count), and posts whose engagements are what LinkedIn's own
    `Engagement rate` column counts (clicks, likes, comments, reposts, follows)."""
    for r in sheet(content, "Metrics", skip=1):
        d = ex.day("linkedin", datetime.strptime(r["Date"], "%m/%d/%Y").date())
        d.impressions = num(r["Impressions (total)"])
        d.reach = num(r["Unique impressions (organic)"])
    for r in sheet(followers, "New followers"):
        ex.day("linkedin", datetime.strptime(r["Date"], "%m/%d/%Y").date()).gained = num(
            r["Total followers"]
        )
    for r in sheet(content, "All posts", skip=1):
        ident = re.search(r"urn:li:activity:\d+", r["Post link"])
        assert ident, r["Post link"]
        impressions = num(r["Impressions"])
        engagements = plus(*(num(r[c]) for c in LINKEDIN_ENGAGEMENTS))
        # LinkedIn's own rate (rounded to 0.01 in the export) is engagements ÷ impressions
        assert impressions and engagements is not None
        assert abs(engagements / impressions - float(r["Engagement rate"])) < 0.006, r
        ex.posts.append(
            PostRow(
                "linkedin",
                ident[0],
                datetime.strptime(r["Created date"], "%m/%d/%Y").date(),
                impressions,
                None,
                engagements,
            )
        )


def read_ads(ex: Exports, path: Path) -> None:
    """Ads Manager: one row per ad; the boosted post is its Instagram post id or its
    Facebook post id; the total row (no ad) is left out."""
    rows = sheet(path, "Raw Data Report") if path.suffix == ".xlsx" else table(path)
    for r in rows:
        if not r["Ad name"]:
            continue
        spent = next(v for k, v in r.items() if k.startswith("Amount spent"))
        instagram = r.get("Instagram post ID") or ""
        platform, ident = ("instagram", instagram) if instagram else ("facebook", r["Post ID"])
        ex.ads.append(
            AdRow(
                platform,
                ident,
                float(spent),
                num(r["Impressions"]) or 0,
                num(r["Link clicks"]) or 0,
                num(r["Results"]) or 0,
                r["Result indicator"],
            )
        )


def read_exports(slug: str) -> Exports:
    """Every export of one example client, each by the reader of its kind."""
    folder = CONTENT / slug / "exports"
    settings = yaml.safe_load((CONTENT / slug / "client.yml").read_text(encoding="utf-8"))
    ex = Exports(ZoneInfo(settings["timezone"]))

    def one(pattern: str) -> Path:
        (found,) = folder.glob(pattern)
        return found

    if list(folder.glob("Facebook Insights Data Export - *")):
        read_facebook_page(ex, one("Facebook Insights Data Export - *"))
        read_facebook_posts(ex, one("Facebook Insights Data Export (Post Level)*"))
    read_instagram_account(ex, one("Instagram_insights_*.csv"))
    read_instagram_posts(ex, one("Sep-01-2026_Nov-20-2026_*.csv"))
    if list(folder.glob("tiktok_*")):
        read_tiktok(ex, one("tiktok_FollowerHistory_*"), one("tiktok_Content_*"))
    if list(folder.glob("daily_tweet_activity_*")):
        read_x(ex, one("daily_tweet_activity_*"), one("tweet_activity_*"))
    if list(folder.glob("*_content_*.xlsx")):
        read_linkedin(ex, one("*_content_*.xlsx"), one("*_followers_*.xlsx"))
    read_ads(ex, one("*-Ads-*"))
    return ex


# --- the plan -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanPost:
    """A post of content/<client>/posts/ as its front matter says."""

    title: str
    day: date
    status: str
    published: dict[str, str]  # network -> id
    boost: dict[str, object] | None


def read_plan(slug: str) -> list[PlanPost]:
    found = []
    for path in sorted((CONTENT / slug / "posts").glob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        when = front["publish_at"]
        day = when.date() if isinstance(when, datetime) else date.fromisoformat(str(when)[:10])
        where = front.get("published") or {}
        ids = {k: str(v.get("id") or v.get("url")) for k, v in where.items()}
        found.append(PlanPost(front["title"], day, front["status"], ids, front.get("boost")))
    return found


# --- the figures, from the definitions ----------------------------------------------------


@dataclass(frozen=True)
class Span:
    """The days a figure covers: a whole month, or its first days when the exports stop."""

    first: date
    last: date

    def __contains__(self, day: date) -> bool:
        return self.first <= day <= self.last


def month_span(year: int, month: int, exports: Exports) -> Span:
    """The month, cut at the last day every network's account export reaches."""
    whole = whole_month(year, month)
    ends = [max(days) for days in exports.days.values()]
    return Span(whole.first, min([whole.last, *ends]))


def whole_month(year: int, month: int) -> Span:
    first = date(year, month, 1)
    return Span(first, (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(1))


def month_before(span: Span) -> Span:
    """The whole previous month."""
    last = span.first - timedelta(days=1)
    return whole_month(last.year, last.month)


def same_days_before(span: Span) -> Span:
    """The same days of the previous month (1-20 Nov -> 1-20 Oct)."""
    before = month_before(span)
    return Span(before.first, min(before.last, before.first + (span.last - span.first)))


@dataclass(frozen=True)
class Network:
    """One network's row of the report's table."""

    gained: int | None
    reach: int | None
    impressions: int | None
    measured: int
    post_impressions: int
    engagements: int

    @property
    def rate(self) -> float | None:
        return self.engagements / self.post_impressions if self.post_impressions else None


def followers_gained(days: dict[date, Day], span: Span) -> int | None:
    counted = sorted((d, v.followers) for d, v in days.items() if v.followers is not None)
    inside = [n for d, n in counted if d in span]
    if inside:
        before = [n for d, n in counted if d < span.first]
        return inside[-1] - (before[-1] if before else inside[0])
    changes = [v.gained for d, v in days.items() if d in span and v.gained is not None]
    return sum(changes) if changes else None


def rated(rows: Iterable[PostRow]) -> list[PostRow]:
    """The rows an engagement rate is computed on: both engagements and impressions."""
    return [r for r in rows if r.engagements is not None and r.impressions]


def network(ex: Exports, platform: str, span: Span) -> Network:
    days = ex.days.get(platform, {})
    posts = [r for r in ex.posts if r.platform == platform and r.day in span]

    def summed(name: str) -> int | None:
        own = plus(*(getattr(v, name) for d, v in days.items() if d in span))
        return own if own is not None else plus(*(getattr(r, name) for r in posts))

    measured = rated(posts)
    return Network(
        followers_gained(days, span),
        summed("reach"),
        summed("impressions"),
        len(measured),
        sum(r.impressions or 0 for r in measured),
        sum(r.engagements or 0 for r in measured),
    )


def networks(ex: Exports, span: Span) -> dict[str, Network]:
    names = set(ex.days) | {r.platform for r in ex.posts}
    return {p: network(ex, p, span) for p in sorted(names)}


def headline(ex: Exports, plan: list[PlanPost], span: Span, month: Span) -> dict[str, float | None]:
    """The five figures of "the month in numbers" (posts over the whole month: the plan)."""
    rows = networks(ex, span).values()
    published = [p for p in plan if p.status == "published" and p.day in month]
    shown = sum(n.post_impressions for n in rows)
    return {
        "followers_gained": sum(n.gained for n in rows if n.gained is not None),
        "reach": sum(n.reach for n in rows if n.reach is not None),
        "impressions": sum(n.impressions for n in rows if n.impressions is not None),
        "engagement_rate": sum(n.engagements for n in rows) / shown if shown else None,
        "posts_published": len(published),
    }


@dataclass(frozen=True)
class TopPost:
    title: str
    impressions: int | None
    reach: int | None
    engagements: int
    rate: float | None


def post_rows(ex: Exports, post: PlanPost) -> list[PostRow]:
    by_key = {(r.platform, r.ident): r for r in ex.posts}
    return [by_key[k] for k in sorted(post.published.items()) if k in by_key]


def top_posts(ex: Exports, plan: list[PlanPost], month: Span, count: int = 5) -> list[TopPost]:
    """Published posts of the month with export rows, most engagements first (then rate)."""
    found = []
    for post in plan:
        rows = post_rows(ex, post)
        if post.status != "published" or post.day not in month or not rows:
            continue
        measured = rated(rows)
        shown = sum(r.impressions or 0 for r in measured)
        found.append(
            TopPost(
                post.title,
                plus(*(r.impressions for r in rows)),
                plus(*(r.reach for r in rows)),
                sum(r.engagements or 0 for r in rows),
                sum(r.engagements or 0 for r in measured) / shown if shown else None,
            )
        )
    found.sort(key=lambda p: (-p.engagements, -(p.rate or 0)))
    return found[:count]


@dataclass(frozen=True)
class Boost:
    title: str
    spend: float
    impressions: int
    clicks: int
    cost: float  # per link click (traffic), per result (engagement), per 1,000 impressions


def boosts(ex: Exports, plan: list[PlanPost], month: Span) -> list[Boost]:
    """Boosted posts whose boost overlaps the month, with their ads' figures (the ads of the
    boosted networks: the Ads Manager report's rows for the post's ids)."""
    found = []
    for post in plan:
        boost = post.boost
        if not boost:
            continue
        start = boost.get("start") or post.day
        end = boost.get("end") or start
        assert isinstance(start, date) and isinstance(end, date)
        if start > month.last or end < month.first:
            continue
        networks_boosted = boost.get("platforms") or list(post.published)
        assert isinstance(networks_boosted, list)
        ids = {(p, post.published[p]) for p in networks_boosted if p in post.published}
        ads = [a for a in ex.ads if (a.platform, a.ident) in ids]
        spend, impressions = sum(a.spend for a in ads), sum(a.impressions for a in ads)
        clicks, results = sum(a.clicks for a in ads), sum(a.results for a in ads)
        indicators = {a.indicator for a in ads}
        if boost.get("objective") == "traffic":
            assert indicators == {"actions:link_click"} and results == clicks, indicators
            cost = spend / clicks
        elif boost.get("objective") == "engagement":
            assert indicators == {"actions:post_engagement"}, indicators
            cost = spend / results
        else:
            cost = spend / impressions * 1000
        found.append(Boost(post.title, spend, impressions, clicks, cost))
    return found


def audience_shares(slug: str, kind: str) -> list[tuple[str, Decimal]]:
    """TikTok's follower shares by territory (without `Others`) or gender, largest first, as
    decimals: 0.0215 is 2.15 %, which rounds half to even to 2.2 % (a float has 2.1499…)."""
    (path,) = (CONTENT / slug / "exports").glob(f"tiktok_Follower{kind}_*.csv")
    rows = table(path)
    key = "Top territories" if kind == "TopTerritories" else "Gender"
    shares = [(r[key], Decimal(r["Distribution"])) for r in rows if r[key] != "Others"]
    return sorted(shares, key=lambda pair: -pair[1])
