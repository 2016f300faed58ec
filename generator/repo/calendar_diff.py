"""What a change (a pull request) does to the calendar: items, times, statuses, problems."""

from __future__ import annotations

import difflib
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from generator.checking import check_workspace
from generator.content import Workspace, layout
from generator.content.model import AnyItem
from generator.problems import Problem
from generator.repo.git_repo import export_workspace, shallow_note

FORMATS = ("markdown", "github", "json")
MARKER = "<!-- almanac-diff -->"
WORD_CONTEXT = 4
WORD_LIMIT = 40

Change = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class ItemState:
    """What the diff shows of one item on one side."""

    uid: str
    path: str
    title: str
    status: str
    when: str | None
    platforms: tuple[str, ...]
    caption: str


@dataclass
class ItemDelta:
    """One item added, removed or changed between the two sides."""

    change: Change
    before: ItemState | None
    after: ItemState | None

    @property
    def state(self) -> ItemState:
        state = self.after or self.before
        assert state is not None
        return state

    @property
    def rescheduled(self) -> bool:
        return self._differs("when")

    @property
    def status_changed(self) -> bool:
        return self._differs("status")

    @property
    def caption_diff(self) -> str | None:
        if not self._differs("caption"):
            return None
        assert self.before and self.after
        return word_diff(self.before.caption, self.after.caption)

    def _differs(self, name: str) -> bool:
        return (
            self.change == "changed"
            and self.before is not None
            and self.after is not None
            and getattr(self.before, name) != getattr(self.after, name)
        )


@dataclass
class CalendarDiff:
    """Everything that differs between BASE and HEAD."""

    base: str
    head: str
    deltas: list[ItemDelta] = field(default_factory=list)
    introduced: list[Problem] = field(default_factory=list)
    fixed: list[Problem] = field(default_factory=list)
    note: str | None = None

    def of_change(self, change: Change) -> list[ItemDelta]:
        return [d for d in self.deltas if d.change == change]


def build_diff(
    root: Path, base: str, head: str | None, today: datetime, client: str | None = None
) -> CalendarDiff:
    """Compare the workspace at `base` with `head` (a commit) or, without it, the files."""
    note = (
        "the repository is a shallow clone; BASE and HEAD were both found, so this diff "
        "is complete (`almanac approvals` needs the full history)"
        if shallow_note(root)
        else None
    )
    with tempfile.TemporaryDirectory(prefix="almanac-diff-") as tmp:
        base_root = Path(tmp) / "base"
        base_sha = export_workspace(root, base, base_root)
        head_root, head_label = root, "working tree"
        if head is not None:
            head_root = Path(tmp) / "head"
            head_label = f"{head} ({export_workspace(root, head, head_root)[:10]})"
        before, before_problems = load_side(base_root, today, client)
        after, after_problems = load_side(head_root, today, client)
    result = CalendarDiff(f"{base} ({base_sha[:10]})", head_label, note=note)
    result.deltas = compare_items(before, after)
    result.introduced, result.fixed = compare_problems(before_problems, after_problems)
    return result


def load_side(
    root: Path, today: datetime, client: str | None
) -> tuple[dict[str, ItemState], list[Problem]]:
    """The items and problems of one side; a side without a workspace has neither."""
    if not (root / layout.SETTINGS_FILE).is_file():
        return {}, []
    only = client if client and layout.client_dir(root, client).is_dir() else None
    if client and only is None:
        return {}, []
    ws, problems = check_workspace(root, today, only)
    return read_states(ws), problems


def read_states(ws: Workspace) -> dict[str, ItemState]:
    states = {}
    for data in ws.clients.values():
        for item in data.items:
            states[item.uid] = item_state(item, data.timezone)
    return states


def item_state(item: AnyItem, zone: str) -> ItemState:
    when = item.when.astimezone(ZoneInfo(zone)) if item.when else None
    return ItemState(
        item.uid,
        item.source.rel,
        item.title,
        item.status,
        f"{when:%Y-%m-%d %H:%M}" if when else None,
        tuple(item.platforms),
        item.body.strip(),
    )


