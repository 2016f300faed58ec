"""Write the example workspace's raw platform exports (content/<client>/exports/), as the
platforms would give them for 2026-09-01 to 2026-11-20, then import them with `almanac import`.

Deterministic (seeded): run it again after changing the example posts.
Run: python scripts/make_example_exports.py
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import random
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.content import load_workspace  # noqa: E402
from generator.content.model import ClientData  # noqa: E402
from generator.schema.common import Platform  # noqa: E402
from generator.schema.items import Post  # noqa: E402

START, END = date(2026, 9, 1), date(2026, 11, 20)
DAYS = [START + timedelta(days=n) for n in range((END - START).days + 1)]

X_TWEETS_EN = [
    "Tweet id",
    "Tweet permalink",
    "Tweet text",
    "time",
    "impressions",
    "engagements",
    "engagement rate",
    "retweets",
    "replies",
    "likes",
    "user profile clicks",
    "url clicks",
    "hashtag clicks",
    "detail expands",
    "permalink clicks",
    "app opens",
    "app installs",
    "follows",
    "email tweet",
    "dial phone",
    "media views",
    "media engagements",
]
X_TWEETS_FR = [
    "Identifiant du Tweet",
    "Permalien du Tweet",
    "Texte du Tweet",
    "heure",
    "impressions",
    "engagements",
    "taux d’engagement",
    "Retweets",
    "réponses",
    "J’aime",
    "clics sur le profil de l'utilisateur",
    "clics sur l’URL",
    "clics sur le hashtag",
    "ouvertures des détails",
    "clics sur le permalien",
    "ouvertures de l'application",
    "installations de l’application",
    "abonnements",
    "envoyer le Tweet par e-mail",
    "composer le numéro de téléphone",
    "vues du média",
    "engagements avec le média",
]
X_DAILY_EN = ["Date", "Tweets published", *X_TWEETS_EN[4:]]
X_DAILY_FR = ["Date", "Tweets publiés", *X_TWEETS_FR[4:]]
X_PROMOTED_EN = [
    "promoted " + h
    for h in ("impressions", "engagements", "engagement rate", "retweets", "replies", "likes")
]
X_PROMOTED_FR = [
    "impressions sponsorisées",
    "engagements sponsorisés",
    "taux d'engagement sponsorisé",
    "Retweets sponsorisés",
    "réponses sponsorisées",
    "J'aime sponsorisés",
]


@dataclass
class Live:
    """One published post on one platform, as the exports see it."""

    post: Post
    url: str
    id: str
    when: datetime
    text: str
    boosted: bool


def live_posts(client: ClientData, platform: str) -> list[Live]:
    found = []
    for item in client.posts():
        meta = item.meta
        assert isinstance(meta, Post)
        live = meta.published.get(Platform(platform))
        if live is None or meta.publish_at.date() > END:
            continue
        text = " ".join(item.body.split())[:120] or meta.title
        found.append(
            Live(meta, live.url or "", live.id or "", meta.publish_at, text, meta.boost is not None)
        )
    return sorted(found, key=lambda lv: lv.when)


def growth(rnd: random.Random, start: int, per_day: float, posts: list[Live]) -> list[int]:
    """A follower curve: steady growth, weekend dips, bumps on post days."""
    post_days = {lv.when.date() for lv in posts}
    curve, value = [], start
    for day in DAYS:
        gain = per_day * (0.6 if day.weekday() >= 5 else 1.0) + rnd.gauss(0, per_day * 0.5)
        if day in post_days:
            gain += per_day * 1.5
        value += round(gain)
        curve.append(value)
    return curve


def csv_text(
    rows: list[list[str]], delimiter: str = ",", quote_all: bool = True, newline: str = "\n"
) -> str:
    out = io.StringIO()
    writer = csv.writer(
        out,
        delimiter=delimiter,
        lineterminator=newline,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    writer.writerows(rows)
    return out.getvalue()


def reach_for(rnd: random.Random, followers: int, rate: float, boosted: bool) -> int:
    base = followers * rate * math.exp(rnd.gauss(0, 0.35))
    return int(base * (2.8 if boosted else 1.0))


# --- X ---------------------------------------------------------------------------------------


def write_x(folder: Path, client: ClientData, rnd: random.Random, french: bool) -> list[Path]:
    posts = live_posts(client, "x")
    handle = client.config.platforms[
        next(p for p in client.config.platforms if p.value == "x")
    ].handle.lstrip("@")
    followers = growth(rnd, 1850 if french else 4200, 2.2 if french else 4.5, posts)
    tweets: list[list[str]] = [
        (X_TWEETS_FR + X_PROMOTED_FR) if french else (X_TWEETS_EN + X_PROMOTED_EN)
    ]
    for lv in posts:
        index = (lv.when.date() - START).days
        impressions = reach_for(rnd, followers[index], 0.9, False) + rnd.randint(50, 300)
        likes, rts, replies = (
            int(impressions * rnd.uniform(0.008, 0.025)),
            int(impressions * rnd.uniform(0.001, 0.006)),
            int(impressions * rnd.uniform(0.0005, 0.003)),
        )
        profile, url, expands = rnd.randint(2, 25), rnd.randint(0, 30), rnd.randint(2, 40)
        engagements = likes + rts + replies + profile + url + expands
        media = rnd.randint(0, impressions // 8)
        row = [
            lv.id,
            lv.url.replace("https://x.com/", "https://twitter.com/"),
            lv.text,
            lv.when.astimezone(UTC).strftime("%Y-%m-%d %H:%M +0000"),
            f"{impressions}.0",
            f"{engagements}.0",
            repr(engagements / impressions),
            f"{rts}.0",
            f"{replies}.0",
            f"{likes}.0",
            f"{profile}.0",
            f"{url}.0",
            "0.0",
            f"{expands}.0",
            "0.0",
            "0",
            "0",
            f"{rnd.randint(0, 3)}.0",
            "0",
            "0",
            f"{media}.0",
            f"{media // 10}.0",
        ]
        tweets.append(row + (promoted(rnd) if lv.boosted else ["-"] * len(X_PROMOTED_EN)))
    lang = "fr" if french else "en"
    span = f"{handle}_{START:%Y%m%d}_{END:%Y%m%d}_{lang}"
    tweets_file = folder / f"tweet_activity_metrics_{span}.csv"
    tweets_file.write_text(csv_text(tweets), encoding="utf-8")
    daily: list[list[str]] = [
        (X_DAILY_FR + X_PROMOTED_FR) if french else (X_DAILY_EN + X_PROMOTED_EN)
    ]
    per_day = {d: [lv for lv in posts if lv.when.date() == d] for d in DAYS}
    for index, day in enumerate(DAYS):
        impressions = reach_for(rnd, followers[index], 0.35, False) + 200 * len(per_day[day])
        engaged = int(impressions * rnd.uniform(0.01, 0.03))
        daily.append(
            [
                day.isoformat(),
                f"{len(per_day[day])}.0",
                f"{impressions}.0",
                f"{engaged}.0",
                repr(engaged / impressions),
                f"{engaged // 9}.0",
                f"{engaged // 15}.0",
                f"{engaged // 2}.0",
                f"{rnd.randint(3, 30)}.0",
                f"{rnd.randint(0, 25)}.0",
                "0.0",
                f"{engaged // 6}.0",
                "0.0",
                "0",
                "0",
                f"{max(0, followers[index] - followers[index - 1]) if index else 0}.0",
                "0",
                "0",
                f"{rnd.randint(0, 400)}.0",
                f"{rnd.randint(0, 30)}.0",
            ]
            + ["0.0"] * len(X_PROMOTED_EN)
        )
    daily_file = folder / f"daily_tweet_activity_metrics_{span}.csv"
    daily_file.write_text(csv_text(daily), encoding="utf-8")
    return [tweets_file, daily_file]


def promoted(rnd: random.Random) -> list[str]:
    impressions = rnd.randint(3000, 9000)
    engagements = int(impressions * 0.02)
    return [
        f"{impressions}.0",
        f"{engagements}.0",
        repr(engagements / impressions),
        f"{engagements // 8}.0",
        f"{engagements // 20}.0",
        f"{engagements // 2}.0",
    ]


# --- Facebook Insights -----------------------------------------------------------------------

FB_PAGE = [
    "Date",
    "Lifetime Total Likes",
    "Daily New Likes",
    "Daily Unlikes",
    "Daily Page Engaged Users",
    "Daily Total Reach",
    "Daily Organic Reach",
    "Daily Paid Reach",
    "Daily Total Impressions",
    "Daily Logged-in Page Views",
    "Daily Page Consumptions",
    "Daily Page Consumptions by type - link clicks",
    "Daily Total Video Views",
]
FB_PAGE_DESC = [
    "",
    "Lifetime: The total number of people who have liked your Page. (Unique Users)",
    "Daily: The number of new people who have liked your Page (Unique Users)",
    "Daily: The number of Unlikes of your Page (Total Count)",
    "Daily: The number of people who engaged with your Page. (Unique Users)",
    "Daily: The number of people who had any content from your Page enter their "
    "screen. (Unique Users)",
    "Daily: Organic reach. (Unique Users)",
    "Daily: Paid reach. (Unique Users)",
    "Daily: The number of times any content "
    "from your Page entered a person’s screen. (Total Count)",
    "Daily: Page views from users logged into Facebook. (Total Count)",
    "Daily: The number of clicks on any of your content. (Total Count)",
    "Daily: Link clicks. (Total Count)",
    "Daily: Total number of times videos have been viewed for more than 3 seconds. (Total Count)",
]
FB_POSTS = [
    "Post ID",
    "Permalink",
    "Post Message",
    "Type",
    "Countries",
    "Languages",
    "Posted",
    "Audience Targeting",
    "Lifetime Post Total Reach",
    "Lifetime Post organic reach",
    "Lifetime Post Paid Reach",
    "Lifetime Post Total Impressions",
    "Lifetime Engaged Users",
    "Lifetime Post Stories by action type - comment",
    "Lifetime Post Stories by action type - like",
    "Lifetime Post Stories by action type - share",
    "Lifetime Post Consumptions by type - link clicks",
]
FB_POSTS_DESC = [
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "Lifetime: The number of people who had your Page's post enter their screen. (Unique Users)",
    "Lifetime: Organic reach. (Unique Users)",
    "Lifetime: Paid reach. (Unique Users)",
    "Lifetime: The number of times your Page's post entered a person's screen. (Total Count)",
    "Lifetime: The number of unique people who engaged with your Page post. (Unique Users)",
    "Lifetime: The number of stories generated about your Page post, by action type. (Total Count)",
    "",
    "",
    "Lifetime: The number of clicks anywhere in your post, by type. (Total Count)",
]


def write_facebook(
    folder: Path, client: ClientData, rnd: random.Random, start: int, per_day: float
) -> list[Path]:
    posts = live_posts(client, "facebook")
    fans = growth(rnd, start, per_day, posts)
    rows = [FB_PAGE, FB_PAGE_DESC]
    for index, day in enumerate(DAYS):
        gained = max(0, fans[index] - (fans[index - 1] if index else start)) + rnd.randint(0, 2)
        lost = gained - (fans[index] - (fans[index - 1] if index else start))
        organic = reach_for(rnd, fans[index], 0.22, False)
        paid = (
            rnd.randint(400, 1500)
            if any(lv.boosted and 0 <= (day - lv.when.date()).days < 5 for lv in posts)
            else 0
        )
        rows.append(
            [
                f"{day.month}/{day.day}/{day.year}",
                str(fans[index]),
                str(gained),
                str(lost),
                str(int(organic * 0.06)),
                str(organic + paid),
                str(organic),
                str(paid),
                str(int((organic + paid) * 1.3)),
                str(rnd.randint(5, 60)),
                str(rnd.randint(20, 150)),
                str(rnd.randint(0, 30)),
                str(rnd.randint(0, 250)),
            ]
        )
    name = client.name.replace("’", "'")
    page = folder / f"Facebook Insights Data Export - {name} - {END.isoformat()}.csv"
    page.write_bytes(csv_text(rows, quote_all=False, newline="\r\n").encode("cp1252"))
    rows = [FB_POSTS, FB_POSTS_DESC]
    for lv in posts:
        index = (lv.when.date() - START).days
        reach = reach_for(rnd, fans[index], 0.35, lv.boosted)
        paid = int(reach * 0.6) if lv.boosted else 0
        likes, comments, shares = (
            int(reach * rnd.uniform(0.03, 0.08)),
            int(reach * rnd.uniform(0.003, 0.015)),
            int(reach * rnd.uniform(0.002, 0.01)),
        )
        clicks = int(reach * rnd.uniform(0.002, 0.02)) if lv.post.link else 0
        local = lv.when
        posted = f"{local.month}/{local.day}/{local.year} {local.strftime('%I:%M:%S %p')}"
        rows.append(
            [
                lv.id,
                lv.url,
                lv.text,
                "Photo",
                "",
                "",
                posted,
                "",
                str(reach),
                str(reach - paid),
                str(paid),
                str(int(reach * 1.25)),
                str(likes + comments + shares + clicks),
                str(comments),
                str(likes),
                str(shares),
                str(clicks),
            ]
        )
    post_file = folder / (
        f"Facebook Insights Data Export (Post Level) - {name} - {END.isoformat()}.csv"
    )
    post_file.write_bytes(codecs.BOM_UTF8 + csv_text(rows, newline="\r\n").encode("utf-8"))
    return [page, post_file]


# --- Meta Business Suite (Instagram) ---------------------------------------------------------

META_IG = [
    "Post ID",
    "Account ID",
    "Account username",
    "Account name",
    "Description",
    "Duration (sec)",
    "Publish time",
    "Permalink",
    "Post type",
    "Data comment",
    "Date",
    "Impressions",
    "Reach",
    "Likes",
    "Shares",
    "Follows",
    "Comments",
    "Saves",
    "Plays",
]


def write_instagram(
    folder: Path, client: ClientData, rnd: random.Random, followers: int, account_id: str
) -> list[Path]:
    posts = live_posts(client, "instagram")
    handle = next(a.handle for p, a in client.config.platforms.items() if p.value == "instagram")
    rows = [META_IG]
    for n, lv in enumerate(posts):
        audience = followers + n * 25
        reach = reach_for(rnd, audience, 0.45, lv.boosted)
        video = any(m.file.endswith((".mp4", ".mov")) for m in lv.post.media)
        rows.append(
            [
                lv.id,
                account_id,
                handle.lstrip("@"),
                client.name,
                lv.text,
                str(rnd.randint(15, 45)) if video else "0",
                lv.when.strftime("%m/%d/%Y %H:%M"),
                lv.url,
                "IG reel" if video else "IG image",
                "",
                "Lifetime",
                str(int(reach * rnd.uniform(1.2, 1.6))),
                str(reach),
                str(int(reach * rnd.uniform(0.04, 0.1))),
                str(int(reach * rnd.uniform(0.002, 0.01))),
                str(rnd.randint(0, 12)),
                str(int(reach * rnd.uniform(0.003, 0.012))),
                str(int(reach * rnd.uniform(0.005, 0.03))),
                str(int(reach * 1.9)) if video else "",
            ]
        )
    target = folder / f"{START:%b-%d-%Y}_{END:%b-%d-%Y}_{account_id[-6:]}.csv"
    target.write_bytes(codecs.BOM_UTF8 + csv_text(rows, quote_all=False).encode("utf-8"))
    return [target]


# --- workbooks ------------------------------------------------------------------------------

STAMP = (2026, 11, 20, 9, 0, 0)


def save_workbook(book: Workbook, target: Path) -> None:
    """Save with fixed timestamps (openpyxl stamps `now` in the zip and the properties), so a
    rerun gives the same bytes."""
    book.properties.created = datetime(*STAMP)
    raw = io.BytesIO()
    book.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-11-20T09:00:00Z", data
                )
            dest.writestr(
                zipfile.ZipInfo(info.filename, date_time=STAMP),
                data,
                compress_type=zipfile.ZIP_DEFLATED,
            )
    target.write_bytes(out.getvalue())


# --- LinkedIn --------------------------------------------------------------------------------


def write_linkedin(
    folder: Path, client: ClientData, rnd: random.Random, slug: str, followers: int
) -> list[Path]:
    posts = live_posts(client, "linkedin")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Metrics"
    sheet.append([f"Aggregated metrics for all posts for {START:%m/%d/%Y} - {END:%m/%d/%Y}"])
    sheet.append(
        [
            "Date",
            "Impressions (organic)",
            "Impressions (sponsored)",
            "Impressions (total)",
            "Unique impressions (organic)",
            "Clicks (organic)",
            "Clicks (sponsored)",
            "Clicks (total)",
            "Reactions (organic)",
            "Reactions (sponsored)",
            "Reactions (total)",
            "Comments (organic)",
            "Comments (sponsored)",
            "Comments (total)",
            "Reposts (organic)",
            "Reposts (sponsored)",
            "Reposts (total)",
            "Engagement rate (organic)",
            "Engagement rate (sponsored)",
            "Engagement rate (total)",
        ]
    )
    for day in DAYS:
        organic = (
            reach_for(rnd, followers, 0.12, False) if day.weekday() < 5 else rnd.randint(20, 90)
        )
        clicks, reactions = int(organic * 0.04), int(organic * 0.02)
        sheet.append(
            [
                day.strftime("%m/%d/%Y"),
                organic,
                0,
                organic,
                int(organic * 0.7),
                clicks,
                0,
                clicks,
                reactions,
                0,
                reactions,
                reactions // 6,
                0,
                reactions // 6,
                reactions // 10,
                0,
                reactions // 10,
                0.061,
                0,
                0.061,
            ]
        )
    posts_sheet = book.create_sheet("All posts")
    posts_sheet.append(["All posts: post engagement metrics are updated in real time."])
    posts_sheet.append(
        [
            "Post title",
            "Post link",
            "Post type",
            "Campaign name",
            "Posted by",
            "Created date",
            "Campaign start date",
            "Campaign end date",
            "Audience",
            "Impressions",
            "Views (excluding off-site video views)",
            "Off-site views",
            "Clicks",
            "Click through rate (CTR)",
            "Likes",
            "Comments",
            "Reposts",
            "Follows",
            "Engagement rate",
            "Content Type",
        ]
    )
    for lv in posts:
        impressions = reach_for(rnd, followers, 0.8, lv.boosted)
        clicks, likes = int(impressions * 0.05), int(impressions * 0.025)
        posts_sheet.append(
            [
                lv.post.title,
                lv.url,
                "Sponsored" if lv.boosted else "Organic",
                "",
                "",
                lv.when.strftime("%m/%d/%Y"),
                "",
                "",
                "All followers",
                impressions,
                "",
                "",
                clicks,
                round(clicks / impressions, 4),
                likes,
                likes // 8,
                likes // 12,
                rnd.randint(0, 6),
                0.08,
                "Image",
            ]
        )
    content = folder / f"{slug}_content_1763683200000.xlsx"
    save_workbook(book, content)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "New followers"
    sheet.append(
        [
            "Date",
            "Sponsored followers",
            "Organic followers",
            "Auto-invited followers",
            "Total followers",
        ]
    )
    for day in DAYS:
        organic = max(0, round(rnd.gauss(2.5 if day.weekday() < 5 else 0.8, 1.2)))
        sheet.append([day.strftime("%m/%d/%Y"), 0, organic, 0, organic])
    for title in ("Location", "Job function", "Seniority", "Industry", "Company size"):
        extra = book.create_sheet(title)
        extra.append([title, "Total followers"])
    follower_file = folder / f"{slug}_followers_1763683200000.xlsx"
    save_workbook(book, follower_file)
    return [content, follower_file]


# --- TikTok ----------------------------------------------------------------------------------


def write_tiktok(
    folder: Path, client: ClientData, rnd: random.Random, followers: int
) -> list[Path]:
    posts = live_posts(client, "tiktok")
    curve = growth(rnd, followers, 6.0, posts)
    overview = [["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]]
    history = [["Date", "Followers", "Difference in followers from previous day"]]
    for index, day in enumerate(DAYS):
        label = f"{day:%B} {day.day}"
        views = reach_for(rnd, curve[index], 0.4, False)
        missing = day == date(2026, 10, 27)  # TikTok sometimes leaves a day blank
        overview.append(
            [
                label,
                "undefined" if missing else str(views),
                "undefined" if missing else str(views // 40),
                str(views // 12),
                str(views // 300),
                str(views // 250),
            ]
        )
        previous = curve[index - 1] if index else followers
        history.append([label, str(curve[index]), str(curve[index] - previous)])
    content = [
        [
            "Time",
            "Video title",
            "Video link",
            "Post time",
            "Total likes",
            "Total comments",
            "Total shares",
            "Total views",
        ]
    ]
    for lv in posts:
        views = reach_for(rnd, curve[(lv.when.date() - START).days], 2.5, lv.boosted)
        content.append(
            [
                f"{END:%B} {END.day}",
                lv.text[:80],
                lv.url,
                f"{lv.when:%B} {lv.when.day}",
                str(int(views * rnd.uniform(0.05, 0.1))),
                str(int(views * 0.004)),
                str(int(views * 0.006)),
                str(views),
            ]
        )
    files = []
    for name, rows in (("Overview", overview), ("FollowerHistory", history), ("Content", content)):
        target = folder / f"tiktok_{name}_{END.isoformat()}.csv"
        target.write_text(csv_text(rows), encoding="utf-8")
        files.append(target)
    return files


# TikTok's audience files come in the same download as the follower history: a territory
# list, a gender split, active followers per hour for the last 7 days, and daily viewers
TIKTOK_AUDIENCE = {
    "fournil-des-halles": (
        [("FR", 0.8712), ("BE", 0.0391), ("CH", 0.0214), ("CA", 0.0123), ("MA", 0.0087)],
        [("Female", 0.6418), ("Male", 0.3459), ("Other", 0.0123)],
    ),
    "northwind-outdoor": (
        [("GB", 0.7624), ("US", 0.0811), ("IE", 0.0402), ("AU", 0.0215), ("CA", 0.0187)],
        [("Female", 0.4127), ("Male", 0.5703), ("Other", 0.017)],
    ),
}


def audience_csv(rows: list[list[str]]) -> bytes:
    """As TikTok Studio writes them: a BOM, every cell quoted, no newline after the last row."""
    return "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows).encode("utf-8-sig")


def write_tiktok_audience(folder: Path, slug: str, rnd: random.Random) -> list[Path]:
    territories, genders = TIKTOK_AUDIENCE[slug]
    others = round(1 - sum(share for _code, share in territories), 4)
    files = {
        "FollowerTopTerritories": [["Top territories", "Distribution"]]
        + [[code, str(share)] for code, share in territories]
        + [["Others", str(others)]],
        "FollowerGender": [["Gender", "Distribution"]]
        + [[name, str(share)] for name, share in genders],
        "FollowerActivity": [["Date", "Hour", "Active followers"]],
        "Viewers": [["Date", "Total Viewers", "New Viewers", "Returning Viewers"]],
    }
    for day in DAYS[-7:]:
        for hour in range(24):
            # two peaks, lunch and evening, as bakery and outdoor audiences show
            level = max(0, 30 - 4 * min(abs(hour - 12), abs(hour - 19) - 1))
            files["FollowerActivity"].append(
                [f"{day:%B} {day.day}", str(hour), str(level * 9 + rnd.randint(0, 25))]
            )
    for day in DAYS:
        new, back = rnd.randint(300, 1400), rnd.randint(60, 320)
        cells = [str(new + back), str(new), str(back)] if day != END else ["undefined", "0", "0"]
        files["Viewers"].append([f"{day:%B} {day.day}", *cells])
    written = []
    for name, rows in files.items():
        target = folder / f"tiktok_{name}_{END.isoformat()}.csv"
        target.write_bytes(audience_csv(rows))
        written.append(target)
    return written


# --- Meta Business Suite insights (Instagram account, daily) ---------------------------------

META_INSIGHTS = [
    "Date",
    "Instagram followers",
    "Instagram follows",
    "Instagram unfollows",
    "Instagram reach",
    "Instagram views",
    "Instagram profile visits",
    "Instagram link clicks",
]


def month_window(first: date, last: date) -> list[int]:
    """Indexes (into DAYS) of the daily changes a month's follower gain adds up: the report
    counts from the last count before the month, or the month's first count when none."""
    begin = max(first, START + timedelta(days=1))
    return [i for i, d in enumerate(DAYS) if begin <= d <= min(last, END)]


