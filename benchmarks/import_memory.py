"""Peak memory and time of `almanac import` on hostile and very large files.

Each case runs the real command in a child process started by a small launcher, and reads
the child's peak resident memory from the launcher's `resource.getrusage(RUSAGE_CHILDREN)`:
a child forked straight from this script would count this script's own memory (the test
files it built) in its peak. The worst case is the memory ceiling of an import under the
default `import_limits`.

Run: python benchmarks/import_memory.py [--big-mb 200] [--bomb-gb 2]
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from openpyxl import Workbook  # noqa: E402

from tests.import_helpers import FIXTURES, make_workspace  # noqa: E402

MB = 1024 * 1024


def tweet_rows(rows: int) -> list[list[str]]:
    header = next(
        csv.reader(io.StringIO((FIXTURES / "x_tweet_activity_en.csv").read_text(encoding="utf-8")))
    )
    rnd = random.Random(7)
    out = [header]
    for n in range(rows):
        tweet_id = str(1830000000000000000 + n * 7919)
        shown = rnd.randint(100, 50_000)
        out.append(
            [
                tweet_id,
                f"https://twitter.com/bench/status/{tweet_id}",
                f"Post number {n}, with a comma and some words to make it a real caption",
                f"2026-09-{1 + n % 28:02d} {n % 24:02d}:{n % 60:02d} +0000",
                f"{shown}.0",
                f"{shown // 30}.0",
                "0.033",
            ]
            + [f"{rnd.randint(0, 50)}.0"] * 15
            + ["-"] * (len(header) - 22)
        )
    return out


def write_tweets(path: Path, megabytes: int) -> None:
    """A valid tweet activity export of about `megabytes`."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
        block = tweet_rows(1000)
        writer.writerow(block[0])
        start = 0
        while handle.tell() < megabytes * MB:
            for row in block[1:]:
                row[0] = str(1830000000000000000 + start * 7919)
                start += 1
                writer.writerow(row)


def workbook(path: Path, sheet_xml: Callable[[bytes], bytes] | None = None) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Date", "Impressions (total)", "Clicks (total)"])
    sheet.append(["11/02/2026", 12, 3])
    plain = io.BytesIO()
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml" and sheet_xml:
                data = sheet_xml(data)
            out.writestr(info.filename, data)


def write_bomb(path: Path, gigabytes: float) -> None:
    """An XLSX whose sheet inflates to `gigabytes` of blanks inside a comment."""
    book = io.BytesIO()
    Workbook().save(book)
    chunk = b" " * MB
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info.filename, data)
                continue
            head, tail = data.split(b"<sheetData", 1)
            with out.open(info.filename, "w", force_zip64=True) as part:
                part.write(head + b"<!--")
                for _ in range(int(gigabytes * 1024)):
                    part.write(chunk)
                part.write(b"-->" + b"<sheetData" + tail)


def write_million_rows(path: Path) -> None:
    far = b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'

    def patch(data: bytes) -> bytes:
        data = data.replace(b"</sheetData>", far, 1)
        return data.replace(b'<dimension ref="A1:C2"/>', b'<dimension ref="A1:XFD1048576"/>', 1)

    workbook(path, patch)


def write_deep_json(path: Path) -> None:
    path.write_text("[" * 1_000_000 + "]" * 1_000_000, encoding="utf-8")


def write_long_cell(path: Path) -> None:
    path.write_text("Date,impressions\n2026-10-01," + "9" * (60 * MB) + "\n", encoding="utf-8")


def write_short_cells(path: Path) -> None:
    """Just under the size limit, with as many cells as it can hold: two-digit cells in rows
    of 1,999 columns (every cell a separate string once read)."""
    row = ",".join(["12"] * 1999) + "\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Date,impressions," + ",".join(f"c{n}" for n in range(1997)) + "\n")
        for _ in range(int(63.5 * MB) // len(row)):
            handle.write(row)


def write_odd_utf16(path: Path) -> None:
    text = "Date\tImpressions\n" + "".join(f"2026-10-{d:02d}\t{d}\n" for d in range(1, 29))
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le") + b"x")


LAUNCHER = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stdout.write(f"{code.returncode} {peak}\\n" + code.stdout.decode("utf-8", "replace"))
"""


def run(ws: Path, export: Path) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak MB, first line of output) of one import."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    command = [sys.executable, "-m", "generator", "--workspace", str(ws), "import", str(export)]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *command, "--client", "acme", "--dry-run"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    status, rest = done.stdout.split("\n", 1)
    code, peak = (int(part) for part in status.split())
    lines = [line for line in rest.splitlines() if line.strip() and not line.endswith("%")]
    return code, seconds, peak / 1024, lines[0] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big-mb", type=int, default=200, help="size of the large valid export")
    parser.add_argument("--bomb-gb", type=float, default=2.0, help="inflated size of the bomb")
    args = parser.parse_args()
    cases: list[tuple[str, str, Callable[[Path], None]]] = [
        ("xlsx ZIP bomb", "bomb.xlsx", lambda p: write_bomb(p, args.bomb_gb)),
        (f"valid export, {args.big_mb} MB", "big.csv", lambda p: write_tweets(p, args.big_mb)),
        ("valid export, 60 MB (under the limit)", "limit.csv", lambda p: write_tweets(p, 60)),
        ("xlsx declaring a million rows", "rows.xlsx", write_million_rows),
        ("JSON nested a million deep", "deep.json", write_deep_json),
        ("CSV cell of 60 MB", "cell.csv", write_long_cell),
        ("CSV of 63 MB, 2-digit cells", "cells.csv", write_short_cells),
        ("UTF-16 with an odd byte count", "odd.csv", write_odd_utf16),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        ws = make_workspace(Path(tmp) / "ws")
        print(f"{'case':40} {'file MB':>8} {'exit':>4} {'seconds':>8} {'peak MB':>8}  message")
        for label, name, write in cases:
            export = Path(tmp) / name
            write(export)
            size = export.stat().st_size / MB
            code, seconds, peak, first = run(ws, export)
            print(f"{label:40} {size:8.1f} {code:4d} {seconds:8.1f} {peak:8.0f}  {first[:110]}")
            export.unlink()


if __name__ == "__main__":
    main()
