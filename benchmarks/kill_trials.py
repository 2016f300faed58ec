"""Kill trials: SIGKILL `almanac build` and `almanac report` at random moments, and check that
nothing is lost, nothing is left behind and nothing keeps running.

For each command, N trials (default 50): most kill the process at a moment drawn uniformly over
its measured run time; a few kill it at the exact steps a random moment cannot aim at (between
the two steps of the site swap, in a report worker just before its PDF is renamed into place;
see kill_at.py). After each kill:

- previous output intact: every output is whole, either the previous version or the new one,
  byte for byte (for the two-rename fallback: once the next run has put the previous site back);
- leftovers: staging folders and temp files remaining after the next run;
- surviving processes: any process of the killed run still alive 5 s after the kill (found by
  a token in its environment, which children inherit).

The workspace alternates between two versions so "previous" and "new" outputs differ.

Full disk (as root, which mounts a small tmpfs): builds and reports whose output is on a disk
left with a random amount of free space (from none to twice the output's size). A run that
hits the full disk must say so (exit 1, "the disk is full", no traceback) and leave every file
as it was; one that fits must succeed; nothing may be left on the disk but the outputs.

Run: python benchmarks/kill_trials.py [--trials 50] [--disk-trials 10] [--seed 11]
                                      [--only build|report|disk]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from generator.scaffold import WorkspaceOptions, init_workspace  # noqa: E402
from generator.site_swap import recover_abandoned  # noqa: E402

KILL_AT = Path(__file__).with_name("kill_at.py")
TODAY = "2026-11-21"
TITLES = ("Agence Alpha", "Agence Beta")
MB = 1024 * 1024


@dataclass
class Tally:
    """The figures of one command's trials."""

    name: str
    trials: int = 0
    intact: int = 0
    leftovers: int = 0
    survivors: int = 0
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.name}: {self.trials} trials, previous output intact in {self.intact}, "
            f"leftovers after the next run in {self.leftovers}, surviving processes "
            f"{self.survivors}"
        )


def run(args: list[str], point: str = "none", token: str = "") -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "ALMANAC_TRIAL": token or uuid.uuid4().hex}
    return subprocess.Popen(
        [sys.executable, str(KILL_AT), point, *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def finish(args: list[str]) -> float:
    start = time.perf_counter()
    assert run(args).wait() == 0, f"almanac {' '.join(args)} failed"
    return time.perf_counter() - start


def processes_with(token: str) -> list[int]:
    """Live processes whose environment carries the trial's token."""
    found = []
    needle = f"ALMANAC_TRIAL={token}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":
                    found.append(int(entry.name))
        except OSError:
            continue
    return found


def survivors_after(token: str, seconds: float = 5.0) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not processes_with(token):
            return 0
        time.sleep(0.1)
    left = processes_with(token)
    for pid in left:  # do not let them spoil the next trial
        os.kill(pid, signal.SIGKILL)
    return len(left)


def files_of(root: Path) -> dict[str, bytes]:
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def kill_trial(args: list[str], point: str, delay: float) -> tuple[int, int]:
    """Start a run, kill it after `delay` s (or let kill_at kill it); (exit code, survivors)."""
    token = uuid.uuid4().hex
    process = run(args, point, token)
    if point == "none":
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
    code = process.wait()
    return code, survivors_after(token)


# --- build ---------------------------------------------------------------------------------


def set_title(ws: Path, title: str) -> None:
    path = ws / "almanac.yml"
    text = path.read_text(encoding="utf-8")
    for other in TITLES:
        text = text.replace(other, title)
    path.write_text(text, encoding="utf-8")


def build_trials(base: Path, count: int, rng: random.Random) -> Tally:
    ws = base / "build-ws"
    init_workspace(ws, WorkspaceOptions(name=TITLES[0]), datetime(2026, 11, 21))
    args = ["-w", str(ws), "build", "--today", TODAY]
    sites = {}
    for title in reversed(TITLES):
        set_title(ws, title)
        seconds = finish(args)
        sites[title] = files_of(ws / "site")
    tally = Tally("build")
    points = ["after-exchange"] * 3 + ["between-renames"] * 3
    points += ["none"] * (count - len(points))
    rng.shuffle(points)
    for index, point in enumerate(points):
        old, new = TITLES[index % 2], TITLES[(index + 1) % 2]
        set_title(ws, new)
        _, survivors = kill_trial(args, point, rng.uniform(0, seconds * 1.1))
        recover_abandoned(ws / "site")  # what the next run does first
        site = files_of(ws / "site")
        whole = site in (sites[old], sites[new])
        if not whole:
            tally.notes.append(f"trial {index} ({point}): site/ is neither whole version")
        finish(args)
        left = sorted(p.name for p in ws.glob(".site-build-*"))
        tally.trials += 1
        tally.intact += whole and files_of(ws / "site") == sites[new]
        tally.leftovers += bool(left)
        tally.survivors += survivors
    return tally


# --- report --------------------------------------------------------------------------------


def pdfs_of(ws: Path) -> dict[str, bytes]:
    return {
        p.relative_to(ws).as_posix(): p.read_bytes()
        for p in sorted((ws / "reports").glob("*/*.pdf"))
    }


def report_trials(base: Path, count: int, rng: random.Random) -> Tally:
    from report_workspace import build_workspace

    ws = build_workspace(base / "report-ws")
    args = ["-w", str(ws), "report", "--month", "2026-10", "--jobs", "2", "--today", TODAY]
    versions = {}
    for word in reversed(TITLES):
        retitle_months(ws, word)
        seconds = finish(args)
        versions[word] = pdfs_of(ws)
    tally = Tally("report")
    points = ["before-replace"] * 3 + ["none"] * (count - 3)
    rng.shuffle(points)
    for index, point in enumerate(points):
        old, new = TITLES[index % 2], TITLES[(index + 1) % 2]
        retitle_months(ws, new)
        _, survivors = kill_trial(args, point, rng.uniform(0, seconds * 1.1))
        now = pdfs_of(ws)
        whole = all(now[k] in (versions[old][k], versions[new][k]) for k in versions[old])
        if not whole:
            tally.notes.append(f"trial {index} ({point}): a PDF is neither whole version")
        finish(args)
        left = sorted(p.name for p in (ws / "reports").glob("*/.*.tmp"))
        tally.trials += 1
        tally.intact += whole and pdfs_of(ws) == versions[new]
        tally.leftovers += bool(left)
        tally.survivors += survivors
    return tally


def retitle_months(ws: Path, word: str) -> None:
    """Put `word` in every client's October summary (the report shows it)."""
    for notes in sorted(ws.glob("content/*/months/2026-10.md")):
        text = notes.read_text(encoding="utf-8")
        for other in TITLES:
            text = text.replace(other, word)
        if word not in text:
            text = text.replace("summary: ", f"summary: {word}. ", 1)
        notes.write_text(text, encoding="utf-8")


# --- full disk -----------------------------------------------------------------------------


@dataclass
class DiskTally:
    """The figures of the full-disk trials."""

    trials: int = 0
    full: int = 0  # runs that hit the full disk
    clear: int = 0  # ... and said so (exit 1, "the disk is full", no traceback)
    intact: int = 0  # output whole afterwards: the previous version, or the new one if it fit
    leftovers: int = 0
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"full disk: {self.trials} trials, {self.full} hit the full disk and "
            f"{self.clear} of them said so clearly, output whole (previous or new) in "
            f"{self.intact}, leftovers in {self.leftovers}"
        )


def mount_small_disk(path: Path) -> None:
    path.mkdir(parents=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(path)], check=True)