def follower_changes(
    rnd: random.Random, per_day: float, posts: list[Live], targets: list[tuple[date, date, int]]
) -> list[int]:
    """Daily net changes, bumped on post days, then evened out so that each month listed in
    `targets` gains exactly what its month notes say."""
    post_days = {lv.when.date() for lv in posts}
    changes = [
        round(
            per_day * (0.6 if d.weekday() >= 5 else 1.0)
            + rnd.gauss(0, per_day * 0.5)
            + (per_day * 1.5 if d in post_days else 0)
        )
        for d in DAYS
    ]
    for first, last, gain in targets:
        window = month_window(first, last)
        missing = gain - sum(changes[i] for i in window)
        share, rest = divmod(missing, len(window))
        for i in window:
            changes[i] += share
        for i in rnd.sample(window, rest):
            changes[i] += 1
    return changes


def write_instagram_insights(
    folder: Path,
    client: ClientData,
    rnd: random.Random,
    start: int,
    per_day: float,
    targets: list[tuple[date, date, int]],
    unfollow_rate: float,
) -> list[Path]:
    posts = live_posts(client, "instagram")
    changes = follower_changes(rnd, per_day, posts, targets)
    boosted = [
        (lv.post.boost.start or lv.when.date(), lv.post.boost.end or lv.when.date())
        for lv in posts
        if lv.post.boost is not None
    ]
    rows = [META_INSIGHTS]
    followers = start
    for day, change in zip(DAYS, changes, strict=True):
        followers += change
        unfollows = max(-change, round(abs(rnd.gauss(followers * unfollow_rate, 2))))
        boost = any(b <= day <= e for b, e in boosted)
        posted = sum(1 for lv in posts if lv.when.date() == day)
        reach = int(
            followers
            * (0.08 + 0.22 * posted + (0.35 if boost else 0))
            * math.exp(rnd.gauss(0, 0.25))
        )
        rows.append(
            [
                f"{day.isoformat()}T00:00:00",
                str(followers),
                str(change + unfollows),
                str(unfollows),
                str(reach),
                str(int(reach * rnd.uniform(1.5, 2.1))),
                str(int(reach * rnd.uniform(0.015, 0.04))),
                str(rnd.randint(0, 9) + (25 if boost else 0)),
            ]
        )
    title = [f"Instagram insights: {client.name} ({START:%b %-d, %Y} - {END:%b %-d, %Y})"]
    target = folder / f"Instagram_insights_{START:%b-%d-%Y}_{END:%b-%d-%Y}.csv"
    # Meta writes these exports as UTF-16 with a BOM, every cell quoted
    target.write_bytes(codecs.BOM_UTF16_LE + csv_text([title, *rows]).encode("utf-16-le"))
    return [target]


