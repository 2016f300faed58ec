"""Time the one-pass history read against one `git log` per file, on a big repository.

Builds (with `git fast-import`, in seconds) a workspace of 10,000 posts over 20 clients with 5
commits per post (created, in review, approved by the client's approver, scheduled, a caption
edit by the writer), a tenth of the approvals arriving through `--no-ff` merges. Then times:
  * `load_history` (one `git log` of commits, one `git log --raw` of content/, one
    `git cat-file --batch`), and `audit_approvals` over the loaded workspace;
  * one `git log --raw -- <file>` per file, on a sample of files, extrapolated to all files.

    python benchmarks/history_bench.py [--posts 10000] [--sample 200] [--out benchmarks/out]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.content import load_workspace  # noqa: E402
from generator.repo.approvals import audit_approvals  # noqa: E402
from generator.repo.history import load_history  # noqa: E402

CLIENTS = 20
WRITER = "Camille Writer <camille@agency.example>"
START = 1_767_222_000  # 2026-01-01


def approver(client: int) -> str:
    return f"Approver {client:02d} <approver{client:02d}@client.example>"


def client_yml(client: int) -> str:
    return (
        f"name: Client {client:02d}\nlocale: fr\ntimezone: Europe/Paris\nplatforms:\n"
        f'  instagram:\n    handle: "@client{client:02d}"\napprovers:\n'
        f"  - name: Approver {client:02d}\n    email: approver{client:02d}@client.example\n"
    )


def post(index: int, status: str, caption: str) -> str:
    day = 1 + index % 28
    month = 1 + (index // 28) % 12
    return (
        f"---\ntitle: Post {index}\npublish_at: 2027-{month:02d}-{day:02d} 12:30\n"
        f"platforms: [instagram]\nstatus: {status}\ncategory: education\n"
        f"media:\n  - file: media/p{index}.jpg\n    alt: photo {index}\n---\n{caption}\n"
    )


class Stream:
    """A `git fast-import` stream, written to the process as it is built."""

    def __init__(self, stdin: object) -> None:
        self.out = stdin
        self.mark = 0
        self.clock = START

    def data(self, text: str) -> bytes:
        raw = text.encode()
        return b"data %d\n%s\n" % (len(raw), raw)

    def write(self, chunk: bytes) -> None:
        self.out.write(chunk)  # type: ignore[attr-defined]

    def commit(
        self,
        ref: str,
        who: str,
        message: str,
        files: dict[str, str],
        parent: str | None = None,
        merge: str | None = None,
    ) -> str:
        self.clock += 60
        self.mark += 1
        mark = f":{self.mark}"
        parts = [
            b"commit %s\nmark %s\n" % (ref.encode(), mark.encode()),
            b"author %s %d +0100\ncommitter %s %d +0100\n"
            % (who.encode(), self.clock, who.encode(), self.clock),
            self.data(message),
        ]
        if parent:
            parts.append(b"from %s\n" % parent.encode())
        if merge:
            parts.append(b"merge %s\n" % merge.encode())
        for path, text in files.items():
            parts.append(b"M 100644 inline %s\n%s" % (path.encode(), self.data(text)))
        self.write(b"".join(parts) + b"\n")
        return mark


def path_of(index: int) -> str:
    return f"content/client-{index % CLIENTS:02d}/posts/2027-post-{index:05d}.md"


def build_repo(root: Path, posts: int) -> None:
    """The repository, 5 commits per post, in rounds so every file spans the whole history."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    process = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=root, stdin=subprocess.PIPE)
    stream = Stream(process.stdin)
    files = {"almanac.yml": "version: 1\nname: Bench\ntimezone: Europe/Paris\n"}
    files.update({f"content/client-{c:02d}/client.yml": client_yml(c) for c in range(CLIENTS)})
    head = stream.commit("refs/heads/main", WRITER, "Workspace", files)
    rng = random.Random(7)
    steps = [
        ("draft", "Texte."),
        ("in_review", "Texte."),
        ("approved", "Texte."),
        ("scheduled", "Texte."),
        ("scheduled", "Texte revu."),
    ]
    for round_index, (status, caption) in enumerate(steps):
        for index in range(posts):
            who = approver(index % CLIENTS) if round_index == 2 else WRITER
            change = {path_of(index): post(index, status, f"{caption} {index}")}
            if round_index == 2 and rng.random() < 0.1:
                side = stream.commit(
                    "refs/heads/review", who, f"Approve {index}", change, parent=head
                )
                head = stream.commit(
                    "refs/heads/main",
                    WRITER,
                    f"Merge review of {index}",
                    change,
                    parent=head,
                    merge=side,
                )
            else:
                head = stream.commit(
                    "refs/heads/main", who, f"{status} {index}", change, parent=head
                )
    process.stdin.close()  # type: ignore[union-attr]
    if process.wait() != 0:
        raise SystemExit("git fast-import failed")
    subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=root, check=True)


def git_log_raw(path: str) -> list[str]:
    """The git read the history pass needs for `path`: its commits and raw changes."""
    return [
        "git",
        "log",
        "--format=%H%x1f%aN%x1f%aE%x1f%aI",
        "--raw",
        "--no-abbrev",
        "-M",
        "HEAD",
        "--",
        path,
    ]


def per_file(root: Path, sample: list[str]) -> float:
    start = time.perf_counter()
    for path in sample:
        subprocess.run(git_log_raw(path), cwd=root, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out"))
    args = parser.parse_args()
    root = args.out / "history-repo"
    start = time.perf_counter()
    build_repo(root, args.posts)
    count = subprocess.run(
        ["git", "rev-list", "--count", "HEAD"], cwd=root, check=True, capture_output=True, text=True
    ).stdout.strip()
    print(f"built {args.posts} posts, {count} commits in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    history = load_history(root)
    one_pass = time.perf_counter() - start
    changes = sum(len(item.changes) for item in history.items.values())
    print(f"one-pass history: {len(history.items)} items, {changes} changes in {one_pass:.2f} s")
    start = time.perf_counter()
    ws, _ = load_workspace(root)
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    records = audit_approvals(ws, history)
    audit = time.perf_counter() - start
    bad = sum(1 for r in records.values() if not r.ok)
    print(
        f"load_workspace {loaded:.2f} s; audit_approvals {audit:.2f} s "
        f"({len(records)} records, {bad} with problems)"
    )
    sample = random.Random(1).sample(sorted(history.items), min(args.sample, len(history.items)))
    spent = per_file(root, sample)
    estimate = spent / len(sample) * len(history.items)
    print(
        f"one `git log` per file: {len(sample)} files in {spent:.2f} s, "
        f"extrapolated to {len(history.items)} files: {estimate:.0f} s "
        f"({estimate / one_pass:.0f}x the one-pass read, before any parsing)"
    )


if __name__ == "__main__":
    main()
