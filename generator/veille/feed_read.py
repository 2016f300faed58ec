"""Reading RSS and Atom feeds (Google Alerts included) into entries, with feedparser.

feedparser reads every flavour of RSS and Atom and their dates, but reads a broken file
loosely rather than refusing it: a feed that is not well-formed XML, or not a feed at all,
is refused here with its line, so a half-read feed never fills the inbox.
"""

from __future__ import annotations

import calendar
import urllib.request
import xml.sax
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser

from generator.problems import AlmanacError
from generator.sanitise import plain_text
from generator.veille.canonical import canonical_url, unwrap_redirect

MAX_BYTES = 5_000_000  # a feed is tens of entries; more is not a feed
FETCH_SECONDS = 20
EXCERPT_CHARS = 300
ALERTS_IDS = ("tag:google.com,2005:reader/user/", "tag:google.com,2013:googlealerts/")


@dataclass(frozen=True)
class FeedEntry:
    """One article of a feed, its texts plain and its address canonical."""

    title: str
    url: str
    source_name: str | None
    author: str | None
    published: datetime | None
    excerpt: str | None
    id: str | None = None  # the feed's own id of the entry (a Google Alert's result id)


@dataclass(frozen=True)
class Feed:
    """A feed read whole: its title, whether it is a Google Alert, its usable entries, and the
    entries passed over (no title or no web address) with the reason."""

    title: str
    is_alert: bool
    entries: list[FeedEntry]
    skipped: list[str]


def read_source(source: str) -> tuple[bytes, str]:
    """The bytes of a feed file or http(s) address, and a name for messages."""
    if source.startswith(("http://", "https://")):
        return fetch(source), source
    path = Path(source)
    if not path.is_file():
        raise AlmanacError(
            f"no file {source} (give a feed file or an http(s) address)", exit_code=2
        )
    if path.stat().st_size > MAX_BYTES:
        raise AlmanacError(f"the file is over {MAX_BYTES:,} bytes: not a feed", path=path, line=1)
    return path.read_bytes(), str(path)


def fetch(url: str) -> bytes:
    """A feed over the network, when the machine reaches it; a clear error when not."""
    request = urllib.request.Request(url, headers={"User-Agent": "Almanac feed reader"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_SECONDS) as response:  # noqa: S310
            data: bytes = response.read(MAX_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise AlmanacError(
            f"cannot read {url}: {exc}; download the feed and pass the file instead"
        ) from None
    if len(data) > MAX_BYTES:
        raise AlmanacError(f"{url} sends over {MAX_BYTES:,} bytes: not a feed")
    return data


def parse_feed(data: bytes, name: str) -> Feed:
    """The feed in `data`, or an AlmanacError naming the line where it breaks."""
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    problem = parsed.get("bozo_exception")
    if isinstance(problem, xml.sax.SAXParseException):
        raise AlmanacError(
            f"not a well-formed feed: {problem.getMessage()}",
            path=name,
            line=problem.getLineNumber() or 1,
        )
    if not parsed.get("version"):
        raise AlmanacError("not an RSS or Atom feed (is it a web page?)", path=name, line=1)
    head = parsed.feed
    title = clean(head.get("title")) or name
    is_alert = str(head.get("id", "")).startswith(ALERTS_IDS)
    entries: list[FeedEntry] = []
    skipped: list[str] = []
    for number, raw in enumerate(parsed.entries, start=1):
        entry = read_entry(raw, title, is_alert)
        if isinstance(entry, str):
            skipped.append(f"entry {number}: {entry}")
        else:
            entries.append(entry)
    return Feed(title, is_alert, entries, skipped)


def read_entry(raw: Any, feed_title: str, is_alert: bool) -> FeedEntry | str:
    """One entry, or why it cannot be a candidate."""
    title = clean(raw.get("title"))
    link = unwrap_redirect(str(raw.get("link") or "").strip())
    if not title:
        return "no title"
    if urlsplit(link).scheme not in ("http", "https") or not urlsplit(link).hostname:
        return f"“{title}” has no web address"
    url = canonical_url(link)
    return FeedEntry(
        title=title,
        url=url,
        source_name=source_of(raw, url, feed_title, is_alert),
        author=clean(raw.get("author")) or None,
        published=entry_time(raw),
        excerpt=excerpt(clean(raw.get("summary") or content_of(raw))),
        id=str(raw.get("id") or "").strip() or None,
    )


def source_of(raw: Any, url: str, feed_title: str, is_alert: bool) -> str:
    """Who published it: the entry's own source, the site behind an alert, else the feed."""
    origin = raw.get("source") or {}
    if origin.get("title"):
        return clean(origin["title"])
    if is_alert:  # an alert's feed is Google's; the article is the site's
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.")
    return feed_title


def content_of(raw: Any) -> str:
    contents = raw.get("content") or []
    return str(contents[0].get("value", "")) if contents else ""


def entry_time(raw: Any) -> datetime | None:
    """When it was published (else updated), as an aware UTC time; feedparser gives UTC."""
    for key in ("published_parsed", "updated_parsed"):
        moment = raw.get(key)
        if moment:
            return datetime.fromtimestamp(calendar.timegm(moment), tz=UTC)
    return None


def clean(value: Any) -> str:
    """Plain text on one line: tags, entities and runs of spaces removed."""
    return " ".join(plain_text(str(value or "")).split())


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str | None:
    if not text:
        return None
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
