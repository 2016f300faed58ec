"""`almanac schema KIND`: print the JSON Schema of a file kind, for editors and tools."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pydantic import BaseModel

from generator.content.kinds import KINDS
from generator.schema import Client, MonthNotes, Settings
from generator.schema.events import EventList
from generator.schema.watchlist import WatchList

NAME = "schema"
HELP = (
    "print the JSON Schema of a file kind (settings, client, post, contest, curated, month, "
    "events, watchlist)"
)
NEEDS_WORKSPACE = False
# every file kind, in the order of the README reference: settings, client, items, month, events
ALL_KINDS: dict[str, type[BaseModel]] = {
    "settings": Settings,
    "client": Client,
    **{kind.name: kind.schema for kind in KINDS},
    "month": MonthNotes,
    "events": EventList,
    "watchlist": WatchList,
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=sorted(ALL_KINDS), nargs="?", default=None)
    parser.add_argument(
        "--write",
        type=Path,
        default=None,
        metavar="DIR",
        help="write every kind's schema as DIR/<kind>.json instead",
    )


def schema_text(kind: str) -> str:
    schema = ALL_KINDS[kind].model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def run(args: argparse.Namespace) -> int:
    if args.write is not None:
        args.write.mkdir(parents=True, exist_ok=True)
        for kind in sorted(ALL_KINDS):
            (args.write / f"{kind}.json").write_text(schema_text(kind), encoding="utf-8")
        print(f"wrote {len(ALL_KINDS)} schemas to {args.write}")
        return 0
    if args.kind is None:
        raise SystemExit("almanac schema: give a KIND or --write DIR")
    print(schema_text(args.kind), end="")
    return 0
