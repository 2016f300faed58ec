"""`almanac rules`: print the editorial rules reference (ids, severities, settings, why)."""

from __future__ import annotations

import argparse
import sys

from generator.rules.reference import render_reference

NAME = "rules"
HELP = "print the editorial rules reference as Markdown (docs/rules.md is its output)"
NEEDS_WORKSPACE = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ids", action="store_true", help="print only the rule ids, one a line")


def run(args: argparse.Namespace) -> int:
    if args.ids:
        from generator.rules import RULES

        sys.stdout.write("".join(f"{rule_id}\n" for rule_id in sorted(RULES)))
        return 0
    sys.stdout.write(render_reference())
    return 0
