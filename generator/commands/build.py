"""`almanac build`: the calendar site (Material for MkDocs or Zensical), written atomically."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.checking import parse_today
from generator.site_build import ENGINES, BuildOptions, build_site, count_errors

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
        "--engine",
        choices=ENGINES,
        default=None,
        help="site engine (default: `engine` in almanac.yml, else mkdocs)",
    )
    parser.add_argument(
        "--today",
        metavar="DATETIME",
        default=None,
        help="the day the home page is seen from, e.g. 2026-11-21 (default: now)",
    )
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        default=None,
        metavar="DIR",
        help="where to write the site (default: site/ in the workspace)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="build nothing when `almanac check` finds any problem"
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
        today=parse_today(args.today),
        output=args.output,
        engine=args.engine,
        client=args.client,
        strict=args.strict,
        reports=args.reports,
    )


def run(args: argparse.Namespace) -> int:
    result = build_site(options_from(args))
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
    return 0
