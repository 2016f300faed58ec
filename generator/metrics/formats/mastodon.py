"""A Mastodon account archive's `outbox.json` (ActivityStreams): one row per own post, with
the likes and boosts counts the archive carries; boosts of other people's posts are skipped."""

from __future__ import annotations

from typing import Any

from generator.metrics.dates import parse_moment
from generator.metrics.decode import ValueProblem
from generator.metrics.formats import Format, Parsed
from generator.metrics.store import PostMetrics
from generator.metrics.tables import ExportFile, ImportContext
from generator.problems import AlmanacError


def detect(export: ExportFile) -> tuple[int, Any] | None:
    data = export.data
    if (
        isinstance(data, dict)
        and data.get("type") == "OrderedCollection"
        and isinstance(data.get("orderedItems"), list)
    ):
        return (30, data["orderedItems"])
    return None


def collection_count(value: Any) -> int | None:
    """`likes`/`shares`/`replies` are collections whose `totalItems` is the count."""
    if isinstance(value, dict) and isinstance(value.get("totalItems"), int):
        return int(value["totalItems"])
    return None


def build_post(note: dict[str, Any], ctx: ImportContext, export: ExportFile) -> PostMetrics:
    post_url = note.get("url") or note.get("id")
    if not isinstance(post_url, str) or not post_url:
        raise ValueProblem("the post has neither `url` nor `id`")
    published = note.get("published")
    return PostMetrics(
        platform="mastodon",
        post_id=post_url.rstrip("/").rsplit("/", 1)[-1],
        post_url=post_url,
        published_at=parse_moment(published, ctx.timezone) if isinstance(published, str) else None,
        likes=collection_count(note.get("likes")),
        shares=collection_count(note.get("shares")),
        comments=collection_count(note.get("replies")),
        source=export.name,
    )


def parse(items: list[Any], export: ExportFile, ctx: ImportContext) -> Parsed:
    parsed = Parsed("mastodon-outbox", "mastodon")
    for number, activity in enumerate(items, start=1):
        ctx.tick(number)
        where = f"orderedItems[{number - 1}]"
        if not isinstance(activity, dict):
            raise AlmanacError(f"{where}: expected an activity object", export.path)
        note = activity.get("object")
        if activity.get("type") != "Create" or not isinstance(note, dict):
            parsed.skipped.append(
                f"{where}: an `{activity.get('type', 'untyped')}` activity "
                "(a boost or a deletion, not an own post)"
            )
            continue
        try:
            parsed.posts.append(build_post(note, ctx, export))
        except ValueProblem as exc:
            raise AlmanacError(f"{where}.object: {exc}", export.path) from None
    return parsed


FORMATS = [
    Format(
        "mastodon-outbox",
        "Mastodon archive outbox",
        "mastodon",
        "outbox.json",
        "any",
        "json",
        detect,
        parse,
    ),
]
