"""Urgent reschedules: plan moves of posts, rewrite them all or none, report what changed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.atomic import write_atomic
from generator.content import Workspace
from generator.content.kinds import POST
from generator.content.model import ClientData, Item
from generator.problem_output import format_text
from generator.problems import AlmanacError, Problem
from generator.publish_line import FIELD, rewrite_publish_at
from generator.schema.common import localise
from generator.schema.items import Post

# statuses whose publication already happened or will not happen: moving them rewrites history
FINAL_STATUSES = frozenset({"published", "cancelled"})


@dataclass(frozen=True)
class Move:
    """One post to move: its file, the line of `publish_at`, and the old and new local times."""

    path: Path
    rel: str
    line: int
    before: datetime
    after: datetime


def local_target(text: str, before: datetime, zone: str) -> datetime:
    """`--to` as an aware time: a date keeps the post's time of day; DST gaps are refused."""
    from generator.schema.common import parse_datetime

    stripped = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", stripped):
            day = date.fromisoformat(stripped)
            wall = before.astimezone(ZoneInfo(zone))
            moment = datetime.combine(day, wall.time().replace(tzinfo=None))
        else:
            moment = parse_datetime(stripped)
        return localise(moment, zone)
    except ValueError as exc:
        raise AlmanacError(f"--to: {exc}", exit_code=2) from None


def shifted(before: datetime, days: int, zone: str) -> datetime:
    """The same wall-clock time `days` later in the client's zone (DST-aware)."""
    wall = before.astimezone(ZoneInfo(zone)).replace(tzinfo=None) + timedelta(days=days)
    return localise(wall, zone)


def apply_moves(moves: list[Move], zone_of: dict[Path, str]) -> None:
    """Rewrite every file, or none: a failure puts back the files already written."""
    planned: list[tuple[Path, bytes, bytes]] = []
    for move in moves:
        raw = move.path.read_bytes()
        try:
            new = rewrite_publish_at(
                raw, move.line, move.after.astimezone(ZoneInfo(zone_of[move.path]))
            )
        except ValueError as exc:
            raise AlmanacError(str(exc), path=move.rel, line=move.line) from None
        planned.append((move.path, raw, new))
    done: list[tuple[Path, bytes]] = []
    try:
        for path, old, new in planned:
            write_atomic(path, new)
            done.append((path, old))
    except OSError as exc:
        for path, old in done:
            write_atomic(path, old)
        raise AlmanacError(f"cannot write {path}: {exc.strerror}; no file was changed") from None


def problem_changes(
    before: list[Problem], after: list[Problem]
) -> tuple[list[Problem], list[Problem]]:
    """The problems a move creates and the ones it clears (same file, rule and message)."""
    old, new = set(before), set(after)
    return sorted(new - old), sorted(old - new)


def describe(moves: list[Move], zone_of: dict[Path, str]) -> list[str]:
    """One line per file moved: where, from and to, in the client's local time."""
    lines = []
    for move in moves:
        zone = ZoneInfo(zone_of[move.path])
        old = move.before.astimezone(zone).strftime("%a %Y-%m-%d %H:%M")
        new = move.after.astimezone(zone).strftime("%a %Y-%m-%d %H:%M")
        lines.append(f"{move.rel}:{move.line}: {old} -> {new}")
    return lines


def check_before(root: Path, today: datetime) -> tuple[Workspace, list[Problem]]:
    """The workspace the moves are planned on, and its problems before them (one load)."""
    from generator.checking import check_workspace

    return check_workspace(root, today)


def find_post(ws: Workspace, ref: str) -> Item[Post]:
    """The post named by a file path, CLIENT/SLUG or a slug unique in the workspace."""
    posts = POST.items(ws.items())
    wanted = ref.strip().removesuffix(".md")
    target = (ws.root / ref).resolve() if ref.endswith(".md") else None
    found = [
        item
        for item in posts
        if (target is not None and item.source.path.resolve() == target)
        or wanted in (item.slug, f"{item.client}/{item.slug}")
    ]
    if len(found) == 1:
        return found[0]
    if not found:
        raise AlmanacError(
            f"no post `{ref}`: give its file, CLIENT/SLUG or its slug (a file that does not "
            "pass `almanac check` cannot be moved)",
            exit_code=2,
        )
    names = ", ".join(f"{item.client}/{item.slug}" for item in found)
    raise AlmanacError(f"`{ref}` names several posts ({names}): give CLIENT/SLUG", exit_code=2)


def posts_between(
    client: ClientData, first: date, last: date | None
) -> list[tuple[Item[Post], datetime]]:
    """The client's movable posts, with their time, whose local day is in [first, last]."""
    zone = ZoneInfo(client.timezone)
    chosen = []
    for item in POST.items(client.items):
        when = item.when
        if when is None or item.status in FINAL_STATUSES:
            continue
        day = when.astimezone(zone).date()
        if day >= first and (last is None or day <= last):
            chosen.append((item, when))
    return sorted(chosen, key=lambda pair: (pair[1], pair[0].source.rel))


def plan_shift(client: ClientData, first: date, last: date | None, days: int) -> list[Move]:
    """Every movable post of the client in the window, `days` later at the same local time."""
    moves = []
    for item, when in posts_between(client, first, last):
        line = item.source.line_of(FIELD)
        try:
            after = shifted(when, days, client.timezone)
        except ValueError as exc:
            raise AlmanacError(str(exc), path=item.source.rel, line=line) from None
        moves.append(Move(item.source.path, item.source.rel, line, when, after))
    return moves


def plan_move(ws: Workspace, item: Item[Post], to: str) -> Move:
    """One post moved to `to` (local time of its client), refusing posts already final."""
    if item.status in FINAL_STATUSES or item.when is None:
        raise AlmanacError(
            f"{item.source.rel} is `{item.status}`: a post that went out (or was cancelled) "
            "is not moved; duplicate it instead",
            exit_code=2,
        )
    after = local_target(to, item.when, ws.clients[item.client].timezone)
    return Move(item.source.path, item.source.rel, item.source.line_of(FIELD), item.when, after)


def run_moves(
    ws: Workspace, before: list[Problem], moves: list[Move], today: datetime, dry_run: bool
) -> int:
    """Print the moves, write them (unless a dry run) and the problems they create or clear.

    `ws` and `before` come from check_before: the workspace is read once more, after the moves.
    """
    zone_of = {move.path: ws.clients[client].timezone for move, client in _clients(ws, moves)}
    for line in describe(moves, zone_of):
        print(("would move " if dry_run else "moved ") + line)
    if dry_run or not moves:
        return 0
    apply_moves(moves, zone_of)
    created, cleared = problem_changes(before, check_before(ws.root, today)[1])
    for title, group in (("problems this creates:", created), ("problems this clears:", cleared)):
        if group:
            print(title)
            print(format_text(group))
    if not created and not cleared:
        print("no problem created or cleared")
    return 0


def _clients(ws: Workspace, moves: list[Move]) -> list[tuple[Move, str]]:
    by_path = {item.source.path: item.client for item in ws.items()}
    return [(move, by_path[move.path]) for move in moves]
