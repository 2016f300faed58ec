"""`almanac new post|contest|curated`: write a valid, dated item file for a client."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.content.kinds import KINDS
from generator.content.loader import read_document, relative
from generator.problems import AlmanacError, ProblemList
from generator.scaffold import write_new_item
from generator.schema import Client
from generator.schema.common import Platform, is_slug, localise, parse_datetime

NAME = "new"
HELP = "write a new post, contest or curated item for a client (never overwrites)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=[kind.name for kind in KINDS])
    parser.add_argument("--client", required=True, metavar="SLUG", help="client folder name")
    parser.add_argument("--title", required=True, help="the item's title (gives the file name)")
    parser.add_argument(
        "--at",
        default=None,
        metavar="DATETIME",
        help="when, e.g. '2026-12-03 12:30' (default: tomorrow 12:30)",
    )
    parser.add_argument(
        "--platforms",
        default=None,
        metavar="a,b",
        help="networks, comma-separated (default: the client's first)",
    )
    parser.add_argument(
        "--kind",
        dest="post_kind",
        default="education",
        help="post kind: promo, education, entertainment, community, news…",
    )


def load_client_config(root: Path, slug: str) -> Client:
    if not is_slug(slug):
        raise AlmanacError(
            f"`{slug}` is not a client slug (a folder name under content/)", exit_code=2
        )
    path = root / "content" / slug / "client.yml"
    if not path.is_file():
        raise AlmanacError(
            f"no client `{slug}`: content/{slug}/client.yml does not exist", exit_code=2
        )
    problems = ProblemList()
    doc = read_document(path, root, Client, problems, front_matter=False)
    if doc is None:
        first = problems.sorted()[0]
        raise AlmanacError(
            f"fix {relative(path, root)} first: {first.message}", path=first.path, line=first.line
        )
    config: Client = doc.meta
    return config


def parse_platforms(text: str | None, config: Client) -> list[str]:
    if text is None:
        return [next(iter(config.platforms)).value] if config.platforms else ["instagram"]
    names = [name.strip() for name in text.split(",") if name.strip()]
    known = {p.value for p in Platform}
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise AlmanacError(
            f"unknown network(s) {', '.join(unknown) or '(none)'}: use {', '.join(sorted(known))}",
            exit_code=2,
        )
    return names


def parse_when(text: str | None, zone: str, now: datetime | None = None) -> datetime:
    """`--at` as a local time, or else 12:30 tomorrow where the client is."""
    if text is None:
        local = (now or datetime.now(UTC)).astimezone(ZoneInfo(zone))
        return (local + timedelta(days=1)).replace(
            hour=12, minute=30, second=0, microsecond=0, tzinfo=None
        )
    try:
        moment = parse_datetime(text)
        localise(moment, zone)
    except ValueError as exc:
        raise AlmanacError(f"--at: {exc}", exit_code=2) from None
    return moment


def run(args: argparse.Namespace) -> int:
    root: Path = args.workspace_root
    config = load_client_config(root, args.client)
    zone = config.timezone or "Europe/Paris"
    when = parse_when(args.at, zone)
    platforms = parse_platforms(args.platforms, config)
    path = write_new_item(root, args.client, args.kind, args.title, when, platforms, args.post_kind)
    print(relative(path, root))
    return 0
