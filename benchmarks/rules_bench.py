"""Time the editorial rules alone on a (generated) workspace, apart from loading it."""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from generator.checking import parse_today
from generator.content import load_workspace
from generator.rules import run_rules
from generator.schema.client import Cadence


def add_cadence(ws_clients: dict[str, object]) -> None:
    """Give every network a full cadence so the cadence rules have work to do."""
    for client in ws_clients.values():
        for account in client.config.platforms.values():  # type: ignore[attr-defined]
            account.cadence = Cadence(
                min_per_week=1, max_per_week=5, min_gap_hours=4, max_silence_days=7
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("workspace", type=Path)
    parser.add_argument("--today", default="2026-11-21")
    parser.add_argument(
        "--cadence",
        action="store_true",
        help="set a cadence on every network before running the rules",
    )
    args = parser.parse_args()
    start, cpu_start = time.perf_counter(), time.process_time()
    ws, problems = load_workspace(args.workspace.resolve())
    loaded, cpu_loaded = time.perf_counter(), time.process_time()
    if args.cadence:
        add_cadence(ws.clients)  # type: ignore[arg-type]
    found = run_rules(ws, parse_today(args.today))
    done, cpu_done = time.perf_counter(), time.process_time()
    # CPU time as well as wall time: on a shared machine the wall clock includes waiting
    print(f"items: {len(ws.items())}, load problems: {len(problems.items)}")
    print(f"load + validate: {loaded - start:.2f} s wall, {cpu_loaded - cpu_start:.2f} s CPU")
    print(
        f"rules: {done - loaded:.2f} s wall, {cpu_done - cpu_loaded:.2f} s CPU, "
        f"{len(found)} problems"
    )
    for rule, count in sorted(Counter(p.rule for p in found).items()):
        print(f"  {rule:<32} {count}")


if __name__ == "__main__":
    main()
