"""The approval audit: who approved each item, whether they may, and what changed since."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.content import Workspace
from generator.content.model import AnyItem
from generator.frontmatter import SourceError, read_text
from generator.problems import Problem, Severity
from generator.repo.approval_diff import PartDiff, diff_versions
from generator.repo.history import (
    EDIT_FIELDS,
    Change,
    History,
    ItemHistory,
    Person,
    read_facets,
    read_versions,
)
from generator.schema.client import Approver
from generator.schema.common import APPROVED_OR_LATER

# the statuses as git history holds them (text), from the schema's own set
APPROVED = frozenset(status.value for status in APPROVED_OR_LATER)


@dataclass
class ApprovalRecord:
    """The audit of one approved, scheduled or published item."""

    uid: str
    path: str
    status: str
    category: str  # editorial category (promo…), whose approvers the policy names
    approval: Change | None = None
    approver: Approver | None = None
    edits_after: list[Change] = field(default_factory=list)
    uncommitted: tuple[str, ...] = ()
    history: ItemHistory | None = None
    problems: list[Problem] = field(default_factory=list)
    # approved before `git_approvals_since`: the front matter's `approved_by` is the record
    declared_by: tuple[str, ...] = ()
    # lines of the fields problems are about, so that they point where the fix goes
    lines: dict[str, int] = field(default_factory=dict)
    # what changed since the approved version, word by word (edited after approval only)
    changes: list[PartDiff] = field(default_factory=list)

    @property
    def approved_by(self) -> Person | None:
        return self.approval.commit.author if self.approval else None

    @property
    def by_approver(self) -> bool:
        return self.approver is not None and not any(
            p.rule in ("approval.not-approver", "approval.wrong-kind") for p in self.problems
        )

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)

    def as_dict(self) -> dict[str, object]:
        return {
            "uid": self.uid,
            "path": self.path,
            "status": self.status,
            "category": self.category,
            "approved_by": _person(self.approved_by),
            "approval_commit": self.approval.commit.sha if self.approval else None,
            "approved_at": (
                self.approval.commit.authored_at.isoformat() if self.approval else None
            ),
            "approval_merge": (
                self.approval.merge.sha if self.approval and self.approval.merge else None
            ),
            "by_approver": self.by_approver,
            "declared_before_git": list(self.declared_by),
            "approver_role": self.approver.role if self.approver else None,
            "edited_after_approval": [_change_dict(c) for c in self.edits_after],
            "uncommitted_changes": list(self.uncommitted),
            "changes_since_approval": [_part_dict(part) for part in self.changes],
            "ok": self.ok,
            "problems": [p.as_dict() for p in self.problems],
        }


def _person(person: Person | None) -> dict[str, str] | None:
    return {"name": person.name, "email": person.email} if person else None


def _part_dict(part: PartDiff) -> dict[str, object]:
    return {
        "part": part.part,
        "network": part.network,
        "segments": [[segment.op, segment.text] for segment in part.segments],
    }


def _change_dict(change: Change) -> dict[str, object]:
    return {
        "commit": change.commit.sha,
        "author": _person(change.commit.author),
        "at": change.commit.authored_at.isoformat(),
        "fields": list(change.fields),
        "merge": change.merge.sha if change.merge else None,
    }


def audit_approvals(
    ws: Workspace, history: History, client: str | None = None
) -> dict[str, ApprovalRecord]:
    """Audit every approved, scheduled or published post and contest, keyed by item uid."""
    records: dict[str, ApprovalRecord] = {}
    paths: dict[str, Path] = {}
    since = ws.settings.git_approvals_since
    for slug in sorted(ws.clients):
        if client is not None and slug != client:
            continue
        data = ws.clients[slug]
        for item in sorted(data.items, key=lambda i: i.uid):
            if item.spec.needs_approval and item.status in APPROVED:
                records[item.uid] = audit_item(item, data.config.approvers, history, since)
                paths[item.uid] = item.source.path
    attach_changes(records, paths, history)
    return records


def approved_blob(record: ApprovalRecord) -> str | None:
    """git's id of the version that was approved: the approval's, else (an approval declared
    before git) the version just before the first edit that came after it."""
    if record.approval is not None:
        return record.approval.blob or None
    if not record.edits_after or record.history is None:
        return None
    index = record.history.changes.index(record.edits_after[0])
    return record.history.changes[index - 1].blob or None if index else None


def attach_changes(
    records: dict[str, ApprovalRecord], paths: dict[str, Path], history: History
) -> None:
    """The word diff since approval of every item edited after it, from one git read."""
    edited = {
        uid: blob
        for uid, record in records.items()
        if (record.edits_after or uncommitted_edits(record))
        and (blob := approved_blob(record)) is not None
    }
    approved = read_versions(history.root, set(edited.values()))
    for uid, blob in edited.items():
        try:
            current = read_text(paths[uid])
        except (SourceError, OSError):
            continue  # unreadable now: `check` says why; the fields changed are still listed
        if blob in approved:
            records[uid].changes = diff_versions(approved[blob], current)


def uncommitted_edits(record: ApprovalRecord) -> list[str]:
    """Approved fields edited in the working copy (none when the status moves with them)."""
    if "status" in record.uncommitted:
        return []
    return [f for f in record.uncommitted if f in EDIT_FIELDS]


def audit_item(
    item: AnyItem, approvers: list[Approver], history: History, since: date | None = None
) -> ApprovalRecord:
    rel = item.source.rel
    record = ApprovalRecord(
        item.uid,
        rel,
        item.status,
        item.category,
        history=history.item(rel),
        lines={
            name: item.source.line_of(name)
            for name in ("status", "approved_by")
            if (name,) in item.source.lines
        },
    )
    if record.history is None:
        _problem(
            record,
            "approval.missing",
            "this item is marked "
            f"`{item.status}` but it is not committed: nobody approved it in git",
        )
        return record
    approval = find_approval(record.history)
    if since is not None and approved_before(record.history, approval, since):
        audit_declared(record, item, approvers, since)
        return record
    record.approval = approval
    record.uncommitted = uncommitted_fields(item, record.history)
    if record.approval is None:
        _problem(
            record,
            "approval.missing",
            f"no commit moved this item to `approved`: "
            f"its status is `{item.status}` only in your working copy"
            if "status" in record.uncommitted
            else "no commit moved this item to `approved`",
        )
        return record
    validate_approver(record, approvers)
    validate_claim(record, list(item.meta.approved_by))
    record.edits_after = edits_after(record.history, record.approval, history)
    report_edits(record)
    return record


def approved_before(history: ItemHistory, approval: Change | None, since: date) -> bool:
    """Whether the item reached approval (or was created approved) before git approvals began."""
    first = approval or (history.changes[0] if history.changes else None)
    return first is not None and first.commit.authored_at.date() < since


def audit_declared(
    record: ApprovalRecord, item: AnyItem, approvers: list[Approver], since: date
) -> None:
    """An approval given before git: the `approved_by` field is the record; later edits count."""
    claimed = [str(c) for c in item.meta.approved_by]
    record.declared_by = tuple(claimed)
    matched = [a for a in approvers if any(_names_match(c, a) for c in claimed)]
    record.approver = matched[0] if matched else None
    if not claimed:
        _problem(
            record,
            "approval.missing",
            f"approved before git approvals began ({since}) "
            "but `approved_by` is empty: say who approved it",
            on="approved_by",
        )
    elif approvers and not matched:
        _problem(
            record,
            "approval.not-approver",
            f"`approved_by` names {', '.join(claimed)}, who are not among the client's approvers",
            on="approved_by",
        )
    assert record.history is not None
    record.edits_after = [
        c for c in record.history.changes if c.is_edit and c.commit.authored_at.date() >= since
    ]
    report_edits(record)


def _claim_key(claim: str) -> str:
    """A name in `approved_by` as compared: no spaces around, no leading @, any case."""
    return claim.strip().lstrip("@").casefold()


def _names_match(claim: str, approver: Approver) -> bool:
    return _claim_key(claim) in {
        approver.name.casefold(),
        (approver.email or "").casefold(),
        (approver.github or "").lstrip("@").casefold(),
    }


def find_approval(history: ItemHistory) -> Change | None:
    """The last change that moved the item from before approval to approved or later."""
    found = None
    for change in history.changes:
        if change.status_after in APPROVED and change.status_before not in APPROVED:
            found = change
    return found


def edits_after(history: ItemHistory, approval: Change, graph: History) -> list[Change]:
    """Edits of caption, media, time or networks that the approval commit did not contain."""
    return [
        c
        for c in history.changes
        if c is not approval
        and c.is_edit
        and not graph.is_ancestor(c.commit.sha, approval.commit.sha)
    ]


def uncommitted_fields(item: AnyItem, history: ItemHistory) -> tuple[str, ...]:
    """Parts of the item that differ between the working copy and the last commit."""
    try:
        current = read_facets(read_text(item.source.path))
    except (SourceError, OSError):
        return ("status", *EDIT_FIELDS)
    return current.changed(history.facets)


def validate_approver(record: ApprovalRecord, approvers: list[Approver]) -> None:
    person = record.approved_by
    assert person is not None and record.approval is not None
    record.approver = match_approver(person, approvers)
    where = f"in {record.approval.commit.short}"
    if not approvers:
        _problem(
            record,
            "approval.no-approvers",
            f"approved by {person} {where}, but "
            "client.yml lists no approvers, so nobody's approval can be checked",
            Severity.WARNING,
        )
    elif record.approver is None:
        names = ", ".join(a.name for a in approvers)
        _problem(
            record,
            "approval.not-approver",
            f"approved by {person} {where}, who is not one of the client's approvers ({names})",
        )
    elif not may_approve(record.approver, record.category, approvers):
        required = ", ".join(a.name for a in approvers if record.category in a.categories)
        _problem(
            record,
            "approval.wrong-kind",
            f"approved by {person} {where}, but "
            f"`{record.category}` items must be approved by {required}",
        )


def validate_claim(record: ApprovalRecord, claimed: list[str]) -> None:
    """`approved_by` in the front matter should name the person git shows approving."""
    person = record.approved_by
    if not claimed or person is None or record.approval is None:
        return
    in_git = {person.name.casefold(), person.email.casefold()}
    approver = record.approver
    if not any(
        _claim_key(c) in in_git or (approver is not None and _names_match(c, approver))
        for c in claimed
    ):
        _problem(
            record,
            "approval.claim-mismatch",
            f"`approved_by` names "
            f"{', '.join(claimed)}, but git shows {person} moving it to approved in "
            f"{record.approval.commit.short}",
            Severity.WARNING,
            on="approved_by",
        )


def match_approver(person: Person, approvers: list[Approver]) -> Approver | None:
    """The approver with this email, else with this name (both compared case-insensitively)."""
    email = person.email.strip().casefold()
    for approver in approvers:
        if approver.email and approver.email.strip().casefold() == email:
            return approver
    name = " ".join(person.name.split()).casefold()
    for approver in approvers:
        if " ".join(approver.name.split()).casefold() == name:
            return approver
    return None


def may_approve(approver: Approver, category: str, approvers: list[Approver]) -> bool:
    """Categories listed by some approvers are theirs to approve; other ones, anyone's."""
    required = [a for a in approvers if category in a.categories]
    return not required or approver in required


