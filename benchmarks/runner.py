"""The benchmark runner: every Almanac figure beside its anchor, measured side by side in one run.

    python -m benchmarks [--posts 10000] [--clients 20] [--out DIR] [--record BENCHMARKS.md]

The workspace comes from benchmarks/make_workspace.py (plus metrics and month notes so every
report has its charts, and one git commit as a clean checkout has); the history pass runs on a
repository with 5 commits per item (benchmarks/history_bench.py). Anchors run just before the
Almanac figure they are compared with, so a busy machine slows both alike: the libyaml floor
(reading every file with CBaseLoader), Hugo building the same content, git reading the history.
Every figure is a whole process, as a user runs it.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.history_bench import build_repo, git_log_raw
from benchmarks.hugo_anchor import hugo_command, write_hugo_project
from benchmarks.measure import Run, run_timed
from benchmarks.report_bench import prepare

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-21"
REPORT_MONTH = "2026-10"
CACHE = ".almanac-cache"
ENV = {"PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": "1790000000"}


@dataclass
class Row:
    """One line of the table: an Almanac figure, its anchor and the issue's target."""

    name: str
    run: Run
    anchor: str = ""
    anchor_run: Run | None = None
    target: str = ""
    met: bool | None = None

    @property
    def ratio(self) -> float | None:
        if self.anchor_run is None or self.anchor_run.seconds <= 0:
            return None
        return self.run.seconds / self.anchor_run.seconds


@dataclass
class Bench:
    """Where the run's workspaces live and how to call Almanac on them."""

    out: Path
    posts: int
    clients: int
    jobs: int

    @property
    def ws(self) -> Path:
        return self.out / "workspace"

    @property
    def history(self) -> Path:
        return self.out / "history"

    def almanac(self, *args: str, root: Path | None = None) -> list[str]:
        return [sys.executable, "-m", "generator", "-w", str(root or self.ws), *args]

    def timed(self, *args: str, root: Path | None = None) -> Run:
        return run_timed(self.almanac(*args, root=root), cwd=REPO, env=ENV)


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def prepare_all(bench: Bench) -> None:
    """The workspace (a git checkout), the Hugo project and the history repository, once."""
    if not (bench.ws / ".git").is_dir():
        shutil.rmtree(bench.ws, ignore_errors=True)
        prepare(bench.ws, bench.posts, bench.clients)
        (bench.ws / ".gitignore").write_text(f"site/\nreports/\n{CACHE}/\n", encoding="utf-8")
        git(bench.ws, "init", "-q", "-b", "main")
        git(bench.ws, "add", "-A")
        git(
            bench.ws,
            "-c",
            "user.name=Bench",
            "-c",
            "user.email=b@example.org",
            "commit",
            "-qm",
            "w",
        )
    write_hugo_project(bench.ws, bench.out / "hugo")
    done = bench.out / "history.done"  # an interrupted run leaves a partial repository
    if not done.is_file():
        build_repo(bench.history, bench.posts)
        done.write_text("", encoding="utf-8")


def hugo(bench: Bench) -> Run:
    output = bench.out / "hugo-public"
    shutil.rmtree(output, ignore_errors=True)
    return run_timed(hugo_command(bench.out / "hugo", output))


def floor(bench: Bench) -> Run:
    command = [sys.executable, "-m", "benchmarks.floor", str(bench.ws)]
    return run_timed(command, cwd=REPO, env=ENV)


def forget_cache(bench: Bench) -> None:
    shutil.rmtree(bench.ws / CACHE, ignore_errors=True)


def check_rows(bench: Bench) -> list[Row]:
    check = ("check", "--today", TODAY, "--format", "json")
    anchor = floor(bench)
    forget_cache(bench)
    cold = bench.timed(*check)
    rows = [Row("check, cold", cold, "libyaml floor", anchor, "≤ 1.5 × floor")]
    rows[-1].met = cold.seconds <= 1.5 * anchor.seconds
    warm_anchor = floor(bench)
    warm = bench.timed(*check)
    rows.append(Row("check, warm (nothing changed)", warm, "libyaml floor", warm_anchor, "≤ 0.5 s"))
    rows[-1].met = warm.seconds <= 0.5
    return rows


def build(bench: Bench, engine: str, output: Path) -> Run:
    return bench.timed("build", "--today", TODAY, "--engine", engine, "--output", str(output))


def edited_post(bench: Bench, index: int) -> Path:
    """A post of the first client, its caption changed the way a writer would."""
    client = sorted((bench.ws / "content").iterdir())[0]
    post = sorted((client / "posts").glob("*.md"))[index]
    with post.open("a", encoding="utf-8") as handle:
        handle.write(f"Retouche {time.time_ns()}.\n")
    return post


