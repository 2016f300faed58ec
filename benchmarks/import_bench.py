"""Time `almanac import` on a generated 100,000-row X tweet activity export.

Run: python benchmarks/import_bench.py [ROWS]
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.import_helpers import FIXTURES, make_workspace  # noqa: E402


def write_export(path: Path, rows: int) -> None:
    """A tweet activity export (EN header of the fixture), counts written as floats."""
    header = next(
        csv.reader(io.StringIO((FIXTURES / "x_tweet_activity_en.csv").read_text(encoding="utf-8")))
    )
    rnd = random.Random(7)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(header)
        for n in range(rows):
            tweet_id = str(1830000000000000000 + n * 7919)
            day, minute = 1 + n % 28, n % 1440
            impressions = rnd.randint(100, 50_000)
            writer.writerow(
                [
                    tweet_id,
                    f"https://twitter.com/bench/status/{tweet_id}",
                    f"Post number {n}, with a comma",
                    f"2026-09-{day:02d} {minute // 60:02d}:{minute % 60:02d} +0000",
                    f"{impressions}.0",
                    f"{impressions // 30}.0",
                    "0.033",
                ]
                + [f"{rnd.randint(0, 50)}.0"] * 15
                + ["-"] * 18
            )


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as temp:
        root = make_workspace(Path(temp) / "ws")
        export = Path(temp) / "tweet_activity_metrics_bench.csv"
        write_export(export, rows)
        size = export.stat().st_size / 1e6
        for label in ("first import", "re-import (nothing changes)"):
            start = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "generator",
                    "--workspace",
                    str(root),
                    "import",
                    str(export),
                    "--client",
                    "acme",
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            print(f"{label}: {rows:,} rows ({size:.1f} MB): {time.perf_counter() - start:.2f} s")
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
