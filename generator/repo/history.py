"""The git history of every item, read in one pass (git itself is run by generator.repo.git_repo).

The history of `content/` is one `git log --raw` parsed here, the commits and their parents
one `git log --topo-order`, and every file version one `git cat-file --batch` process; names
and emails go through git's own `.mailmap` resolution (`%aN %aE`).
"""

from __future__ import annotations

import json
import tempfile
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from generator.content.kinds import KINDS
from generator.content.layout import item_uid
from generator.frontmatter import SourceError, decode_text, parse_front_matter
from generator.problems import AlmanacError
from generator.repo.git_repo import (
    SHALLOW_HINT,
    head_commit,
    is_shallow,
    open_repo,
    run_git,
    workspace_prefix,
)

WHEN_FIELDS = tuple(kind.date_field for kind in KINDS if kind.date_field)
# parts of an item whose change after approval means the approver did not see it
EDIT_FIELDS = ("caption", "media", "when", "platforms")
_LOG_FORMAT = "%x1e%P%x1f%H%x1f%aN%x1f%aE%x1f%aI%x1f%cN%x1f%cE%x1f%cI%x1f%s"

Action = Literal["created", "modified", "renamed", "deleted"]


@dataclass(frozen=True)
class Person:
    """Someone as git knows them, after `.mailmap`."""

    name: str
    email: str

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


@dataclass(frozen=True)
class Commit:
    """One commit of the main line or of a merged branch."""

    sha: str
    author: Person
    committer: Person
    authored_at: datetime
    committed_at: datetime
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:10]


@dataclass(frozen=True)
class Facets:
    """The parts of one version of an item that an approval is about."""

    status: str | None
    when: str | None
    platforms: tuple[str, ...]
    media: str
    caption: str
    readable: bool = True

    def changed(self, other: Facets | None) -> tuple[str, ...]:
        """Names of the parts that differ from `other` (all of them when there is none)."""
        if other is not None and not (self.readable or other.readable):
            return () if self.caption == other.caption else ("caption",)
        if other is None or not (self.readable and other.readable):
            return ("status", *EDIT_FIELDS)
        names = ("status", "when", "platforms", "media", "caption")
        return tuple(n for n in names if getattr(self, n) != getattr(other, n))


@dataclass(frozen=True)
class Change:
    """One commit's change to one item."""

    commit: Commit
    action: Action
    path: str
    old_path: str | None
    fields: tuple[str, ...]
    status_before: str | None
    status_after: str | None
    merge: Commit | None = None
    blob: str = ""  # git's id of the file as this change left it (read_versions gives its text)

    @property
    def is_status_change(self) -> bool:
        return self.status_before != self.status_after

    @property
    def is_edit(self) -> bool:
        return any(name in EDIT_FIELDS for name in self.fields)


@dataclass
class ItemHistory:
    """Every change of one item's file, oldest first, following renames."""

    path: str
    changes: list[Change] = field(default_factory=list)
    facets: Facets | None = None

    @property
    def created(self) -> Change:
        return self.changes[0]

    @property
    def last(self) -> Change:
        return self.changes[-1]

    @property
    def status_changes(self) -> list[Change]:
        return [c for c in self.changes if c.is_status_change]


@dataclass
class History:
    """What git knows about the workspace's items, keyed by path from the workspace root."""

    root: Path
    head: str
    items: dict[str, ItemHistory]
    commits: dict[str, Commit]
    parents: dict[str, tuple[str, ...]]
    order: dict[str, int]
    mainline: dict[str, int] = field(default_factory=dict)
    landing: dict[str, int] = field(default_factory=dict)

    def item(self, rel_path: str) -> ItemHistory | None:
        return self.items.get(rel_path)

    def is_ancestor(self, older: str, newer: str) -> bool:
        """Whether `older` is reachable from `newer` (both in the history)."""
        if older == newer:
            return True
        if older not in self.order or self.order[older] >= self.order.get(newer, -1):
            return False  # topological order: an ancestor always comes first
        landed = self.landing.get(older, len(self.mainline))
        if newer in self.mainline:  # the main line holds what it and its merges brought
            return landed <= self.mainline[newer]
        seen, queue = {newer}, deque([newer])
        while queue:  # a branch commit: walk the branch down to the main line
            for parent in self.parents.get(queue.popleft(), ()):
                if parent == older or (parent in self.mainline and landed <= self.mainline[parent]):
                    return True
                if (
                    parent not in seen
                    and parent not in self.mainline
                    and self.order.get(parent, -1) > self.order[older]
                ):
                    seen.add(parent)
                    queue.append(parent)
        return False


