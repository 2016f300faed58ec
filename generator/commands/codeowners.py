"""`almanac codeowners`: write .github/CODEOWNERS from the clients' approvers."""

from __future__ import annotations

import argparse
import sys

from generator.content import load_workspace
from generator.problems import AlmanacError
from generator.repo.codeowners import build_codeowners, find_repo_root, write_codeowners

NAME = "codeowners"
HELP = (
    "write .github/CODEOWNERS so that changes under content/<client>/ need the review "
    "of that client's approvers (their `github` names in client.yml)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if .github/CODEOWNERS is out of date",
    )


def run(args: argparse.Namespace) -> int:
    ws, problems = load_workspace(args.workspace_root)
    if problems.errors():
        raise AlmanacError(
            f"{len(problems.errors())} error(s) in the workspace: run "
            "`almanac check` and fix them first"
        )
    repo_root = find_repo_root(ws.root)
    text = build_codeowners(ws, repo_root)
    target = repo_root / ".github" / "CODEOWNERS"
    if args.check:
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current != text:
            print(f"{target} is out of date: run `almanac codeowners`", file=sys.stderr)
            return 1
        return 0
    changed = write_codeowners(target, text)
    print(f"{'wrote' if changed else 'unchanged:'} {target}", file=sys.stderr)
    return 0
