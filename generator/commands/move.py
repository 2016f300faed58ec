"""`almanac move ITEM --to WHEN`: reschedule one post by rewriting its `publish_at` line only."""

from __future__ import annotations

import argparse

from generator.clock import add_today_argument, resolve_today
from generator.reschedule import check_before, find_post, plan_move, run_moves

NAME = "move"
HELP = (
    "reschedule one post: rewrite its publish_at line only, then print the problems the move "
    "creates or clears"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "item",
        metavar="ITEM",
        help="the post: its file (content/<client>/posts/….md), CLIENT/SLUG, or a slug",
    )
    parser.add_argument(
        "--to",
        required=True,
        metavar="WHEN",
        help="new local time, e.g. '2026-12-09 18:30'; a date alone keeps the time of day",
    )
    parser.add_argument("--dry-run", action="store_true", help="show the move, change no file")
    add_today_argument(parser, "reference time for deadline rules")


def run(args: argparse.Namespace) -> int:
    today = resolve_today(args.workspace_root, args.today).moment
    ws, before = check_before(args.workspace_root, today)
    move = plan_move(ws, find_post(ws, args.item), args.to)
    return run_moves(ws, before, [move], today, dry_run=args.dry_run)
