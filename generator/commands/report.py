"""`almanac report`: write each client's monthly report as a PDF in reports/<client>/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from generator.clock import add_today_argument, resolve_today
from generator.content.layout import REPORTS_FOLDER, pick_clients, report_path
from generator.library_notices import format_notices
from generator.months import Month, parse_month

if TYPE_CHECKING:  # WeasyPrint and matplotlib take a second to import: only when reporting
    from generator.report_build import BatchResult, Task

NAME = "report"
HELP = "write monthly client reports as PDF (reports/<client>/YYYY-MM.pdf)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--month",
        metavar="YYYY-MM",
        default=None,
        help="month to report on (default: the month before --today)",
    )
    which.add_argument(
        "--all-months",
        action="store_true",
        help="every finished month that has month notes or metrics",
    )
    parser.add_argument(
        "--client", metavar="SLUG", default=None, help="one client only (default: every client)"
    )
    add_today_argument(parser, "reference day (the default month is the one before it)")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="warnings in the data a month's report reads block it too, as errors always do "
        "(as `almanac check --strict`); problems elsewhere are printed as warnings",
    )
    parser.add_argument(
        "--complete-only",
        action="store_true",
        help="refuse a month whose metrics miss days (default: render it, say so, and warn)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=2,
        metavar="N",
        help="reports rendered in parallel processes (default: 2)",
    )
    parser.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help="also show the notices of the PDF and chart libraries (each once)",
    )
    parser.add_argument(
        "--shard",
        type=shard_of,
        default=None,
        metavar="K/N",
        help="render only the K-th of N equal shares of the clients (a CI matrix over N "
        "machines, K from 1 to N)",
    )


def shard_of(text: str) -> tuple[int, int]:
    """`K/N` with 1 <= K <= N, refused by argparse (exit 2) otherwise."""
    k, _, n = text.partition("/")
    if not (k.isdigit() and n.isdigit() and 1 <= int(k) <= int(n)):
        raise argparse.ArgumentTypeError(f"`{text}` is not a shard: write K/N, e.g. 2/4")
    return int(k), int(n)


def in_shard(clients: list[str], shard: tuple[int, int] | None) -> list[str]:
    """Client K, K+N, K+2N… of the sorted list: the shards share the clients out, none twice."""
    if shard is None:
        return clients
    k, n = shard
    return clients[k - 1 :: n]


def build_tasks(args: argparse.Namespace) -> list[Task]:
    from generator.report_build import Task

    moment = resolve_today(args.workspace_root, args.today).moment
    today = moment.date()
    months: tuple[Month, ...] | None = None
    if not args.all_months:
        months = (parse_month(args.month) if args.month else Month.of(today).previous(),)
    return [
        Task(args.workspace_root, slug, months, today, args.complete_only, args.strict, moment)
        for slug in in_shard(pick_clients(args.workspace_root, args.client), args.shard)
    ]


def print_summary(result: BatchResult, root: Path, verbose: bool) -> None:
    for outcome in result.written:
        state = "written" if outcome.changed else "unchanged"
        print(f"{outcome.path}: {state} ({outcome.seconds:.1f} s)")
        for warning in outcome.warnings:  # about the client's data: the user can act on it
            print(f"  warning: {warning}", file=sys.stderr)
    if not result.outcomes:
        print("no report to write: no finished month has month notes or metrics", file=sys.stderr)
    for failure in result.failures:
        month = f" {failure.month}" if failure.month else ""
        print(f"almanac: report {failure.client}{month} failed: {failure.error}", file=sys.stderr)
    if result.failures:
        kept = kept_pdfs(result, root)
        note = f"; the previous PDF was kept for {', '.join(kept)}" if kept else ""
        print(f"{len(result.failures)} report(s) failed{note}", file=sys.stderr)
    notices = [note for outcome in result.outcomes for note in outcome.notices]
    if verbose and notices:
        print("notices from the PDF and chart libraries (shown once):", file=sys.stderr)
        print("\n".join(format_notices(notices, "reports")), file=sys.stderr)


def kept_pdfs(result: BatchResult, root: Path) -> list[str]:
    """The failed reports (client/month) whose earlier PDF is still in reports/, untouched."""
    kept = []
    for failure in result.failures:
        if failure.month is not None:
            if report_path(root, failure.client, parse_month(failure.month)).is_file():
                kept.append(f"{failure.client} {failure.month}")
        elif any((root / REPORTS_FOLDER / failure.client).glob("*.pdf")):
            kept.append(failure.client)
    return kept


def run(args: argparse.Namespace) -> int:
    from generator.report_build import run_batch

    tasks = build_tasks(args)
    result = run_batch(tasks, jobs=max(1, args.jobs))
    print_summary(result, args.workspace_root, args.verbose)
    return 1 if result.failures else 0
