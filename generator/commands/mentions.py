"""`almanac mentions import FILE --client SLUG`: a listening tool's export into the month logs."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.commands.new import load_client
from generator.content.loader import relative
from generator.mentions.formats import READERS
from generator.mentions.importing import plan_import, run_import

NAME = "mentions"
HELP = (
    "import mentions and reviews (Meltwater CSV, Google Business Profile reviews JSON, "
    "Google Alerts feed) into a client's month logs, mentions/YYYY-MM.md"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = sub.add_parser(
        "import",
        help="merge an export into the logs (recognised by content: "
        + "; ".join(reader.label for reader in READERS)
        + ")",
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--client", metavar="SLUG", required=True, help="the client")
    imp.add_argument("--dry-run", action="store_true", help="say what would change, write nothing")


def run(args: argparse.Namespace) -> int:
    root: Path = args.workspace_root
    client = load_client(root, args.client)
    plan = plan_import(args.file, client, root)
    written = [] if args.dry_run else run_import(plan)
    changed = {log.path for log in written}
    for log, _data in plan.logs:
        verb = "would write" if args.dry_run else ("wrote" if log.path in changed else "unchanged:")
        print(f"{verb} {relative(log.path, root)}: {log.added} new, {log.completed} completed")
    print(f"read {plan.read} mention(s) from {args.file.name} ({plan.label})")
    return 0
