"""The exports `almanac mentions import` reads, each recognised by its content.

- Meltwater (Explore / Monitor "Export to CSV"): UTF-16 with tabs as it is downloaded (UTF-8
  and commas when re-saved), the header on the first or second line, the columns Date, Time,
  Document ID, URL, Source Type, Author Handle, Hit Sentence, Sentiment, Reach…
- Google Business Profile reviews: the JSON of the reviews API and of Google Takeout
  (`reviews` with reviewer, starRating, comment, createTime and reviewReply).
- A Google Alerts feed (Atom): each result a mention on the web, tone left to read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from generator.mentions.imported import Imported, site_of_address, tone_of
from generator.problems import AlmanacError
from generator.schema.mentions import Site, Tone
from generator.veille.canonical import canonical_url
from generator.veille.feed_read import FeedEntry, parse_feed

MELTWATER_COLUMNS = {"Date", "Document ID", "URL", "Hit Sentence", "Source Type"}
MELTWATER_SOURCES = {
    "twitter": Site.X,
    "x": Site.X,
    "facebook": Site.FACEBOOK,
    "instagram": Site.INSTAGRAM,
    "linkedin": Site.LINKEDIN,
    "youtube": Site.YOUTUBE,
    "tiktok": Site.TIKTOK,
    "reddit": Site.REDDIT,
    "threads": Site.THREADS,
    "bluesky": Site.BLUESKY,
    "pinterest": Site.PINTEREST,
    "news": Site.PRESS,
    "print": Site.PRESS,
    "broadcast": Site.PRESS,
    "podcasts": Site.PRESS,
    "blogs": Site.BLOG,
    "forums": Site.FORUM,
    "message boards": Site.FORUM,
    "reviews": Site.WEB,
}
STARS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}
DAY_FORMATS = ("%d-%b-%Y", "%Y-%m-%d", "%d/%m/%Y", "%b %d, %Y")
TIME_FORMATS = ("%I:%M %p", "%I:%M%p", "%H:%M", "%H:%M:%S")


@dataclass(frozen=True)
class Export:
    """A file given to the import: its name for messages, its bytes, the client's zone."""

    name: str
    data: bytes
    zone: str


@dataclass(frozen=True)
class Reader:
    """One export format: its label, a test on the content, and its parser."""

    label: str
    recognise: Callable[[Export], bool]
    read: Callable[[Export], list[Imported]]


