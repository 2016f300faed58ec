"""Joining post metrics to the posts they measure, by the `published` url or id."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from generator.content.kinds import POST
from generator.content.model import AnyItem, ClientData, Workspace
from generator.metrics.store import METRICS_FOLDER, POSTS_FILE, ClientMetrics, PostMetrics
from generator.problems import Problem, Severity

# Hosts that serve the same posts under two names
HOST_ALIASES = {
    "twitter.com": "x.com",
    "mobile.twitter.com": "x.com",
    "m.facebook.com": "facebook.com",
    "fb.com": "facebook.com",
    "vm.tiktok.com": "tiktok.com",
    "youtu.be": "youtube.com",
    "m.youtube.com": "youtube.com",
}


def normalize_url(url: str) -> str:
    """A post address compared without scheme, `www.`, query, fragment or trailing slash.

    A YouTube video is named by its query (`watch?v=ID`), so its forms (`youtu.be/ID`,
    `/shorts/ID`, `/watch?v=ID`) all become `youtube.com/watch/ID`: without the query, every
    video would have the same address."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    host = HOST_ALIASES.get(host, host)
    path = parts.path.rstrip("/")
    if host == "youtube.com":
        path = youtube_path(parts.netloc.lower(), path, parse_qs(parts.query).get("v", []))
    return f"{host}{path}".lower()


def youtube_path(netloc: str, path: str, video: list[str]) -> str:
    if path == "/watch" and video:
        return f"/watch/{video[0]}"
    if netloc.endswith("youtu.be") and path.count("/") == 1:
        return f"/watch{path}"
    if path.startswith("/shorts/"):
        return "/watch/" + path.removeprefix("/shorts/")
    return path


@dataclass
class PostIndex:
    """One client's published posts, by (platform, id) and (platform, address)."""

    ids: dict[tuple[str, str], AnyItem] = field(default_factory=dict)
    urls: dict[tuple[str, str], AnyItem] = field(default_factory=dict)


def build_post_index(client: ClientData) -> PostIndex:
    index = PostIndex()
    for item in POST.items(client.items):
        for platform, live in item.meta.published.items():
            name = platform.value
            if live.id:
                index.ids[(name, live.id.strip())] = item
            if live.url:
                index.urls[(name, normalize_url(live.url))] = item
    return index


def id_variants(post_id: str) -> list[str]:
    """The id as given and its last part: Facebook writes `pageid_postid`, LinkedIn
    `urn:li:activity:123`, while front matter may hold only the post's own number."""
    variants = [post_id]
    for separator in ("_", ":"):
        if separator in post_id:
            variants.append(post_id.rsplit(separator, 1)[1])
    return variants


def match_post(row: PostMetrics, index: PostIndex) -> AnyItem | None:
    """The post a metrics row belongs to, or None."""
    for candidate in id_variants(row.post_id):
        if (row.platform, candidate) in index.ids:
            return index.ids[(row.platform, candidate)]
    if row.post_url:
        url = normalize_url(row.post_url)
        if (row.platform, url) in index.urls:
            return index.urls[(row.platform, url)]
        return match_segment(row.platform, set(url.split("/")), index)
    return None


def match_segment(platform: str, segments: set[str], index: PostIndex) -> AnyItem | None:
    """The post whose id is one part of the address: looked up by part rather than by
    walking every post for every row; the first post listed wins when several match."""
    hits = [index.ids[(platform, part)] for part in segments if (platform, part) in index.ids]
    if len(hits) <= 1:
        return hits[0] if hits else None
    return next(
        item
        for (name, post_id), item in index.ids.items()
        if name == platform and post_id in segments
    )


def index_platforms(index: PostIndex) -> set[str]:
    return {platform for platform, _ in index.ids} | {platform for platform, _ in index.urls}


def unmatched_posts(client: ClientData, metrics: ClientMetrics) -> list[PostMetrics]:
    index = build_post_index(client)
    # a row of a platform no post was published on matches nothing: skip its address work
    platforms = index_platforms(index)
    return [
        row
        for row in metrics.posts
        if row.platform not in platforms or match_post(row, index) is None
    ]


def post_lines(path: Path) -> dict[tuple[str, str], int]:
    """The line of each (platform, post_id) in a canonical posts.csv."""
    lines: dict[tuple[str, str], int] = {}
    reader = csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""))
    next(reader, None)
    start = 2
    for cells in reader:
        if len(cells) >= 2:
            lines[(cells[0], cells[1])] = start
        start = reader.line_num + 1
    return lines


def check_client_metrics(client: ClientData) -> list[Problem]:
    """Info problems for post metrics that match no post (broken files are load problems)."""
    rel = f"content/{client.slug}/{METRICS_FOLDER}/{POSTS_FILE}"
    metrics = client.metrics
    if metrics is None:  # not loaded, or unreadable: the loader said why
        return []
    rows = unmatched_posts(client, metrics)
    if not rows:
        return []
    lines = post_lines(client.folder / METRICS_FOLDER / POSTS_FILE)
    return [
        Problem(
            rel,
            lines.get(row.key, 1),
            "post_id",
            "metrics.unmatched",
            Severity.INFO,
            unmatched_message(row),
        )
        for row in rows
    ]


def unmatched_message(row: PostMetrics) -> str:
    if row.post_id.startswith("ad:"):
        return (
            f"ad spend of `{row.post_id[3:]}` names no post (the Ads Manager report has no "
            f"post id for it); export the report with the `Post ID` column to join it"
        )
    return (
        f"{row.platform} post {row.post_id} has metrics but no post lists it under "
        f"`published` (add its url or id to the post's front matter)"
    )


def check_metrics(ws: Workspace) -> list[Problem]:
    """The metrics checks of `almanac check`, for every client loaded with its metrics."""
    problems: list[Problem] = []
    for slug in sorted(ws.clients):
        problems.extend(check_client_metrics(ws.clients[slug]))
    return problems


def summarize_join(client: ClientData | None, metrics: ClientMetrics) -> str:
    """One line for `almanac import`: how many post rows found their post."""
    if client is None or not metrics.posts:
        return ""
    missing = len(unmatched_posts(client, metrics))
    matched = len(metrics.posts) - missing
    note = " (listed by `almanac check` as metrics.unmatched)" if missing else ""
    return f"post metrics joined to posts: {matched} of {len(metrics.posts)}{note}"
