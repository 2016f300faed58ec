"""The `almanac` command line: a thin layer that finds the workspace and runs a command."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from generator import __version__, commands
from generator.content.loader import find_workspace
from generator.problems import AlmanacError


def discover_commands() -> list[ModuleType]:
    """Every module of generator.commands that defines a command, in name order."""
    found = []
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        if hasattr(module, "NAME") and hasattr(module, "run"):
            found.append(module)
    return sorted(found, key=lambda m: m.NAME)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="almanac",
        description="Plan, check, publish and report social-media content kept in git.",
    )
    parser.add_argument("--version", action="version", version=f"almanac {__version__}")
    parser.add_argument(
        "--workspace",
        "-w",
        type=Path,
        default=None,
        metavar="PATH",
        help="workspace folder (default: the nearest folder upwards holding almanac.yml)",
    )
    parser.add_argument(
        "--debug", action="store_true", help="show the full traceback when something goes wrong"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for module in discover_commands():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(module=module)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    module = args.module
    if getattr(module, "NEEDS_WORKSPACE", True):
        args.workspace_root = find_workspace(Path.cwd(), args.workspace)
    else:
        args.workspace_root = args.workspace
    return int(module.run(args) or 0)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; user mistakes print one clear message, never a traceback."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        return run(argv)
    except AlmanacError as exc:
        if debug:
            traceback.print_exc()
        print(f"almanac: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("almanac: interrupted; nothing half-written was kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug, not a user mistake: say so plainly
        if debug:
            traceback.print_exc()
        else:
            print(
                f"almanac: internal error: {type(exc).__name__}: {exc} (run again with "
                "--debug for the details, and report it)",
                file=sys.stderr,
            )
        return 3
