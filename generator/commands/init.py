"""`almanac init DIR`: scaffold a new workspace that passes `almanac check`."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from generator.commands.schema import ALL_KINDS, schema_text
from generator.scaffold import init_workspace

NAME = "init"
HELP = "create a new workspace (settings, calendar/, one sample client) in DIR"
NEEDS_WORKSPACE = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", type=Path, metavar="DIR", help="folder to create or fill")
    parser.add_argument("--name", default=None, help="the agency's name")


def run(args: argparse.Namespace) -> int:
    written = init_workspace(args.directory, args.name, datetime.now())
    schemas = args.directory / ".almanac" / "schemas"
    schemas.mkdir(parents=True, exist_ok=True)
    for kind in sorted(ALL_KINDS):  # editors read these (see .vscode/settings.json)
        (schemas / f"{kind}.json").write_text(schema_text(kind), encoding="utf-8")
    print(
        f"created a workspace in {args.directory} ({len(written)} files); next: "
        f"cd {args.directory} && almanac check"
    )
    return 0
