"""`almanac report`: write each client's monthly report as a PDF in reports/<client>/."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from generator.checking import parse_today
from generator.months import Month, parse_month

if TYPE_CHECKING:  # WeasyPrint and matplotlib take a second to import: only when reporting
    from generator.report.batch import BatchResult, Task

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
    parser.add_argument(
        "--today",
        metavar="DATE",
        default=None,
        help="reference day, e.g. 2026-11-21 (default: today)",
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


def build_tasks(args: argparse.Namespace) -> list[Task]:
    from generator.report.batch import Task, list_clients

    today = parse_today(args.today).date()
    months: tuple[Month, ...] | None = None
    if not args.all_months:
        months = (parse_month(args.month) if args.month else Month.of(today).previous(),)
    return [
        Task(args.workspace_root, slug, months, today, args.complete_only)
        for slug in list_clients(args.workspace_root, args.client)
    ]


def print_summary(result: BatchResult) -> None:
    for outcome in result.written:
        state = "written" if outcome.changed else "unchanged"
        print(f"{outcome.path}: {state} ({outcome.seconds:.1f} s)")
        for warning in outcome.warnings:
            print(f"  warning: {warning}", file=sys.stderr)
    if not result.outcomes:
        print("no report to write: no finished month has month notes or metrics", file=sys.stderr)
    for failure in result.failures:
        month = f" {failure.month}" if failure.month else ""
        print(f"almanac: report {failure.client}{month} failed: {failure.error}", file=sys.stderr)
    if result.failures:
        print(
            f"{len(result.failures)} report(s) failed; previous PDFs were left in place",
            file=sys.stderr,
        )


def run(args: argparse.Namespace) -> int:
    from generator.report.batch import run_batch

    tasks = build_tasks(args)
    result = run_batch(tasks, jobs=max(1, args.jobs))
    print_summary(result)
    return 1 if result.failures else 0
