"""The approval audit on real repositories: approvers, outsiders, merges, later edits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from history_helpers import APPROVER, OUTSIDER, WRITER, GitRepo, new_workspace, post_text

from generator.cli import main
from generator.content import load_workspace
from generator.repo.approvals import ApprovalRecord, audit_approvals
from generator.repo.history import load_history

A = "content/fournil/posts/2026-10-05-a.md"
B = "content/fournil/posts/2026-10-06-b.md"
C = "content/fournil/posts/2026-10-07-c.md"
D = "content/fournil/posts/2026-10-08-d.md"
E = "content/fournil/posts/2026-10-09-e.md"
CONTEST = "content/fournil/contests/noel.md"
CONTEST_TEXT = """\
---
title: Concours de Noël
platforms: [instagram]
status: {status}
starts: 2026-12-01 09:00
ends: 2026-12-15 20:00
---
Gagnez une bûche.
"""


def audit(root: Path) -> dict[str, ApprovalRecord]:
    ws, problems = load_workspace(root)
    assert not problems.errors(), problems.errors()
    return {r.path: r for r in audit_approvals(ws, load_history(root)).values()}


def rules(record: ApprovalRecord) -> list[str]:
    return [p.rule for p in record.problems]


@pytest.fixture
def story(tmp_path: Path) -> GitRepo:
    """A writer proposes, an approver approves via a merged branch, an outsider approves one,
    one item is edited after approval, one is approved by an old (mailmapped) identity."""
    repo = new_workspace(tmp_path / "ws")
    for path in (A, B, C, D):
        repo.put(f"Propose {path}", path, post_text(status="in_review"), who=WRITER)
    repo.git("checkout", "-q", "-b", "review")
    repo.put("Approve A", A, post_text(status="approved"), who=APPROVER)
    repo.git("checkout", "-q", "main")
    repo.git(
        "merge", "-q", "--no-ff", "review", "-m", "Merge pull request #1 from review", who=WRITER
    )
    repo.put("Schedule A", A, post_text(status="scheduled"), who=WRITER)
    repo.put("Approve B", B, post_text(status="approved"), who=OUTSIDER)
    repo.put("Approve C", C, post_text(status="approved"), who=APPROVER)
    repo.put("Tweak C", C, post_text(status="approved", caption="Autre texte !"), who=WRITER)
    repo.put("Approve D", D, post_text(status="approved"), who=("J. B.", "jb@old.example"))
    repo.put("Mailmap", ".mailmap", "Jeanne Brand <jeanne@fournil.example> <jb@old.example>\n")
    return repo


def test_each_case_is_reported(story: GitRepo) -> None:
    records = audit(story.root)
    assert set(records) == {A, B, C, D}
    a = records[A]
    assert a.ok and a.by_approver and a.approver is not None
    assert a.approved_by is not None and a.approved_by.name == APPROVER[0]
    assert a.approval is not None and a.approval.merge is not None
    assert a.approval.merge.subject == "Merge pull request #1 from review"
    assert rules(records[B]) == ["approval.not-approver"]
    assert records[B].approved_by is not None and records[B].approved_by.name == OUTSIDER[0]
    assert rules(records[C]) == ["approval.edited-after"]
    assert "caption" in records[C].problems[0].message
    assert records[C].edits_after[0].commit.author.name == WRITER[0]
    assert records[D].ok and records[D].approved_by is not None
    assert records[D].approved_by.email == APPROVER[1]


def test_status_only_changes_are_not_edits(story: GitRepo) -> None:
    record = audit(story.root)[A]
    assert record.edits_after == []
    assert record.history is not None
    assert [c.status_after for c in record.history.status_changes] == [
        "in_review",
        "approved",
        "scheduled",
    ]


def test_edit_on_a_parallel_branch_counts_as_after_approval(tmp_path: Path) -> None:
    repo = new_workspace(tmp_path / "ws")
    repo.put("Propose", E, post_text(status="in_review"))
    repo.git("checkout", "-q", "-b", "late-change")
    repo.put("Reschedule", E, post_text(status="in_review", publish_at="2026-10-10 08:00"))
    repo.git("checkout", "-q", "main")
    repo.put("Approve", E, post_text(status="approved"), who=APPROVER)
    repo.git("merge", "-q", "--no-ff", "late-change", "-m", "Merge late change")
    record = audit(repo.root)[E]
    assert rules(record) == ["approval.edited-after"]
    assert record.edits_after[0].fields == ("when",)
    assert record.edits_after[0].merge is not None


def test_uncommitted_approval_and_uncommitted_edit(tmp_path: Path) -> None:
    repo = new_workspace(tmp_path / "ws")
    repo.put("Propose", A, post_text(status="in_review"))
    repo.put("Approve", B, post_text(status="approved"), who=APPROVER)
    repo.write(A, post_text(status="approved"))
    repo.write(B, post_text(status="approved", platforms="[instagram, facebook]"))
    repo.write(C, post_text(status="approved"))
    records = audit(repo.root)
    assert rules(records[A]) == ["approval.missing"]
    assert "working copy" in records[A].problems[0].message
    assert rules(records[B]) == ["approval.edited-after"]
    assert "platforms" in records[B].problems[0].message
    assert rules(records[C]) == ["approval.missing"]


def test_contest_needs_its_own_approver(tmp_path: Path) -> None:
    repo = new_workspace(tmp_path / "ws")
    repo.put("Propose", CONTEST, CONTEST_TEXT.format(status="in_review"))
    repo.put("Approve", CONTEST, CONTEST_TEXT.format(status="approved"), who=APPROVER)
    record = audit(repo.root)["content/fournil/contests/noel.md"]
    assert rules(record) == ["approval.wrong-kind"]
    assert "Paul Lead" in record.problems[0].message
    repo.put("Approve again", CONTEST, CONTEST_TEXT.format(status="in_review"))
    repo.put(
        "Approve",
        CONTEST,
        CONTEST_TEXT.format(status="approved"),
        who=("Paul Lead", "paul@agency.example"),
    )
    assert audit(repo.root)["content/fournil/contests/noel.md"].ok


def test_cli_text_json_and_exit_codes(story: GitRepo, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--workspace", str(story.root), "approvals"]) == 1
    out = capsys.readouterr().out
    assert "approval.not-approver" in out and "edited after approval" in out
    # what changed, word by word, as git's --word-diff marks it
    assert "changed since approval, caption: [-Nos croissants du matin.-]{+Autre texte !+}" in out
    assert main(["--workspace", str(story.root), "approvals", "--format", "json"]) == 1
    data = {r["path"]: r for r in json.loads(capsys.readouterr().out)}
    assert data[A]["ok"] and data[A]["approval_merge"]
    assert data[C]["edited_after_approval"][0]["fields"] == ["caption"]
    assert data[C]["changes_since_approval"] == [
        {
            "part": "caption",
            "network": None,
            "segments": [["removed", "Nos croissants du matin."], ["added", "Autre texte !"]],
        }
    ]


def test_cli_clean_client_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = new_workspace(tmp_path / "ws")
    repo.put("Propose", A, post_text(status="in_review"))
    repo.put("Approve", A, post_text(status="approved"), who=APPROVER)
    assert main(["--workspace", str(repo.root), "approvals", "--client", "fournil"]) == 0
    assert "approved by Jeanne Brand" in capsys.readouterr().out


def test_cli_shallow_and_no_git(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = new_workspace(tmp_path / "ws")
    repo.put("Propose", A, post_text(status="approved"), who=APPROVER)
    repo.put("Again", A, post_text(status="approved", caption="x"), who=APPROVER)
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone))
    assert main(["--workspace", str(clone), "approvals"]) == 2
    assert "shallow clone" in capsys.readouterr().err
    plain = tmp_path / "plain"
    (plain / "content").mkdir(parents=True)
    (plain / "almanac.yml").write_text("name: Plain\n", encoding="utf-8")
    assert main(["--workspace", str(plain), "approvals"]) == 2
    assert "not inside a git repository" in capsys.readouterr().err
    assert main(["--workspace", str(plain), "check"]) == 0


def test_empty_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = GitRepo(tmp_path / "ws")
    repo.write("almanac.yml", "name: Empty\n")
    (repo.root / "content").mkdir()
    assert main(["--workspace", str(repo.root), "approvals"]) == 2
    assert "no commits yet" in capsys.readouterr().err


def test_conflict_resolved_in_the_merge_is_an_edit_by_the_merger(tmp_path: Path) -> None:
    repo = new_workspace(tmp_path / "ws")
    repo.put("Propose", E, post_text(status="in_review"))
    repo.git("checkout", "-q", "-b", "wording")
    repo.put("Reword", E, post_text(status="in_review", caption="Version branche."))
    repo.git("checkout", "-q", "main")
    repo.put("Approve", E, post_text(status="approved", caption="Version validée."), who=APPROVER)
    repo.repo.git.execute(["git", "merge", "-q", "--no-ff", "wording"], with_exceptions=False)
    repo.write(E, post_text(status="approved", caption="Version fusionnée."))
    repo.git("add", "--", E)
    repo.git("commit", "-q", "-m", "Merge wording", who=OUTSIDER)
    record = audit(repo.root)[E]
    authors = {c.commit.author.name for c in record.edits_after}
    assert authors == {WRITER[0], OUTSIDER[0]}
    merge_edit = next(c for c in record.edits_after if c.commit.author.name == OUTSIDER[0])
    assert merge_edit.fields == ("caption",)


def test_approved_by_claim_is_compared_with_git(tmp_path: Path) -> None:
    repo = new_workspace(tmp_path / "ws")
    claimed = post_text(status="approved").replace(
        "category: promo", "category: promo\napproved_by: [Jeanne Brand]"
    )
    repo.put("Propose", A, post_text(status="in_review"))
    repo.put("Approve for Jeanne", A, claimed, who=WRITER)
    repo.put("Propose", B, post_text(status="in_review"))
    repo.put("Approve", B, claimed.replace("Jeanne Brand", "paul-lead"), who=APPROVER)
    records = audit(repo.root)
    assert rules(records[A]) == ["approval.not-approver", "approval.claim-mismatch"]
    assert rules(records[B]) == ["approval.claim-mismatch"]
    assert records[B].ok  # a warning: the approver did approve
    mismatch = records[B].problems[0]
    assert (mismatch.line, mismatch.field) == (7, "approved_by")


def test_approvals_before_git_use_the_approved_by_field(tmp_path: Path) -> None:
    """Adopting Almanac: approvals given before `git_approvals_since` come from `approved_by`;
    edits after that day still count against them."""
    repo = new_workspace(tmp_path / "ws")
    repo.write(
        "almanac.yml",
        "version: 1\nname: Agence Test\ntimezone: Europe/Paris\ngit_approvals_since: 2026-10-01\n",
    )
    declared = post_text(status="approved").replace(
        "category: promo", "category: promo\napproved_by: [jeanne-b]"
    )
    repo.write(A, declared)
    repo.write(B, post_text(status="approved"))
    repo.write(C, declared.replace("approved_by: [jeanne-b]", "approved_by: [someone]"))
    repo.write(D, declared)
    repo.commit("Import the plan", who=WRITER, when="2026-09-15T10:00:00+02:00")
    repo.put(
        "Tweak D",
        D,
        declared.replace("Nos croissants", "Nos pains"),
        who=WRITER,
        when="2026-10-03T10:00:00+02:00",
    )
    records = audit(repo.root)
    assert records[A].ok and records[A].declared_by == ("jeanne-b",)
    assert records[A].approver is not None and records[A].approver.name == APPROVER[0]
    assert rules(records[B]) == ["approval.missing"]
    assert rules(records[C]) == ["approval.not-approver"]
    assert rules(records[D]) == ["approval.edited-after"]


def test_declared_approval_shows_on_the_item_page(tmp_path: Path) -> None:
    repo = new_workspace(tmp_path / "ws")
    repo.write(
        "almanac.yml",
        "version: 1\nname: Agence Test\ntimezone: Europe/Paris\ngit_approvals_since: 2026-10-01\n",
    )
    repo.write(
        A,
        post_text(status="approved").replace(
            "category: promo", "category: promo\napproved_by: [jeanne-b]"
        ),
    )
    repo.commit("Import the plan", who=WRITER, when="2026-09-15T10:00:00+02:00")
    assert main(["-w", str(repo.root), "build", "--today", "2026-09-20"]) == 0
    page = (repo.root / "site/fournil/items/2026-10-05-a/index.html").read_text(encoding="utf-8")
    assert "Validé avant le passage des validations dans git, par" in page
    assert "<strong>jeanne-b</strong>" in page


def test_approval_problems_point_at_the_status_line(story: GitRepo) -> None:
    """A problem is located where the reader fixes it: the `status:` line, not line 1."""
    problem = audit(story.root)[B].problems[0]
    assert (problem.path, problem.line, problem.field) == (B, 5, "status")