def compare_items(before: dict[str, ItemState], after: dict[str, ItemState]) -> list[ItemDelta]:
    deltas = []
    for uid in sorted(before.keys() | after.keys()):
        old, new = before.get(uid), after.get(uid)
        if old is None:
            deltas.append(ItemDelta("added", None, new))
        elif new is None:
            deltas.append(ItemDelta("removed", old, None))
        elif old != new:
            deltas.append(ItemDelta("changed", old, new))
    return deltas


def _problem_key(problem: Problem) -> tuple[str, str, str, str, str]:
    # lines move when text is added above: compare problems without them
    return (problem.path, problem.field, problem.rule, problem.severity.value, problem.message)


def compare_problems(
    before: list[Problem], after: list[Problem]
) -> tuple[list[Problem], list[Problem]]:
    old = {_problem_key(p) for p in before}
    new = {_problem_key(p) for p in after}
    return (
        [p for p in after if _problem_key(p) not in old],
        [p for p in before if _problem_key(p) not in new],
    )


def word_diff(old: str, new: str, limit: int = WORD_LIMIT) -> str:
    """A short word diff: ~~removed~~ **added**, with a few words of context."""
    a, b = old.split(), new.split()
    parts: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.extend(_context(a[i1:i2], first=not parts, last=i2 == len(a)))
            continue
        if i2 > i1:
            parts.append(f"~~{escape(' '.join(a[i1:i2]))}~~")
        if j2 > j1:
            parts.append(f"**{escape(' '.join(b[j1:j2]))}**")
    return truncate_parts(parts, limit)


def truncate_parts(parts: list[str], limit: int) -> str:
    """Keep about `limit` words, never cutting a ~~removed~~ or **added** run open."""
    out: list[str] = []
    used = 0
    for part in parts:
        count = len(part.split())
        if used + count <= limit:
            out.append(part)
            used += count
            continue
        if limit > used:
            out.append(_cut_part(part, limit - used))
        return " ".join(out) + " …"
    return " ".join(out)


def _cut_part(part: str, room: int) -> str:
    for mark in ("~~", "**"):
        if part.startswith(mark) and part.endswith(mark) and len(part) > 2 * len(mark):
            inner = part[len(mark) : -len(mark)].split()
            return f"{mark}{' '.join(inner[:room])}{mark}"
    return " ".join(part.split()[:room])


def _context(words: list[str], first: bool, last: bool) -> list[str]:
    if len(words) <= 2 * WORD_CONTEXT:
        return [escape(" ".join(words))] if words else []
    head = [] if first else [escape(" ".join(words[:WORD_CONTEXT]))]
    tail = [] if last else [escape(" ".join(words[-WORD_CONTEXT:]))]
    return [*head, "…", *tail]


def escape(text: str) -> str:
    """User text made inert in Markdown and HTML (tables, emphasis, tags, links)."""
    for char in "\\`*_[]<>|#~":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", " ")


# --- rendering ------------------------------------------------------------------------------


def render_markdown(diff: CalendarDiff, github: bool = False) -> str:
    counts = summary_counts(diff)
    lines = [MARKER] if github else []
    lines += [f"## Calendar changes: {escape(diff.base)} → {escape(diff.head)}", "", counts, ""]
    if diff.note:
        lines += [f"> **Note:** {escape(diff.note)}", ""]
    lines += render_section("Added", diff.of_change("added"), github, render_item_row)
    lines += render_section("Removed", diff.of_change("removed"), github, render_item_row)
    changed = diff.of_change("changed")
    lines += render_section(
        "Rescheduled",
        [d for d in changed if d.rescheduled],
        github,
        lambda d: render_move(d, "when"),
    )
    lines += render_section(
        "Status changes",
        [d for d in changed if d.status_changed],
        github,
        lambda d: render_move(d, "status"),
    )
    lines += render_captions([d for d in changed if d.caption_diff], github)
    lines += render_problems("Problems introduced", diff.introduced, github)
    lines += render_problems("Problems fixed", diff.fixed, github)
    return "\n".join(lines).rstrip() + "\n"