def report_edits(record: ApprovalRecord) -> None:
    for change in record.edits_after:
        via = f" (merged in {change.merge.short})" if change.merge else ""
        _problem(
            record,
            "approval.edited-after",
            f"edited after approval: "
            f"{', '.join(f for f in change.fields if f in EDIT_FIELDS)} changed in "
            f"{change.commit.short} by {change.commit.author}{via} on "
            f"{change.commit.authored_at:%Y-%m-%d}; ask for approval again",
        )
    edited = uncommitted_edits(record)
    if edited:
        _problem(
            record,
            "approval.edited-after",
            f"edited after approval: {', '.join(edited)} "
            "changed in your working copy (not committed)",
        )


def _problem(
    record: ApprovalRecord,
    rule: str,
    message: str,
    severity: Severity = Severity.ERROR,
    on: str = "status",
) -> None:
    line = record.lines.get(on) or record.lines.get("status", 1)
    record.problems.append(Problem(record.path, line, on, rule, severity, message))


# --- output ---------------------------------------------------------------------------------


def format_text(records: dict[str, ApprovalRecord]) -> str:
    lines: list[str] = []
    for record in records.values():
        mark = "ok" if record.ok else "PROBLEM"
        lines.append(f"{record.path}  [{record.status}]  {mark}")
        if record.declared_by:
            lines.append(
                f"  approved before git approvals began, by "
                f"{', '.join(record.declared_by)} (from `approved_by`)"
            )
        if record.approval is not None:
            change = record.approval
            via = f" via merge {change.merge.short}" if change.merge else ""
            who = (
                f"approver ({record.approver.role or 'listed in client.yml'})"
                if record.by_approver and record.approver
                else "not an approver"
            )
            lines.append(
                f"  approved by {change.commit.author} in {change.commit.short}{via} "
                f"on {change.commit.authored_at:%Y-%m-%d %H:%M}: {who}"
            )
        lines.extend(f"  {p.severity.value} [{p.rule}]: {p.message}" for p in record.problems)
        lines.extend(word_diff_lines(record.changes))
    return "\n".join(lines)


WORD_DIFF_MARKS = {
    "removed": ("[-", "-]"),
    "added": ("{+", "+}"),
    "gap": ("", ""),
    "same": ("", ""),
}


def word_diff_lines(changes: list[PartDiff]) -> list[str]:
    """What changed since approval, one line per part, marked as `git diff --word-diff` does."""
    lines = []
    for part in changes:
        name = part.part + (f" ({part.network})" if part.network else "")
        text = "".join(
            f"{WORD_DIFF_MARKS[s.op][0]}{s.text}{WORD_DIFF_MARKS[s.op][1]}" for s in part.segments
        )
        lines.append(f"  changed since approval, {name}: " + text.replace("\n", "⏎ "))
    return lines


def format_json(records: dict[str, ApprovalRecord]) -> str:
    return json.dumps([r.as_dict() for r in records.values()], ensure_ascii=False, indent=2)


def summary_line(records: dict[str, ApprovalRecord]) -> str:
    bad = sum(1 for r in records.values() if not r.ok)
    return f"{len(records)} approved item(s) audited, {bad} with problems"
