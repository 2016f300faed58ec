"""`almanac shift --client SLUG --from DAY --days N`: move a run of posts by whole days."""

from __future__ import annotations

import argparse

from generator.clock import add_today_argument, parse_day, resolve_today
from generator.content.layout import pick_clients
from generator.problems import AlmanacError
from generator.reschedule import check_before, plan_shift, run_moves

NAME = "shift"
HELP = (
    "move every post of a client from a day on (or until a day) by N days, same time of day; "
    "rewrites the publish_at lines only"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--client", required=True, metavar="SLUG", help="client folder name")
    parser.add_argument(
        "--from", dest="first", required=True, metavar="DAY", help="first day, e.g. 2026-12-07"
    )
    parser.add_argument(
        "--days", required=True, type=int, metavar="N", help="days to move by (negative: earlier)"
    )
    parser.add_argument(
        "--until", default=None, metavar="DAY", help="last day (default: every later post)"
    )
    parser.add_argument("--dry-run", action="store_true", help="show the moves, change no file")
    add_today_argument(parser, "reference time for deadline rules")


def run(args: argparse.Namespace) -> int:
    today = resolve_today(args.workspace_root, args.today).moment
    first = parse_day(args.first, "--from")
    last = parse_day(args.until, "--until") if args.until else None
    if last is not None and last < first:
        raise AlmanacError("--until is before --from", exit_code=2)
    if args.days == 0 or abs(args.days) > 366:
        raise AlmanacError("--days must be a whole number of days, not 0, at most 366", exit_code=2)
    pick_clients(args.workspace_root, args.client)  # an unknown client: exit 2, clients listed
    ws, before = check_before(args.workspace_root, today)
    client = ws.clients.get(args.client)
    if client is None:
        raise AlmanacError(f"no client `{args.client}` (a folder under content/)", exit_code=2)
    moves = plan_shift(client, first, last, args.days)
    if not moves:
        print(f"no post of {args.client} to move from {first}" + (f" to {last}" if last else ""))
    return run_moves(ws, before, moves, today, dry_run=args.dry_run)