def summary_counts(diff: CalendarDiff) -> str:
    changed = diff.of_change("changed")
    parts = [
        f"{len(diff.of_change('added'))} added",
        f"{len(diff.of_change('removed'))} removed",
        f"{sum(d.rescheduled for d in changed)} rescheduled",
        f"{sum(d.status_changed for d in changed)} status change(s)",
        f"{sum(d.caption_diff is not None for d in changed)} caption edit(s)",
        f"{len(diff.introduced)} problem(s) introduced",
        f"{len(diff.fixed)} fixed",
    ]
    return "**" + ", ".join(parts) + "**"


def render_section(
    title: str, deltas: list[ItemDelta], github: bool, row: Callable[[ItemDelta], str]
) -> list[str]:
    if not deltas:
        return []
    header = {"Added": ("When", "Status", "Networks"), "Removed": ("When", "Status", "Networks")}
    columns = header.get(title, ("From", "To"))
    body = [f"| {escape(d.state.uid)} | {escape(d.state.title)} | {row(d)} |" for d in deltas]
    table = [
        f"| Item | Title | {' | '.join(columns)} |",
        "|" + " --- |" * (2 + len(columns)),
        *body,
    ]
    return _wrap(f"{title} ({len(deltas)})", table, github)


def render_item_row(delta: ItemDelta) -> str:
    state = delta.state
    return " | ".join(
        [escape(state.when or "—"), escape(state.status), escape(", ".join(state.platforms))]
    )


def render_move(delta: ItemDelta, name: str) -> str:
    assert delta.before and delta.after
    old, new = getattr(delta.before, name), getattr(delta.after, name)
    return f"{escape(old or '—')} | {escape(new or '—')}"


def render_captions(deltas: list[ItemDelta], github: bool) -> list[str]:
    if not deltas:
        return []
    body = [f"- **{escape(d.state.uid)}**: {d.caption_diff}" for d in deltas]
    return _wrap(f"Caption changes ({len(deltas)})", body, github)


def render_problems(title: str, problems: list[Problem], github: bool) -> list[str]:
    if not problems:
        return []
    body = [
        f"- `{p.path}:{p.line}` {p.severity.value} [{p.rule}]: {escape(p.message)}"
        for p in problems
    ]
    return _wrap(f"{title} ({len(problems)})", body, github)


def _wrap(title: str, body: list[str], github: bool) -> list[str]:
    if github and len(body) > 12:  # long lists fold away in a PR comment
        return [f"<details><summary>{title}</summary>", "", *body, "", "</details>", ""]
    return [f"### {title}", "", *body, ""]


def render_json(diff: CalendarDiff) -> str:
    def state(s: ItemState | None) -> dict[str, object] | None:
        return (
            None
            if s is None
            else {
                "uid": s.uid,
                "path": s.path,
                "title": s.title,
                "status": s.status,
                "when": s.when,
                "platforms": list(s.platforms),
            }
        )

    return json.dumps(
        {
            "base": diff.base,
            "head": diff.head,
            "note": diff.note,
            "items": [
                {
                    "change": d.change,
                    "before": state(d.before),
                    "after": state(d.after),
                    "rescheduled": d.rescheduled,
                    "status_changed": d.status_changed,
                    "caption_diff": d.caption_diff,
                }
                for d in diff.deltas
            ],
            "problems_introduced": [p.as_dict() for p in diff.introduced],
            "problems_fixed": [p.as_dict() for p in diff.fixed],
        },
        ensure_ascii=False,
        indent=2,
    )


def render_diff(diff: CalendarDiff, fmt: str) -> str:
    if fmt == "json":
        return render_json(diff)
    return render_markdown(diff, github=fmt == "github")
