"""`almanac watchlist import|export`: a client's watched sources in and out as OPML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator.atomic import write_atomic
from generator.commands.new import load_client
from generator.content import layout
from generator.content.loader import relative
from generator.problems import AlmanacError
from generator.schema.watchlist import WatchList
from generator.veille.canonical import canonical_url
from generator.veille.opml import OpmlSource, read_opml, write_opml
from generator.vocabulary import word
from generator.yamlwrite import dump_yaml

NAME = "watchlist"
HELP = "import or export a client's watch list (veille) as OPML, the feed readers' format"
HEADER = (
    "# The sources watched for this client (veille). `almanac curate --client SLUG` reads\n"
    "# their feeds into the curation inbox; `almanac watchlist import FILE.opml` adds feeds.\n"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help="add the feeds of an OPML file to watchlist.yml")
    imp.add_argument("file", type=Path, metavar="FILE.opml")
    imp.add_argument("--client", metavar="SLUG", required=True, help="the client")
    out = sub.add_parser("export", help="write watchlist.yml as OPML")
    out.add_argument("--client", metavar="SLUG", required=True, help="the client")
    out.add_argument(
        "--output", type=Path, default=None, metavar="FILE", help="file to write (default: print)"
    )


def merged(current: list[dict[str, Any]], found: list[OpmlSource]) -> list[dict[str, Any]]:
    """The current sources unchanged, then each new feed once (by canonical address)."""
    known = {canonical_url(s["feed"]) for s in current if s.get("feed")}
    sources = list(current)
    for source in found:
        address = canonical_url(source.feed) if "://" in source.feed else source.feed
        if address in known:
            continue
        known.add(address)
        entry: dict[str, Any] = {"name": source.name, "kind": source.kind.value}
        entry["feed"] = source.feed
        if source.site:
            entry["site"] = source.site
        sources.append(entry)
    return sources


def checked(sources: list[dict[str, Any]], name: str) -> WatchList:
    """The merged list validated as watchlist.yml will be read, or the first bad source."""
    try:
        return WatchList.model_validate({"sources": sources})
    except ValidationError as exc:
        error = exc.errors()[0]
        index = error["loc"][1] if len(error["loc"]) > 1 else 0
        what = sources[index].get("name", "?") if isinstance(index, int) else "?"
        raise AlmanacError(f"source “{what}”: {error['msg']}", path=name, line=1) from None


def run_import(args: argparse.Namespace) -> int:
    root: Path = args.workspace_root
    client = load_client(root, args.client)
    if not args.file.is_file():
        raise AlmanacError(f"no file {args.file}", exit_code=2)
    found = read_opml(args.file.read_bytes(), str(args.file))
    target = layout.watchlist_file(root, client.slug)
    current = [s.model_dump(mode="json", exclude_defaults=True) for s in client.watchlist]
    if target.is_file() and not client.watchlist and target.read_text(encoding="utf-8").strip():
        raise AlmanacError(f"fix {relative(target, root)} first (`almanac check` says why)")
    sources = merged(current, found)
    listed = checked(sources, str(args.file))
    data = HEADER + dump_yaml(listed.model_dump(mode="json", exclude_defaults=True))
    changed = write_atomic(target, data.encode("utf-8"))
    added = len(sources) - len(current)
    verb = "wrote" if changed else "unchanged:"
    print(f"{verb} {relative(target, root)}: {added} new source(s), {len(sources)} in all")
    return 0


def run_export(args: argparse.Namespace) -> int:
    client = load_client(args.workspace_root, args.client)
    title = f"{word('veille', client.locale)} · {client.name}"
    data = write_opml(title, client.watchlist, client.locale)
    if args.output is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        write_atomic(args.output, data)
        print(f"wrote {args.output}: {len([s for s in client.watchlist if s.feed])} feed(s)")
    return 0


def run(args: argparse.Namespace) -> int:
    return run_import(args) if args.action == "import" else run_export(args)