# --- Meta Ads Manager --------------------------------------------------------------------------

RESULT_INDICATORS = {
    "traffic": ("actions:link_click", "clicks"),
    "engagement": ("actions:post_engagement", "engagement"),
    "reach": ("reach", "reach"),
}


def ads_header(currency: str) -> list[str]:
    return [
        "Reporting starts",
        "Reporting ends",
        "Campaign name",
        "Ad set name",
        "Ad name",
        "Ad delivery",
        "Attribution setting",
        "Results",
        "Result indicator",
        "Reach",
        "Impressions",
        "Cost per results",
        f"Amount spent ({currency})",
        "Link clicks",
        "Ends",
        "Ad ID",
        "Post ID",
        "Instagram post ID",
    ]


def ad_rows(client: ClientData, rnd: random.Random) -> list[list[object]]:
    """One ad per boosted post and network (the budget is the cap: spend stays under it)."""
    rows: list[list[object]] = []
    for item in sorted(client.posts(), key=lambda i: i.meta.publish_at):  # type: ignore[union-attr]
        meta = item.meta
        assert isinstance(meta, Post)
        if meta.boost is None or meta.publish_at.date() > END:
            continue
        networks = [
            p
            for p in (meta.boost.platforms or meta.platforms)
            if p in meta.published and p.value in ("facebook", "instagram")
        ]
        if not networks:
            continue
        spent = round(meta.boost.budget * rnd.uniform(0.9, 0.99), 2)
        shares = [0.62, 0.38] if len(networks) == 2 else [1.0]
        indicator, goal = RESULT_INDICATORS[meta.boost.objective or "reach"]
        ends = meta.boost.end or meta.publish_at.date()
        text = " ".join(item.body.split())[:40] or meta.title
        for network, share in zip(
            sorted(networks, key=lambda p: p.value != "instagram"), shares, strict=True
        ):
            spend = (
                round(spent * share, 2)
                if share != shares[-1]
                else round(spent - sum(round(spent * s, 2) for s in shares[:-1]), 2)
            )
            live = meta.published[network]
            reach = int(spend * rnd.uniform(180, 260))
            impressions = int(reach * rnd.uniform(1.3, 1.7))
            clicks = int(impressions * rnd.uniform(0.006, 0.015))
            results = {"clicks": clicks, "engagement": int(impressions * 0.045), "reach": reach}[
                goal
            ]
            instagram = network.value == "instagram"
            rows.append(
                [
                    f"{meta.title} - boost",
                    f"{meta.title} - {network.value}",
                    f"Instagram post: {text}" if instagram else f'Post: "{text}"',
                    "completed",
                    "7-day click or 1-day view",
                    results,
                    indicator,
                    reach,
                    impressions,
                    round(spend / results, 6),
                    spend,
                    clicks,
                    ends.isoformat(),
                    f"1202{rnd.randrange(10**13, 10**14)}",
                    "" if instagram else live.id,
                    live.id if instagram else "",
                ]
            )
    return rows