def read_facets(text: str) -> Facets:
    """Status, time, networks, media and caption of one version of an item file.

    Read with the loader's own strict reader: a version the loader would refuse (no front
    matter, YAML it does not accept) is unreadable here too, never guessed at.
    """
    try:
        front = parse_front_matter(text)
    except SourceError:
        return Facets(None, None, (), "", text, readable=False)
    data = front.doc.data
    if front.doc.issues or not isinstance(data, dict):
        return Facets(None, None, (), "", front.split.body, readable=False)
    when = next((data[k] for k in WHEN_FIELDS if data.get(k) is not None), None)
    platforms = data.get("platforms")
    return Facets(
        status=_text_or_none(data.get("status")),
        when=_text_or_none(when),
        platforms=tuple(str(p) for p in platforms) if isinstance(platforms, list) else (),
        media=_canonical(data.get("media")),
        caption=_canonical([front.split.body.strip(), data.get("variants"), data.get("hashtags")]),
    )


def read_version(raw: bytes) -> Facets:
    """The facets of one stored version, decoded as the loader decodes a file."""
    try:
        return read_facets(decode_text(raw))
    except SourceError:
        return Facets(None, None, (), "", raw.decode("utf-8", errors="replace"), readable=False)


def _text_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


# --- reading the history --------------------------------------------------------------------


@dataclass
class _RawChange:
    commit: str
    status: str
    old_blob: str
    new_blob: str
    old_path: str | None
    path: str
    other_blobs: tuple[str, ...] = ()


def load_history(root: Path) -> History:
    """Read the history of every item under `root/content` in one pass."""
    root = root.resolve()
    repo = open_repo(root)
    head = head_commit(repo)
    if is_shallow(repo):
        raise AlmanacError(f"cannot read the item history: {SHALLOW_HINT}", exit_code=2)
    prefix = workspace_prefix(repo, root)
    commits, parents, order = read_commits(repo)
    raw = read_changes(repo, root, prefix)
    blobs = read_blobs(repo, {b for r in raw for b in (r.old_blob, r.new_blob)})
    first = first_parents(head, parents)
    merges = find_merges(first, parents)
    items = build_items(raw, commits, blobs, merges)
    mainline = {sha: index for index, sha in enumerate(reversed(first))}
    landing = {
        sha: mainline[merges.get(sha, sha)] for sha in order if merges.get(sha, sha) in mainline
    }
    return History(root, head, items, commits, parents, order, mainline, landing)


def read_commits(repo: Any) -> tuple[dict[str, Commit], dict[str, tuple[str, ...]], dict[str, int]]:
    """Every commit of HEAD: who and when, its parents, its place in a topological order."""
    text = run_git(
        repo, "log", f"--format={_LOG_FORMAT}", "-z", "--topo-order", "--reverse", "HEAD", "--"
    )
    commits: dict[str, Commit] = {}
    parents: dict[str, tuple[str, ...]] = {}
    order: dict[str, int] = {}
    for index, record in enumerate(str(text).split("\x1e")[1:]):
        parent_list, _, header = record.rstrip("\x00").partition("\x1f")
        commit = parse_commit(header)
        commits[commit.sha] = commit
        parents[commit.sha] = tuple(parent_list.split())
        order[commit.sha] = index
    return commits, parents, order


def read_changes(repo: Any, root: Path, prefix: str) -> list[_RawChange]:
    """One `git log --raw` over content/: the item file changes of every commit."""
    text = run_git(
        repo,
        "-C",
        str(root),
        "log",
        "--format=%x1e%H",
        "--raw",
        "-z",
        "--no-abbrev",
        "-M",
        "-c",
        "--topo-order",
        "--reverse",
        "--no-ext-diff",
        "--no-textconv",
        "HEAD",
        "--",
        "content/",
    )
    raw: list[_RawChange] = []
    for record in str(text).split("\x1e")[1:]:
        sha, _, diff = record.partition("\x00")
        raw.extend(parse_raw(sha.strip(), diff, prefix))
    return raw


def parse_commit(header: str) -> Commit:
    sha, a_name, a_mail, a_date, c_name, c_mail, c_date, subject = header.split("\x1f", 7)
    return Commit(
        sha,
        Person(a_name, a_mail),
        Person(c_name, c_mail),
        datetime.fromisoformat(a_date),
        datetime.fromisoformat(c_date),
        subject.strip(),
    )


def parse_raw(sha: str, diff: str, prefix: str) -> list[_RawChange]:
    """Lines of `--raw -z`; a merge's combined lines (`::`) are its own conflict fixes."""
    tokens = diff.strip("\n").split("\x00")
    found: list[_RawChange] = []
    index = 0
    while index < len(tokens):
        meta = tokens[index].lstrip("\n")
        index += 1
        if not meta.startswith(":"):
            continue
        colons = len(meta) - len(meta.lstrip(":"))
        fields = meta[colons:].split()
        blobs, status = fields[colons + 1 : 2 * colons + 2], fields[-1]
        paths = 2 if status[0] in "RC" else 1
        names, index = tokens[index : index + paths], index + paths
        # a merge's line: its first parent is the main line, the others the merged branches
        change = _RawChange(
            sha,
            status[0],
            blobs[0],
            blobs[-1],
            names[0] if paths == 2 else None,
            names[-1],
            tuple(blobs[1:-1]),
        )
        if _strip_prefix(change, prefix):
            found.append(change)
    return found


