"""`almanac build`: the calendar site (Material for MkDocs or Zensical), written atomically."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.clock import add_today_argument, resolve_today
from generator.progress import Steps
from generator.site_build import BUILD_STEPS, ENGINES, BuildOptions, build_site, count_errors

NAME = "build"
HELP = "build the calendar site into site/ (all clients, or one with --client)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--client",
        metavar="SLUG",
        default=None,
        help="build a site with this client's content only, to share with them",
    )
    parser.add_argument(
        "--include-drafts",
        action="store_true",
        help="with --client: also show ideas and drafts (left out of a client's site by default)",
    )
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default=None,
        help="site engine (default: `engine` in almanac.yml, else mkdocs)",
    )
    add_today_argument(parser, "the day the home page is seen from")
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        default=None,
        metavar="DIR",
        help="where to write the site (default: site/ in the workspace); it is replaced as a "
        "whole, so it must be new, empty or written by an earlier build",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="build nothing when `almanac check --strict` fails (any error or warning)",
    )
    parser.add_argument(
        "--reports",
        action="store_true",
        help="add an HTML preview of each finished month's report (slower: "
        "charts are drawn); PDF links from reports/ are always shown",
    )


def options_from(args: argparse.Namespace) -> BuildOptions:
    return BuildOptions(
        root=args.workspace_root,
        today=resolve_today(args.workspace_root, args.today).moment,
        output=args.output,
        engine=args.engine,
        client=args.client,
        include_drafts=args.include_drafts,
        strict=args.strict,
        reports=args.reports,
    )


def run(args: argparse.Namespace) -> int:
    options = options_from(args)
    with Steps("build", BUILD_STEPS) as steps:
        result = build_site(options, steps)
    errors = count_errors(result.problems)
    note = (
        f"; {len(result.problems)} problem(s) ({errors} error(s)) are shown on the site"
        if result.problems
        else ""
    )
    print(
        f"built {result.pages} pages with {result.engine} into {result.output} in "
        f"{result.seconds:.1f} s{note}",
        file=sys.stderr,
    )
    print(how_to_view(options), file=sys.stderr)
    return 0


def how_to_view(options: BuildOptions) -> str:
    """Opening index.html from disk breaks links and search: the site needs a web server."""
    client = f" --client {options.client}" if options.client else ""
    return (
        f"to view it: `almanac serve{client}`, then open http://127.0.0.1:8000/ (opened "
        "from the folder, index.html loses its links and search)"
    )
