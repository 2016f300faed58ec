"""`almanac approvals`: who approved each item, whether they may, and what changed since."""

from __future__ import annotations

import argparse
import sys

from generator.content import load_workspace
from generator.repo.approvals import audit_approvals, format_json, format_text, summary_line
from generator.repo.history import load_history

NAME = "approvals"
HELP = (
    "audit approvals from git history: who approved each item, whether they are an "
    "approver, edits after approval; exit 1 on any problem"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--client", metavar="SLUG", default=None, help="audit one client only")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people, json for tools and the site",
    )


def run(args: argparse.Namespace) -> int:
    ws, problems = load_workspace(args.workspace_root, only_client=args.client)
    history = load_history(args.workspace_root)
    records = audit_approvals(ws, history, args.client)
    output = format_json(records) if args.format == "json" else format_text(records)
    if output:
        print(output)
    if args.format == "text":
        print(summary_line(records), file=sys.stderr)
    if problems.errors():  # unreadable items were not audited: the audit is incomplete
        print(
            f"almanac: {len(problems.errors())} error(s) in the workspace, so some items "
            "were not audited: run `almanac check`",
            file=sys.stderr,
        )
        return 1
    return 0 if all(record.ok for record in records.values()) else 1
