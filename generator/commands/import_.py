"""`almanac import`: read platform exports into a client's canonical metrics."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.clock import add_today_argument, resolve_today
from generator.content.layout import client_dir
from generator.content.model import ClientData
from generator.metrics.audience import AudienceRow
from generator.metrics.importing import ImportResult, import_exports
from generator.metrics.joining import summarize_join
from generator.metrics.store import PostMetrics
from generator.metrics.tables import ImportContext
from generator.schema.common import Platform
from generator.schema.settings import ImportLimits

NAME = "import"
HELP = (
    "import metrics exports (X, Facebook, Meta Business Suite, Meta Ads Manager, LinkedIn, "
    "TikTok, YouTube, Mastodon) into content/<client>/metrics/"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="export files, folders or ZIP downloads as the platforms give them; the format "
        "is read from the content, and files of a folder or ZIP that are no export are "
        "listed as skipped",
    )
    parser.add_argument(
        "--client",
        required=True,
        metavar="SLUG",
        help="client folder under content/ the metrics belong to",
    )
    parser.add_argument(
        "--platform",
        choices=[p.value for p in Platform],
        default=None,
        help="the network the file is for (needed only when a format serves "
        "several, e.g. a Meta Business Suite file without its columns)",
    )
    parser.add_argument(
        "--year",
        type=int,
        default=None,
        metavar="YYYY",
        help="year of the most recent row, for exports that write dates without a year (TikTok)",
    )
    add_today_argument(parser, "the day the exports were downloaded, for dates without a year")
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would change; write nothing"
    )


def import_target(root: Path, slug: str) -> tuple[Path, str, ClientData | None, ImportLimits]:
    """The client's folder, time zone (client.yml, else almanac.yml's default), posts and the
    workspace's import limits."""
    from generator.content.loader import load_client

    ws, _problems = load_client(root, slug)
    client = ws.clients.get(slug)
    zone = client.timezone if client else ws.settings.timezone
    limits = ws.settings.import_limits or ImportLimits()
    return client_dir(root, slug), zone, client, limits


def spend_rows(rows: list[PostMetrics]) -> str:
    return f", {len(rows)} ad spend rows" if rows else ""


def audience_rows(rows: list[AudienceRow]) -> str:
    return f", {len(rows)} audience rows" if rows else ""


def format_report(result: ImportResult, dry_run: bool) -> str:
    lines = []
    for report in result.files:
        parsed, count = report.parsed, report.count
        skipped = f", skipped {len(parsed.skipped)}" if parsed.skipped else ""
        lines.append(
            f"{report.name}: {report.format.label} ({parsed.platform}): "
            f"{len(parsed.account) + len(parsed.fill)} day rows, {len(parsed.posts)} post rows"
            f"{spend_rows(parsed.spend)}{audience_rows(parsed.audience)}; "
            f"added {count.added}, replaced {count.replaced}, "
            f"unchanged {count.unchanged}{skipped}"
        )
        lines.extend(f"  skipped {reason}" for reason in parsed.skipped[:5])
        if len(parsed.skipped) > 5:
            lines.append(f"  … and {len(parsed.skipped) - 5} more skipped")
        lines.extend(f"  note: {note}" for note in parsed.notes)
    lines.extend(f"{name}: skipped: {reason}" for name, reason in result.skipped)
    if dry_run:
        lines.append("dry run: nothing written")
    elif result.written:
        lines.append("wrote " + ", ".join(p.name for p in result.written))
    else:
        lines.append("nothing changed")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    folder, zone, client, limits = import_target(args.workspace_root, args.client)
    ctx = ImportContext(
        timezone=zone,
        today=resolve_today(args.workspace_root, args.today).local_date(zone),
        year=args.year,
        platform=args.platform,
        limits=limits,
    )
    result = import_exports(list(args.files), folder, ctx, dry_run=args.dry_run)
    print(format_report(result, args.dry_run))
    join = summarize_join(client, result.metrics)
    if join:
        print(join, file=sys.stderr)
    return 0