def resize(path: Path, spare: int) -> None:
    """Leave `spare` bytes free on the small disk beyond what it holds now."""
    size = shutil.disk_usage(path).used + spare
    subprocess.run(["mount", "-o", f"remount,size={size}", str(path)], check=True)


def disk_trial(args: list[str]) -> tuple[int, bool, bool]:
    """One run on the small disk: (exit code, hit the full disk, said so clearly)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, str(KILL_AT), "none", *args], env=env, capture_output=True, text=True
    )
    full = "the disk is full" in done.stderr
    clear = full and done.returncode == 1 and "Traceback" not in done.stderr
    return done.returncode, full, clear


def disk_trials(base: Path, count: int, rng: random.Random) -> DiskTally:
    """Builds and reports (in turn) on a small tmpfs left with a random amount of free space."""
    from report_workspace import EN, build_workspace

    disk = base / "disk"
    mount_small_disk(disk)
    tally = DiskTally()
    try:
        ws = build_workspace(base / "disk-ws")
        (ws / "reports").mkdir(exist_ok=True)
        (disk / "reports").mkdir()
        (ws / "reports" / EN).symlink_to(disk / "reports", target_is_directory=True)
        build = ["-w", str(ws), "build", "--today", TODAY, "--output", str(disk / "site")]
        report = ["-w", str(ws), "report", "--month", "2026-10", "--client", EN]
        report += ["--today", TODAY, "--jobs", "1"]
        set_title(ws, TITLES[0])
        retitle_months(ws, TITLES[0])
        for args in (build, report):
            assert run(args).wait() == 0
        for index in range(count):
            site = index % 2 == 0
            # the other version than the one on the disk (a failed run left that one there)
            change = set_title if site else retitle_months
            change(ws, TITLES[(index // 2 + 1) % 2])
            before = files_of(disk)
            resize(disk, 64 * MB)
            needed = sum(len(v) for k, v in before.items() if k.startswith("site/") == site)
            resize(disk, int(rng.uniform(0, 1.25) * needed))
            code, full, clear = disk_trial(build if site else report)
            tally_disk_trial(tally, index, disk, before, (code, full, clear))
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
    return tally


def tally_disk_trial(
    tally: DiskTally, index: int, disk: Path, before: dict[str, bytes], run: tuple[int, bool, bool]
) -> None:
    code, full, clear = run
    after = files_of(disk)
    # refused: every file as it was; written: the run succeeded (whole, by the swap or rename)
    kept = after == before if full else code == 0
    left = [p.name for p in disk.rglob(".*") if p.name.endswith(".tmp") or "-build-" in p.name]
    tally.trials += 1
    tally.full += full
    tally.clear += clear
    tally.intact += kept
    tally.leftovers += bool(left)
    if not kept or (full and not clear) or left:
        tally.notes.append(f"trial {index}: exit {code}, full={full}, left={left}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=50, help="kill trials per command")
    parser.add_argument(
        "--disk-trials", type=int, default=10, help="full-disk trials (root: mounts a tmpfs)"
    )
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--only", choices=("build", "report", "disk"), default=None)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    base = Path(tempfile.mkdtemp(prefix="almanac-kill-trials-"))
    kinds: dict[str, tuple[Callable[[Path, int, random.Random], Tally | DiskTally], int]] = {
        "build": (build_trials, args.trials),
        "report": (report_trials, args.trials),
        "disk": (disk_trials, args.disk_trials if os.geteuid() == 0 else 0),
    }
    try:
        for name, (trials, count) in kinds.items():
            if args.only in (None, name) and count:
                started = time.perf_counter()
                tally = trials(base, count, rng)
                print(f"{tally.line()} ({time.perf_counter() - started:.0f} s)", flush=True)
                for note in tally.notes:
                    print(f"  {note}")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