def _strip_prefix(change: _RawChange, prefix: str) -> bool:
    if not change.path.startswith(prefix):
        return False
    change.path = change.path[len(prefix) :]
    if change.old_path is not None:
        change.old_path = change.old_path[len(prefix) :]
    return item_uid(change.path) is not None or (
        change.old_path is not None and item_uid(change.old_path) is not None
    )


def read_blobs(repo: Any, shas: set[str]) -> dict[str, Facets]:
    """Every file version through one `git cat-file --batch`, read as facets."""
    return {sha: read_version(raw) for sha, raw in cat_blobs(repo, shas).items()}


def cat_blobs(repo: Any, shas: set[str]) -> dict[str, bytes]:
    """The bytes of file versions by object id, through one `git cat-file --batch`."""
    wanted = sorted(s for s in shas if s.strip("0"))
    if not wanted:
        return {}
    with tempfile.TemporaryDirectory(prefix="almanac-history-") as tmp:
        request = Path(tmp) / "blobs.txt"
        request.write_text("\n".join(wanted) + "\n", encoding="ascii")
        data = run_git(repo, "cat-file", "--batch", binary=True, stdin=request)
    found: dict[str, bytes] = {}
    position = 0
    for _ in wanted:
        end = data.index(b"\n", position)
        sha, kind, size = data[position:end].decode("ascii").split()[:3]
        start = end + 1
        found[sha] = data[start : start + int(size)]
        position = start + int(size) + 1
    return found


def read_versions(root: Path, shas: set[str]) -> dict[str, str]:
    """The text of file versions by object id, decoded as the loader decodes a file."""
    if not shas:
        return {}
    texts: dict[str, str] = {}
    for sha, raw in cat_blobs(open_repo(root), shas).items():
        try:
            texts[sha] = decode_text(raw)
        except SourceError:
            texts[sha] = raw.decode("utf-8", errors="replace")
    return texts


def first_parents(head: str, parents: dict[str, tuple[str, ...]]) -> list[str]:
    """The main line: HEAD and its first parents, newest first."""
    line = [head]
    while parents.get(line[-1]):
        line.append(parents[line[-1]][0])
    return line


def find_merges(mainline: list[str], parents: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """For each commit that came through a merge on the main line (newest first), that merge."""
    merged_by: dict[str, str] = {}
    marked = set(mainline)
    for merge in reversed(mainline):
        queue = deque(p for p in parents.get(merge, ())[1:] if p not in marked)
        while queue:
            current = queue.popleft()
            if current in marked:
                continue
            marked.add(current)
            merged_by[current] = merge
            queue.extend(p for p in parents.get(current, ()) if p not in marked)
    return merged_by


def build_items(
    raw: list[_RawChange],
    commits: dict[str, Commit],
    blobs: dict[str, Facets],
    merges: dict[str, str],
) -> dict[str, ItemHistory]:
    """Replay the changes in order, following renames, into one history per item path."""
    items: dict[str, ItemHistory] = {}
    for change in raw:
        history = _history_for(items, change)
        if change.status == "D":
            items.pop(change.path, None)
        elif item_uid(change.path) is not None:  # else moved out of the item folders
            record = build_change(change, history, commits, blobs, merges)
            if record is not None:
                history.changes.append(record)
            history.facets = blobs.get(change.new_blob)
            items[change.path] = history
    return {path: items[path] for path in sorted(items)}


def build_change(
    change: _RawChange,
    history: ItemHistory,
    commits: dict[str, Commit],
    blobs: dict[str, Facets],
    merges: dict[str, str],
) -> Change | None:
    """One item change; a merge counts only for what differs from every parent."""
    after, before = blobs.get(change.new_blob), blobs.get(change.old_blob)
    fields = after.changed(before) if after else ()
    for other in change.other_blobs:  # a merge: keep what no parent had (conflict fixes)
        fields = tuple(f for f in fields if after and f in after.changed(blobs.get(other)))
    if change.other_blobs and not fields:
        return None
    action = _action(change, history)
    if action == "renamed" and not fields:
        fields = ("path",)
    merge_sha = merges.get(change.commit)
    status_after = after.status if after else None
    status_before = before.status if before and history.changes else None
    if change.other_blobs and "status" not in fields:
        status_before = status_after
    return Change(
        commit=commits[change.commit],
        action=action,
        path=change.path,
        old_path=change.old_path,
        fields=fields,
        status_before=status_before,
        status_after=status_after,
        merge=commits.get(merge_sha) if merge_sha else None,
        blob=change.new_blob,
    )


def _history_for(items: dict[str, ItemHistory], change: _RawChange) -> ItemHistory:
    if change.status in "RC" and change.old_path is not None:
        previous = items.pop(change.old_path, None) if change.status == "R" else None
        if previous is not None:
            previous.path = change.path
            return previous
    return items.get(change.path) or ItemHistory(change.path)


def _action(change: _RawChange, history: ItemHistory) -> Action:
    if not history.changes:
        return "created"
    return "renamed" if change.status == "R" else "modified"
