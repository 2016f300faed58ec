"""`almanac init DIR`: a new workspace that passes `almanac check`, in its own git repository."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.clock import clock_now
from generator.commands.schema import ALL_KINDS, schema_text
from generator.repo.first_commit import init_repository
from generator.scaffold import WorkspaceOptions, init_workspace
from generator.schema.common import Locale, check_zone_name

NAME = "init"
HELP = (
    "create a new workspace (settings, calendar/, one sample client) in DIR and, unless DIR is "
    "already inside a git repository, `git init` it with a first commit"
)
NEEDS_WORKSPACE = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", type=Path, metavar="DIR", help="folder to create or fill")
    parser.add_argument("--name", default=None, help="the agency's name")
    parser.add_argument(
        "--locale",
        choices=[locale.value for locale in Locale],
        default=None,
        help="the agency's default language for clients, sites and reports (default: fr)",
    )
    parser.add_argument(
        "--timezone",
        type=zone_argument,
        default=None,
        metavar="ZONE",
        help="the agency's default time zone, e.g. Europe/London (default: Europe/Paris)",
    )


def zone_argument(text: str) -> str:
    """An IANA time zone name, refused by argparse (exit 2) when unknown."""
    try:
        return check_zone_name(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def write_schemas(target: Path) -> list[Path]:
    """The JSON Schemas editors read (see .vscode/settings.json)."""
    folder = target / ".almanac" / "schemas"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in sorted(ALL_KINDS):
        path = folder / f"{kind}.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written


def run(args: argparse.Namespace) -> int:
    options = WorkspaceOptions(args.name, args.locale, args.timezone)
    written = init_workspace(args.directory, options, clock_now())
    written += write_schemas(args.directory)
    print(f"created a workspace in {args.directory} ({len(written)} files)")
    print(init_repository(args.directory).message)
    print(f"next: cd {args.directory} && almanac check")
    return 0