def write_ads(
    folder: Path, client: ClientData, rnd: random.Random, account: str, workbook: bool
) -> list[Path]:
    currency = next(
        (
            i.meta.boost.currency
            for i in client.posts()  # type: ignore[union-attr]
            if i.meta.boost is not None
        ),
        "EUR",
    )
    span = [START.isoformat(), END.isoformat()]
    ads = [span + row for row in ad_rows(client, rnd)]
    name = f"{account}-Ads-{START:%b-%-d-%Y}-{END:%b-%-d-%Y}"
    if workbook:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "Raw Data Report"
        for row in [ads_header(currency), *ads]:
            sheet.append(row)
        target = folder / f"{name}.xlsx"
        save_workbook(book, target)
        return [target]
    summary = span + [
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        sum(int(r[9]) for r in ads),
        sum(int(r[10]) for r in ads),
        "",
        round(sum(float(r[12]) for r in ads), 2),
        sum(int(r[13]) for r in ads),
        "",
        "",
        "",
        "",
    ]
    rows = [ads_header(currency), summary, *ads]
    target = folder / f"{name}.csv"
    text = csv_text([[str(c) for c in row] for row in rows], quote_all=False)
    target.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    return [target]


# --- driver ----------------------------------------------------------------------------------


def write_client(slug: str, client: ClientData) -> list[Path]:
    folder = client.folder / "exports"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    rnd = random.Random(f"almanac-example-{slug}")
    files: list[Path] = []
    if slug == "atelier-velo":
        files += write_x(folder, client, rnd, french=True)
        files += write_facebook(folder, client, rnd, 1320, 1.1)
        files += write_instagram(folder, client, rnd, 2860, "17841400008887311")
        files += write_linkedin(folder, client, rnd, "atelier-velo-scop", 910)
        meta = random.Random(f"almanac-example-{slug}-meta")
        files += write_instagram_insights(
            folder,
            client,
            meta,
            2860,
            3.6,
            [
                (date(2026, 9, 1), date(2026, 9, 30), 97),
                (date(2026, 10, 1), date(2026, 10, 31), 128),
            ],
            0.0008,
        )
        files += write_ads(folder, client, meta, "Atelier-Velo-SCOP", workbook=False)
    elif slug == "fournil-des-halles":
        files += write_facebook(folder, client, rnd, 3480, 2.4)
        files += write_instagram(folder, client, rnd, 6120, "17841400004451208")
        files += write_tiktok(folder, client, rnd, 2150)
        files += write_tiktok_audience(folder, slug, random.Random(f"almanac-{slug}-audience"))
        meta = random.Random(f"almanac-example-{slug}-meta")
        files += write_instagram_insights(
            folder,
            client,
            meta,
            6120,
            6.0,
            [
                (date(2026, 9, 1), date(2026, 9, 30), 163),
                (date(2026, 10, 1), date(2026, 10, 31), 214),
            ],
            0.0006,
        )
        files += write_ads(folder, client, meta, "Le-Fournil-des-Halles", workbook=False)
    elif slug == "northwind-outdoor":
        files += write_x(folder, client, rnd, french=False)
        files += write_instagram(folder, client, rnd, 12400, "17841400009902175")
        files += write_linkedin(folder, client, rnd, "northwind-outdoor", 3350)
        files += write_tiktok(folder, client, rnd, 5400)
        files += write_tiktok_audience(folder, slug, random.Random(f"almanac-{slug}-audience"))
        meta = random.Random(f"almanac-example-{slug}-meta")
        # the giveaway's followers leave in November (the October notes expect ~25%)
        files += write_instagram_insights(
            folder,
            client,
            meta,
            12400,
            12.0,
            [
                (date(2026, 9, 1), date(2026, 9, 30), 430),
                (date(2026, 10, 1), date(2026, 10, 31), 690),
                (date(2026, 11, 1), date(2026, 11, 20), 40),
            ],
            0.0009,
        )
        files += write_ads(folder, client, meta, "Northwind-Outdoor-Ltd", workbook=True)
    return files


def main() -> None:
    ws, _problems = load_workspace(REPO)
    for slug in ("atelier-velo", "fournil-des-halles", "northwind-outdoor"):
        client = ws.clients[slug]
        files = write_client(slug, client)
        shutil.rmtree(client.folder / "metrics", ignore_errors=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "generator",
                "--workspace",
                str(REPO),
                "import",
                *map(str, files),
                "--client",
                slug,
            ],
            check=True,
            cwd=REPO,
        )


if __name__ == "__main__":
    main()
