"""Time `almanac report`: one report, the example workspace, and a generated 20-client workspace.

    python benchmarks/report_bench.py OUT [--posts 10000] [--clients 20] [--jobs 2]

OUT is created with benchmarks/make_workspace.py when missing; every client then gets synthetic
canonical metrics (account days and post rows for Sep-Dec 2026) and October notes, so each
report has every chart. Each timing is a whole `almanac` process, as a user would run it.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.metrics.store import (  # noqa: E402
    AccountDay,
    ClientMetrics,
    PostMetrics,
    write_metrics,
)

PLATFORMS = ["instagram", "facebook", "linkedin", "x", "tiktok"]
NOTES = """---
summary: Synthetic month for the benchmark.
tone: {positive: 40, neutral: 12, negative: 3}
quotes:
  - text: Great post!
    tone: positive
actions: [Answered 40 comments]
next_month: More of the same.
---
Body of the month's notes.
"""


def synthetic_metrics(rng: random.Random) -> ClientMetrics:
    account, posts = [], []
    for platform in PLATFORMS:
        followers = rng.randint(500, 20000)
        day = date(2026, 9, 1)
        while day <= date(2026, 12, 31):
            change = rng.randint(-3, 30)
            followers += change
            shown = rng.randint(500, 9000)
            account.append(
                AccountDay(platform, day, followers, change, shown, shown * 7 // 10, source="bench")
            )
            day += timedelta(days=1)
        for n in range(120):
            when = datetime(2026, 9, 1, 9, tzinfo=UTC) + timedelta(hours=24 * n + rng.randint(0, 9))
            shown = rng.randint(300, 9000)
            posts.append(
                PostMetrics(
                    platform,
                    f"{platform}-{n}",
                    None,
                    when,
                    shown,
                    shown * 7 // 10,
                    rng.randint(5, 600),
                    source="bench",
                )
            )
    return ClientMetrics(account, posts)


def prepare(out: Path, posts: int, clients: int) -> None:
    if not (out / "almanac.yml").is_file():
        subprocess.run(
            [
                sys.executable,
                str(REPO / "benchmarks" / "make_workspace.py"),
                str(out),
                "--posts",
                str(posts),
                "--clients",
                str(clients),
            ],
            check=True,
        )
    rng = random.Random(3)
    for folder in sorted((out / "content").iterdir()):
        if (folder / "client.yml").is_file() and not (folder / "metrics").is_dir():
            write_metrics(folder, synthetic_metrics(rng))
            (folder / "months").mkdir(exist_ok=True)
            (folder / "months" / "2026-10.md").write_text(NOTES, encoding="utf-8")


def timed(root: Path, *args: str) -> float:
    shutil.rmtree(root / "reports", ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "-w",
            str(root),
            "report",
            "--today",
            "2026-11-21",
            *args,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1790000000"},
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
    return elapsed


def example_workspace(target: Path) -> Path:
    sys.path.insert(0, str(REPO / "tests"))
    from conftest import copy_workspace

    return copy_workspace(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--jobs", default="2")
    args = parser.parse_args()
    prepare(args.out, args.posts, args.clients)
    jobs = ("--jobs", args.jobs)
    with tempfile.TemporaryDirectory() as temp:
        example = example_workspace(Path(temp) / "example")
        first = sorted(
            p.name for p in (example / "content").iterdir() if (p / "client.yml").is_file()
        )[0]
        print(
            f"one report (example, {first}, 2026-10): "
            f"{timed(example, '--month', '2026-10', '--client', first):.1f} s"
        )
        print(
            f"example workspace, every finished month: "
            f"{timed(example, '--all-months', *jobs):.1f} s "
            f"({len(list((example / 'reports').rglob('*.pdf')))} PDFs)"
        )
    print(
        f"benchmark workspace ({args.posts} posts, {args.clients} clients), 2026-10: "
        f"{timed(args.out, '--month', '2026-10', *jobs):.1f} s "
        f"({len(list((args.out / 'reports').rglob('*.pdf')))} PDFs)"
    )


if __name__ == "__main__":
    main()
