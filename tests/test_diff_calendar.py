"""`almanac diff` on real repositories: items, reschedules, statuses, captions, problems."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from history_helpers import APPROVER, GitRepo, new_workspace, post_text

from generator.checking import parse_today
from generator.cli import main
from generator.repo.calendar_diff import build_diff, render_markdown, word_diff

A = "content/fournil/posts/2026-10-05-a.md"
B = "content/fournil/posts/2026-10-06-b.md"
C = "content/fournil/posts/2026-10-07-c.md"
TODAY = parse_today("2026-11-21")


@pytest.fixture
def pr(tmp_path: Path) -> GitRepo:
    """main with A, B, C; a branch that reschedules A, approves B, rewords C, adds D, removes
    nothing, and breaks a field of a new item E."""
    repo = new_workspace(tmp_path / "ws")
    repo.put("A", A, post_text("Alpha", status="in_review"))
    repo.put("B", B, post_text("Beta | pipe", status="in_review"))
    repo.put("C", C, post_text("Gamma", caption="Le pain du jour est prêt dès sept heures."))
    repo.git("checkout", "-q", "-b", "pr")
    repo.put("Move A", A, post_text("Alpha", status="in_review", publish_at="2026-10-12 08:00"))
    repo.put("Approve B", B, post_text("Beta | pipe", status="approved"), who=APPROVER)
    repo.put("Reword C", C, post_text("Gamma", caption="Le pain du jour est prêt dès six heures."))
    repo.git("rm", "-q", "--", A.replace("a.md", "a.md"))
    repo.commit("Remove A")
    repo.put("Add D", "content/fournil/posts/2026-10-20-d.md", post_text("<b>Delta</b>"))
    repo.put(
        "Add broken E",
        "content/fournil/posts/2026-10-21-e.md",
        post_text("Epsilon", status="maybe"),
    )
    return repo


def test_diff_between_commits(pr: GitRepo) -> None:
    diff = build_diff(pr.root, "main", "pr", TODAY)
    kinds = {d.state.uid: d.change for d in diff.deltas}
    assert kinds == {
        "fournil/post/2026-10-05-a": "removed",
        "fournil/post/2026-10-06-b": "changed",
        "fournil/post/2026-10-07-c": "changed",
        "fournil/post/2026-10-20-d": "added",
    }
    assert ("content/fournil/posts/2026-10-21-e.md", "schema.invalid") in {
        (p.path, p.rule) for p in diff.introduced
    }
    assert not any("2026-10-21-e.md" in p.path for p in diff.fixed)
    text = render_markdown(diff)
    assert "| fournil/post/2026-10-06-b | Beta \\| pipe | in\\_review | approved |" in text
    assert "~~sept~~ **six**" in text
    assert "\\<b\\>Delta\\</b\\>" in text and "<b>" not in text
    assert f"### Problems introduced ({len(diff.introduced)})" in text


def test_reschedule_old_to_new_time(pr: GitRepo) -> None:
    pr.git("checkout", "-q", "main")
    pr.git("checkout", "-q", "-b", "move")
    pr.put("Move A", A, post_text("Alpha", status="in_review", publish_at="2026-10-12 08:00"))
    text = render_markdown(build_diff(pr.root, "main", "move", TODAY))
    assert "| fournil/post/2026-10-05-a | Alpha | 2026-10-05 12:30 | 2026-10-12 08:00 |" in text
    assert "### Rescheduled (1)" in text


def test_working_tree_is_the_default_head_and_fixes_count(pr: GitRepo) -> None:
    pr.write("content/fournil/posts/2026-10-21-e.md", post_text("Epsilon", status="draft"))
    diff = build_diff(pr.root, "main", None, TODAY)
    assert diff.head == "working tree"
    assert "schema.invalid" not in {p.rule for p in diff.introduced}
    fixed = build_diff(pr.root, "pr", None, TODAY).fixed
    assert "schema.invalid" in {p.rule for p in fixed}


def test_cli_formats(pr: GitRepo, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--workspace", str(pr.root), "diff", "main", "pr", "--today", "2026-11-21"]
    assert main([*args, "--format", "github"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!-- almanac-diff -->\n## Calendar changes: main")
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {i["change"] for i in data["items"]} == {"added", "removed", "changed"}


def test_refs_are_never_options(pr: GitRepo, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--workspace", str(pr.root), "diff", "--", "--output=/tmp/x"]) == 2
    assert "cannot start with '-'" in capsys.readouterr().err
    assert main(["--workspace", str(pr.root), "diff", "no-such-branch"]) == 2
    assert "not a commit" in capsys.readouterr().err


def test_base_without_a_workspace_adds_everything(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "ws")
    repo.write("README.md", "hello\n")
    repo.commit("Before Almanac")
    repo.write("almanac.yml", "name: Late\n")
    repo.write(
        "content/fournil/client.yml",
        (Path(__file__).parent / "history_helpers.py")
        .read_text(encoding="utf-8")
        .split('CLIENT_YML = """\\\n')[1]
        .split('"""')[0],
    )
    repo.write(A, post_text())
    repo.commit("Start")
    diff = build_diff(repo.root, "HEAD~1", "HEAD", TODAY)
    assert [d.change for d in diff.deltas] == ["added"]


def test_shallow_clone_missing_base(
    pr: GitRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clone = tmp_path / "clone"
    pr.git("clone", "-q", "--depth", "1", "--branch", "pr", f"file://{pr.root}", str(clone))
    assert main(["--workspace", str(clone), "diff", "HEAD~1", "HEAD"]) == 2
    assert "shallow clone" in capsys.readouterr().err
    assert main(["--workspace", str(clone), "diff", "HEAD"]) == 0
    assert "shallow clone" in capsys.readouterr().out


def test_word_diff_is_short() -> None:
    old = " ".join(f"w{i}" for i in range(200))
    new = old.replace("w100", "changed")
    text = word_diff(old, new)
    assert "~~w100~~ **changed**" in text
    assert len(text.split()) <= 41 and "w5 " not in text


def test_word_diff_never_leaves_a_marker_open() -> None:
    old = " ".join(f"old{i}" for i in range(60))
    new = " ".join(f"new{i}" for i in range(60))
    text = word_diff(old, new, limit=40)
    assert text.endswith(" …")
    assert text.count("~~") % 2 == 0 and text.count("**") % 2 == 0
    assert text.startswith("~~old0") and "old39~~" in text