def build_rows(bench: Bench) -> list[Row]:
    rows = []
    for engine in ("mkdocs", "zensical"):
        anchor = hugo(bench)
        forget_cache(bench)
        shutil.rmtree(bench.out / f"site-{engine}", ignore_errors=True)
        run = build(bench, engine, bench.out / f"site-{engine}")
        rows.append(Row(f"build, clean ({engine})", run, "Hugo", anchor, "≤ 2 × Hugo, ≤ 1 GiB"))
        rows[-1].met = run.seconds <= 2 * anchor.seconds and run.peak_mib <= 1024
    site = bench.out / "site-mkdocs"
    anchor = hugo(bench)
    run = build(bench, "mkdocs", site)
    rows.append(Row("rebuild, nothing changed", run, "Hugo", anchor, "≤ 0.5 × Hugo"))
    rows[-1].met = run.seconds <= 0.5 * anchor.seconds
    anchor = hugo(bench)
    edited_post(bench, 0)
    run = build(bench, "mkdocs", site)
    rows.append(Row("rebuild, one post changed", run, "Hugo", anchor, "≤ 2 s"))
    rows[-1].met = run.seconds <= 2
    return rows


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, accept: Callable[[str], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - localhost
                if accept(response.read().decode("utf-8", "replace")):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show the change within {timeout:.0f} s")


def serve_row(bench: Bench) -> Row:
    """`almanac serve`: from a saved post to its page served with the change."""
    port = free_port()
    command = bench.almanac("serve", "--today", TODAY, "--port", str(port))
    process = subprocess.Popen(
        command, cwd=REPO, env={**os.environ, **ENV}, stderr=subprocess.DEVNULL
    )
    try:
        # a build takes about 0.1 s an item on this machine; a stuck server fails, not hangs
        limit = 120 + 0.2 * bench.posts
        wait_for(f"http://127.0.0.1:{port}/", lambda _: True, timeout=limit)
        started = time.perf_counter()
        post = edited_post(bench, 1)
        marker = post.read_text(encoding="utf-8").rstrip().rsplit(" ", 1)[-1].rstrip(".")
        url = f"http://127.0.0.1:{port}/{post.parent.parent.name}/items/{post.stem}/"
        wait_for(url, lambda page: marker in page, timeout=limit)
        seconds = time.perf_counter() - started
    finally:
        process.terminate()
        process.wait()
    return Row("serve, saved post → page reloaded", Run(seconds, 0.0, ""), target="")


def report_rows(bench: Bench) -> list[Row]:
    client = sorted(p.name for p in (bench.ws / "content").iterdir())[0]
    one = ("report", "--today", TODAY, "--month", REPORT_MONTH, "--client", client)
    bench.timed(*one)  # the first run fills the caches the warm run may use
    warm = bench.timed(*one)
    rows = [Row("one client-month report, warm", warm, target="≤ 2 s", met=warm.seconds <= 2)]
    shutil.rmtree(bench.ws / "reports", ignore_errors=True)
    every = bench.timed(
        "report", "--today", TODAY, "--month", REPORT_MONTH, "--jobs", str(bench.jobs)
    )
    name = f"all {bench.clients} reports of a month"
    rows.append(Row(name, every, target="≤ 30 s", met=every.seconds <= 30))
    return rows


def git_floor(bench: Bench) -> Run:
    """The git reads the history pass needs: every commit and the raw changes of content/."""
    return run_timed(git_log_raw("content"), cwd=bench.history)


def history_row(bench: Bench) -> Row:
    anchor = git_floor(bench)
    run = bench.timed("approvals", "--format", "json", root=bench.history)
    row = Row("history + approvals pass (5 commits/item)", run, "git log --raw", anchor, "≤ 5 s")
    row.met = run.seconds <= 5
    return row


def cell(seconds: float | None) -> str:
    return "" if seconds is None else f"{seconds:.2f} s"


def format_table(rows: list[Row]) -> str:
    lines = [
        "| measure | Almanac | CPU | peak memory | anchor | anchor time | anchor CPU | ratio "
        "| CPU ratio | target | met |",
        "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for row in rows:
        peak = f"{row.run.peak_mib:.0f} MiB" if row.run.peak_mib else ""
        ratio = f"{row.ratio:.2f} ×" if row.ratio is not None else ""
        met = {True: "yes", False: "**no**", None: ""}[row.met]
        anchor = row.anchor_run
        cpu_ratio = (
            f"{row.run.cpu_seconds / anchor.cpu_seconds:.2f} ×"
            if anchor and anchor.cpu_seconds > 0 and row.run.cpu_seconds
            else ""
        )
        lines.append(
            f"| {row.name} | {cell(row.run.seconds)} | {cell(row.run.cpu_seconds or None)} | "
            f"{peak} | {row.anchor} | {cell(anchor.seconds) if anchor else ''} | "
            f"{cell(anchor.cpu_seconds) if anchor else ''} | {ratio} | {cpu_ratio} | "
            f"{row.target} | {met} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, {hugo_version.strip()}, "
        f"load average at start {os.getloadavg()[0]:.1f}"
    )


def run_all(bench: Bench) -> list[Row]:
    prepare_all(bench)
    return [
        *check_rows(bench),
        *build_rows(bench),
        serve_row(bench),
        *report_rows(bench),
        history_row(bench),
    ]


NOTES = "\n## Notes"  # what follows it in the file is kept: the analysis written by people


def record(path: Path, table: str, about: str, command: str) -> None:
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    notes = old[old.index(NOTES) :] if NOTES in old else ""
    path.write_text(
        "# Benchmarks\n\n"
        "The latest run of the benchmark runner. Anchors run just before the Almanac figure "
        "they are compared with, on the same machine, so ratios hold when the machine is busy. "
        "Times are wall-clock for the whole process; CPU is user + system time of the process "
        "and its children (steadier on a shared machine; Hugo spreads over both cores).\n\n"
        f"Command: `{command}`\n\nMachine: {about}\n\n{table}\n{notes}",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    parser.add_argument("--record", type=Path, default=None, help="write the table to this file")
    args = parser.parse_args(argv)
    if shutil.which("hugo") is None:
        raise SystemExit("the Hugo anchor needs Debian's hugo: apt-get install hugo")
    about = machine()
    bench = Bench(args.out.resolve(), args.posts, args.clients, args.jobs)
    table = format_table(run_all(bench))
    print(f"{args.posts} posts, {args.clients} clients; {about}\n\n{table}")
    if args.record:
        command = "python -m benchmarks " + " ".join(argv if argv is not None else sys.argv[1:])
        record(args.record, table, about, command)
