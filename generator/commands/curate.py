"""`almanac curate FEED --client SLUG`: a feed's new articles into the client's curation inbox."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.clock import add_today_argument, resolve_today
from generator.commands.new import load_client
from generator.content.loader import relative
from generator.content.model import ClientData
from generator.problems import AlmanacError
from generator.veille.canonical import canonical_url
from generator.veille.feed_read import Feed, parse_feed, read_source
from generator.veille.inbox import check_candidates, plan_inbox, write_inbox

NAME = "curate"
HELP = (
    "read RSS or Atom feeds (Google Alerts included; files or addresses) into candidate "
    "curated items of a client, deduplicated by canonical address"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "feeds",
        nargs="*",
        metavar="FEED",
        help="feed files or http(s) addresses (default: every feed of the client's watchlist.yml)",
    )
    parser.add_argument("--client", metavar="SLUG", required=True, help="the client")
    parser.add_argument(
        "--dry-run", action="store_true", help="say what would be added, write nothing"
    )
    add_today_argument(parser, "the day the articles are found (`found_at`)")


def feeds_to_read(args: argparse.Namespace, client: ClientData) -> list[tuple[str, str | None]]:
    """(feed, watched source's name) pairs: the ones given, else the watch list's feeds."""
    names = {canonical_url(s.feed): s.name for s in client.watchlist if s.feed}
    if args.feeds:
        given = [str(feed) for feed in args.feeds]
        return [(feed, names.get(canonical_url(feed)) if "://" in feed else None) for feed in given]
    watched: list[tuple[str, str | None]] = [(s.feed, s.name) for s in client.watchlist if s.feed]
    if not watched:
        raise AlmanacError(
            f"no FEED given and no feed in content/{client.slug}/watchlist.yml: pass a feed "
            "file or address, or add the sources watched (`almanac watchlist import`)",
            exit_code=2,
        )
    return watched


def read_all(sources: list[tuple[str, str | None]]) -> list[tuple[Feed, str]]:
    """Every feed read and parsed before anything is written (one broken feed stops all)."""
    feeds = []
    for source, watched_name in sources:
        data, name = read_source(source)
        feed = parse_feed(data, name)
        feeds.append((feed, watched_name or feed.title))
    return feeds


def run(args: argparse.Namespace) -> int:
    root: Path = args.workspace_root
    client = load_client(root, args.client)
    today = resolve_today(root, args.today).moment.date()
    feeds = read_all(feeds_to_read(args, client))
    for feed, _ in feeds:
        for skipped in feed.skipped:
            print(f"passed over in {feed.title}: {skipped}")
    plan = plan_inbox(client, feeds, today)
    check_candidates(plan, client, root)
    if not args.dry_run:
        write_inbox(plan)
    verb = "would add" if args.dry_run else "added"
    for candidate in plan.candidates:
        print(f"{verb} {relative(candidate.path, root)}: {candidate.entry.title}")
    print(
        f"{verb} {len(plan.candidates)} candidate(s) to the inbox of {client.slug}; "
        f"{len(plan.known)} article(s) already in it or already decided"
    )
    return 0
