"""The curation inbox: a feed's new articles written as candidate curated items, never twice.

An article is known when a curated item of the client (candidate, selected, rejected or
shared) already points at the same canonical address: a rejected article does not come back.
Every file is rendered and validated before the first is written, and a write that fails
removes what this run wrote, so the inbox never holds half a feed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from generator.atomic import write_atomic
from generator.content.kinds import CURATED
from generator.content.model import ClientData
from generator.frontmatter import parse_front_matter
from generator.problems import AlmanacError, Severity
from generator.scaffold import slugify
from generator.schema.validate import validate_doc
from generator.veille.canonical import canonical_url
from generator.veille.feed_read import Feed, FeedEntry
from generator.yamlwrite import dump_yaml

SLUG_CHARS = 60


@dataclass
class Candidate:
    """One new article, as the curated file it becomes."""

    entry: FeedEntry
    path: Path
    text: str


@dataclass
class InboxPlan:
    """What reading a feed would add: new candidates, and the articles already known."""

    candidates: list[Candidate] = field(default_factory=list)
    known: list[FeedEntry] = field(default_factory=list)


def known_addresses(client: ClientData) -> set[str]:
    """The canonical address of every curated item of the client, whatever its status."""
    return {
        canonical_url(item.meta.source_url)
        for item in CURATED.items(client.items)
        if item.meta.source_url
    }


def plan_inbox(client: ClientData, feeds: list[tuple[Feed, str]], today: date) -> InboxPlan:
    """The candidates the feeds bring, each `(feed, found via)`, deduplicated against the
    client's curated items and across the feeds (an article in two feeds is added once,
    with what each feed knows of it)."""
    known = known_addresses(client)
    plan = InboxPlan()
    fresh: dict[str, tuple[FeedEntry, str, bool]] = {}  # entry, found via, from an alert
    for feed, found_via in feeds:
        for entry in feed.entries:
            if entry.url in known:
                plan.known.append(entry)
            elif entry.url in fresh:
                plan.known.append(entry)
                first, via, alert = fresh[entry.url]
                merged = merge_entries(first, entry, alert and not feed.is_alert)
                fresh[entry.url] = (merged, via, alert and feed.is_alert)
            else:
                fresh[entry.url] = (entry, found_via, feed.is_alert)
    folder = client.folder / CURATED.folder
    taken = {path.stem for path in folder.glob("*.md")} if folder.is_dir() else set()
    for entry, found_via, _alert in fresh.values():
        slug = free_slug(slugify(entry.title, SLUG_CHARS), taken)
        taken.add(slug)
        text = candidate_text(entry, found_via, today, client.timezone)
        plan.candidates.append(Candidate(entry, folder / f"{slug}.md", text))
    return plan


def merge_entries(first: FeedEntry, other: FeedEntry, names_publication: bool) -> FeedEntry:
    """The first reading of an article completed by another: an author, a date, an excerpt it
    lacked, and (`names_publication`: the first came from an alert, the other from the
    publication) the publication's own name rather than the bare site name."""
    return replace(
        first,
        source_name=(other.source_name or first.source_name)
        if names_publication
        else first.source_name,
        author=first.author or other.author,
        published=first.published or other.published,
        excerpt=first.excerpt or other.excerpt,
    )


def free_slug(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… when a file already has that name."""
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def candidate_text(entry: FeedEntry, found_via: str, today: date, zone: str) -> str:
    """The curated file: front matter filled from the entry, an empty commentary."""
    fields: dict[str, Any] = {
        "title": entry.title,
        "status": "candidate",
        "source_url": entry.url,
        "source_name": entry.source_name,
        "source_author": entry.author,
        "published_on": entry.published.astimezone(ZoneInfo(zone)).date()
        if entry.published
        else None,
        "found_at": today,
        "found_via": found_via,
        "excerpt": entry.excerpt,
    }
    front = dump_yaml({key: value for key, value in fields.items() if value is not None})
    return f"---\n{front}---\n"


def check_candidates(plan: InboxPlan, client: ClientData, root: Path) -> None:
    """Every file reads back as a valid curated item, or nothing is written."""
    for candidate in plan.candidates:
        rel = candidate.path.relative_to(root).as_posix()
        front = parse_front_matter(candidate.text)
        checked = validate_doc(CURATED.schema, front.doc, rel, {"timezone": client.timezone})
        errors = [str(issue.message) for issue in front.doc.issues]
        errors += [p.message for p in checked.problems if p.severity is Severity.ERROR]
        if errors or checked.value is None:
            detail = errors[0] if errors else "unreadable"
            raise AlmanacError(f"the candidate for “{candidate.entry.title}” is invalid: {detail}")


def write_inbox(plan: InboxPlan) -> list[Path]:
    """Write every candidate; on a failure, remove the ones written and re-raise."""
    written: list[Path] = []
    try:
        for candidate in plan.candidates:
            if candidate.path.exists():  # appeared since the plan: never overwrite a file
                raise AlmanacError(f"{candidate.path} appeared while writing; run again")
            write_atomic(candidate.path, candidate.text.encode("utf-8"))
            written.append(candidate.path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written
