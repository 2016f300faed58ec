"""`almanac events import FILE.ics`: calendar files into reviewable event files of the workspace."""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path

from generator.clock import add_today_argument, parse_day, resolve_today
from generator.content import layout
from generator.content.loader import relative
from generator.events.event_files import previous_records, render_events, write_events
from generator.events.ics_read import expand, read_calendar
from generator.problems import AlmanacError
from generator.scaffold import slugify
from generator.schema.events import EventKind

NAME = "events"
HELP = (
    "import an .ics calendar (Google, Outlook, Apple, Thunderbird) as events of the agency or "
    "of one client, recurrences expanded"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help="import an .ics file into content/")
    imp.add_argument("file", type=Path, metavar="FILE.ics")
    imp.add_argument(
        "--client", metavar="SLUG", default=None, help="a client's events (default: the agency's)"
    )
    imp.add_argument(
        "--kind",
        choices=[k.value for k in EventKind],
        default=None,
        help="what these events are (default: as set in the previous import, else other)",
    )
    imp.add_argument("--name", default=None, help="file name (default: from the calendar's name)")
    imp.add_argument(
        "--from",
        dest="first",
        default=None,
        metavar="DAY",
        help="first day to import (default: --today)",
    )
    imp.add_argument(
        "--until",
        default=None,
        metavar="DAY",
        help="last day to import (default: a year after --from)",
    )
    add_today_argument(imp, "reference day (the first day imported when --from is not given)")


def target_folder(root: Path, client: str | None) -> tuple[Path, str]:
    """Where the events go, and the time zone their local days are taken in."""
    if client is None:
        from generator.content.loader import load_settings
        from generator.problems import ProblemList

        settings, _ = load_settings(root, ProblemList())
        return layout.events_dir(root), settings.timezone
    from generator.commands.new import load_client

    # load_client refuses a name that is not a client (exit 2), like every --client option
    zone = load_client(root, client).timezone
    return layout.client_dir(root, client) / layout.CLIENT_EVENTS_FOLDER, zone


def run(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise AlmanacError(f"no file {args.file}", exit_code=2)
    first = (
        parse_day(args.first, "--from")
        if args.first
        else resolve_today(args.workspace_root, args.today).moment.date()
    )
    last = parse_day(args.until, "--until") if args.until else first + timedelta(days=365)
    if last < first:
        raise AlmanacError("--until is before --from", exit_code=2)
    folder, zone = target_folder(args.workspace_root, args.client)
    calendar, name = read_calendar(args.file)
    events = expand(calendar, first, last, zone, args.file)
    slug = args.name or slugify(name) or slugify(args.file.stem)
    target = folder / f"{slug}.yml"
    data = render_events(
        events,
        EventKind(args.kind) if args.kind else None,
        args.file.name,
        previous_records(target),
    )
    changed = write_events(target, data)
    where = relative(target, args.workspace_root)
    verb = "wrote" if changed else "unchanged:"
    print(f"{verb} {where}: {len(events)} event(s) from {first} to {last} ({zone} days)")
    return 0