def decode(data: bytes) -> str:
    """UTF-16 when it says so (a BOM), else UTF-8 (with or without BOM)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def meltwater_rows(export: Export) -> tuple[list[str], list[tuple[int, list[str]]]] | None:
    """The header and the numbered rows, when a Meltwater header is in the first lines."""
    try:
        text = decode(export.data)
    except UnicodeDecodeError:
        return None
    lines = text.splitlines()
    for index, line in enumerate(lines[:3]):
        delimiter = "\t" if line.count("\t") > line.count(",") else ","
        header = [cell.strip() for cell in next(csv.reader([line], delimiter=delimiter), [])]
        if set(header) >= MELTWATER_COLUMNS:
            body = io.StringIO("\n".join(lines[index + 1 :]))
            rows = csv.reader(body, delimiter=delimiter)
            # a quoted cell may hold line breaks: the reader's own count gives the file line
            numbered = [(index + 1 + rows.line_num, row) for row in rows]
            return header, [(line, row) for line, row in numbered if any(row)]
    return None


def read_meltwater(export: Export) -> list[Imported]:
    found = meltwater_rows(export)
    assert found is not None  # recognised before being read
    header, rows = found
    return [
        meltwater_mention(dict(zip(header, row, strict=False)), line, export) for line, row in rows
    ]


def meltwater_mention(row: dict[str, str], line: int, export: Export) -> Imported:
    """One row; a date, time or number that cannot be read stops the import at its line."""
    at = local_time(row.get("Date", ""), row.get("Time", ""), export, line)
    url = (row.get("URL") or "").strip() or None
    source = (row.get("Source Type") or "").strip().lower()
    text = next(
        (
            row.get(c, "").strip()
            for c in ("Hit Sentence", "Opening Text", "Title")
            if row.get(c, "").strip()
        ),
        "",
    )
    if not text:
        raise AlmanacError(
            "the row has no text (Hit Sentence, Opening Text or Title)", path=export.name, line=line
        )
    return Imported(
        at=at,
        site=MELTWATER_SOURCES.get(source) or site_of_address(url),
        excerpt=" ".join(text.split()),
        tone=tone_of(row.get("Sentiment", "")),
        url=canonical_url(url) if url else None,
        author=(row.get("Author Handle") or row.get("Author Name") or "").strip() or None,
        reach=whole_number(row.get("Reach", ""), export, line, "Reach"),
        rating=None,
        answered_at=None,
        answered=False,
        id=(row.get("Document ID") or "").strip() or None,
    )


def local_time(day: str, clock: str, export: Export, line: int) -> datetime:
    """Date and Time columns, read in the client's zone (the tool's account time)."""
    for day_format in DAY_FORMATS:
        for time_format in TIME_FORMATS if clock.strip() else ("",):
            try:
                naive = datetime.strptime(
                    f"{day.strip()} {clock.strip()}".strip(), f"{day_format} {time_format}".strip()
                )
            except ValueError:
                continue
            return naive.replace(tzinfo=ZoneInfo(export.zone))
    raise AlmanacError(
        f"`{day} {clock}` is not a date and time this import reads", path=export.name, line=line
    )


def whole_number(text: str, export: Export, line: int, column: str) -> int | None:
    """12 345, 12,345 or 12345; blank is None."""
    cleaned = "".join(ch for ch in text if ch not in " ,.\u00a0\u202f")
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise AlmanacError(f"{column} `{text}` is not a whole number", path=export.name, line=line)
    return int(cleaned)


def review_list(export: Export) -> list[Any] | None:
    """The reviews of a Google Business Profile JSON, or None when it is not one."""
    try:
        data = json.loads(decode(export.data))
    except (UnicodeDecodeError, ValueError):
        return None
    reviews = data.get("reviews") if isinstance(data, dict) else data
    if not isinstance(reviews, list) or not reviews:
        return None
    first = reviews[0]
    return reviews if isinstance(first, dict) and "starRating" in first else None


def read_google_reviews(export: Export) -> list[Imported]:
    reviews = review_list(export)
    assert reviews is not None
    return [google_review(review, number, export) for number, review in enumerate(reviews, 1)]


def google_review(review: dict[str, Any], number: int, export: Export) -> Imported:
    """One review: stars, text (Google's translation dropped), and the owner's reply."""
    where = f"{export.name} (review {number})"
    stars = STARS.get(str(review.get("starRating", "")))
    if stars is None:
        raise AlmanacError(
            f"starRating `{review.get('starRating')}` is not ONE to FIVE", path=where, line=1
        )
    reply = review.get("reviewReply") or {}
    reviewer = review.get("reviewer") or {}
    return Imported(
        at=rfc3339(review.get("createTime"), where),
        site=Site.GOOGLE,
        excerpt=original_text(str(review.get("comment") or "")) or "★" * stars,
        tone=tone_of_stars(stars),
        url=None,
        author=None if reviewer.get("isAnonymous") else (reviewer.get("displayName") or None),
        reach=None,
        rating=stars,
        answered_at=rfc3339(reply["updateTime"], where) if reply.get("updateTime") else None,
        answered=bool(reply.get("comment")),
        id=str(review.get("reviewId") or review.get("name") or "") or None,
    )


def tone_of_stars(stars: int) -> Tone:
    """A review's tone is its rating: 1-2 negative, 3 neutral, 4-5 positive."""
    if stars <= 2:
        return Tone.NEGATIVE
    return Tone.NEUTRAL if stars == 3 else Tone.POSITIVE


def original_text(comment: str) -> str:
    """Google shows `(Translated by Google) … (Original) …`: keep what the customer wrote."""
    marker = "(Original)"
    if marker in comment:
        comment = comment.split(marker, 1)[1]
    return " ".join(comment.split())


def rfc3339(value: Any, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise AlmanacError(
            f"`{value}` is not a date and time (createTime)", path=where, line=1
        ) from None
    if moment.tzinfo is None:
        raise AlmanacError(f"`{value}` has no time zone", path=where, line=1)
    return moment


def is_alerts_feed(export: Export) -> bool:
    head = export.data[:2000]
    return b"<feed" in head and b"tag:google.com,2005:reader/user/" in head


def read_alerts(export: Export) -> list[Imported]:
    return [alert_mention(entry, export) for entry in parse_feed(export.data, export.name).entries]


def alert_mention(entry: FeedEntry, export: Export) -> Imported:
    """One alert result: a mention on the web, its tone left for the team to read."""
    if entry.published is None:
        raise AlmanacError(f"“{entry.title}” has no date", path=export.name, line=1)
    return Imported(
        at=entry.published,
        site=site_of_address(entry.url),
        excerpt=entry.excerpt or entry.title,
        tone=None,
        url=entry.url,
        author=entry.source_name,
        reach=None,
        rating=None,
        answered_at=None,
        answered=False,
        id=entry.id,
    )


READERS = (
    Reader("Meltwater export (CSV)", lambda e: meltwater_rows(e) is not None, read_meltwater),
    Reader(
        "Google Business Profile reviews (JSON)",
        lambda e: review_list(e) is not None,
        read_google_reviews,
    ),
    Reader("Google Alerts feed (Atom)", is_alerts_feed, read_alerts),
)


def read_export(export: Export) -> tuple[str, list[Imported]]:
    """The format recognised in the file and its mentions; an error naming what is read."""
    for reader in READERS:
        if reader.recognise(export):
            return reader.label, reader.read(export)
    known = "; ".join(reader.label for reader in READERS)
    raise AlmanacError(f"not an export this import recognises ({known})", path=export.name, line=1)
