"""`almanac check`: validate the workspace and its editorial rules, report every problem."""

from __future__ import annotations

import argparse
import sys

from generator.checking import check_workspace
from generator.clock import add_today_argument, resolve_today
from generator.problem_output import FORMATS, format_problems, promote_warnings, summary_line
from generator.problems import blocking
from generator.rules.listening import alerts_first, is_alert

NAME = "check"
HELP = "validate every file and editorial rule; exit 0 when clean, 1 on problems"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (unknown fields, deprecated values) as errors",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text for people, json for tools, github for PR annotations",
    )
    add_today_argument(parser, "reference time for deadline rules")
    parser.add_argument("--client", metavar="SLUG", default=None, help="check one client only")
    parser.add_argument(
        "--summary", action="store_true", help="print the calendar health summary per client"
    )


def run(args: argparse.Namespace) -> int:
    when = resolve_today(args.workspace_root, args.today)
    today = when.moment
    ws, problems = check_workspace(args.workspace_root, today, args.client)
    if args.strict:
        problems = promote_warnings(problems)
    problems = alerts_first(problems)  # a spike or an unanswered review before the rest
    output = format_problems(problems, args.format)
    if output:
        print(output)
    if args.summary:
        from generator.rules.health import format_health

        print(format_health(ws, problems, today))
    if args.format == "text":
        note = when.note()
        if note:
            print(note, file=sys.stderr)
        print(summary_line(problems), file=sys.stderr)
        alerts = [p for p in problems if is_alert(p)]
        if alerts:
            print(f"{len(alerts)} listening alert(s) (mentions.*): listed first", file=sys.stderr)
    return 1 if blocking(problems, args.strict) else 0
