"""`almanac diff BASE [HEAD]`: a Markdown summary of what a change does to the calendar."""

from __future__ import annotations

import argparse

from generator.clock import add_today_argument, resolve_today
from generator.repo.calendar_diff import FORMATS, build_diff, render_diff

NAME = "diff"
HELP = (
    "summarise calendar changes between two commits (or a commit and your files): items "
    "added and removed, reschedules, status and caption changes, problems introduced"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "base", metavar="BASE", help="commit, branch or tag to compare with, e.g. origin/main"
    )
    parser.add_argument(
        "head",
        metavar="HEAD",
        nargs="?",
        default=None,
        help="commit to compare (default: the files in the working tree)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="markdown",
        help="markdown, github (job summary or PR comment) or json",
    )
    parser.add_argument("--client", metavar="SLUG", default=None, help="one client only")
    add_today_argument(parser, "reference time for deadline rules")


def run(args: argparse.Namespace) -> int:
    diff = build_diff(
        args.workspace_root,
        args.base,
        args.head,
        resolve_today(args.workspace_root, args.today).moment,
        args.client,
    )
    print(render_diff(diff, args.format), end="")
    return 0
