"""Time `almanac build` on a workspace, a page per item versus item cards in month pages."""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from generator.checking import parse_today
from generator.site_build import BuildOptions, build_site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("workspace", type=Path)
    parser.add_argument("--engine", default="mkdocs", choices=["mkdocs", "zensical"])
    parser.add_argument("--granularity", nargs="+", default=["page", "card"])
    args = parser.parse_args()
    for granularity in args.granularity:
        with tempfile.TemporaryDirectory() as scratch:
            started = time.perf_counter()
            result = build_site(
                BuildOptions(
                    root=args.workspace,
                    today=parse_today("2026-11-21"),
                    output=Path(scratch) / "site",
                    engine=args.engine,
                    granularity=granularity,
                )
            )
            size = sum(p.stat().st_size for p in result.output.rglob("*") if p.is_file())
            print(
                f"{granularity:5} {args.engine}: {result.pages} pages, "
                f"{time.perf_counter() - started:.1f} s, {size / 1e6:.0f} MB"
            )


if __name__ == "__main__":
    main()
