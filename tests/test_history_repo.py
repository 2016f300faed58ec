"""History read from real repositories: authors, changes, status changes, merges, renames."""

from __future__ import annotations

from pathlib import Path

import pytest
from history_helpers import APPROVER, OUTSIDER, WRITER, GitRepo, new_workspace, post_text

from generator.problems import AlmanacError
from generator.repo.history import item_uid, load_history, read_facets, read_version

POST = "content/fournil/posts/2026-10-05-croissants.md"


def test_creation_changes_and_status_changes(tmp_path: Path) -> None:
    repo = new_workspace(tmp_path / "ws")
    created = repo.put("New post", POST, post_text(), when="2026-09-10T10:00:00+02:00")
    repo.put("Ready for review", POST, post_text(status="in_review"))
    repo.put("Fix caption", POST, post_text(status="in_review", caption="Nouveau texte."))
    history = load_history(repo.root).item(POST)
    assert history is not None
    assert history.created.commit.sha == created
    assert history.created.commit.author.name == WRITER[0]
    assert history.created.commit.authored_at.isoformat() == "2026-09-10T10:00:00+02:00"
    assert [c.action for c in history.changes] == ["created", "modified", "modified"]
    assert [(c.status_before, c.status_after) for c in history.status_changes] == [
        (None, "draft"),
        ("draft", "in_review"),
    ]
    assert history.changes[2].fields == ("caption",)
    assert history.changes[1].fields == ("status",)


def test_status_change_through_a_merge_names_the_merge_commit(tmp_path: Path) -> None:
    repo = new_workspace(tmp_path / "ws")
    repo.put("New post", POST, post_text(status="in_review"))
    repo.git("checkout", "-q", "-b", "review")
    approval = repo.put("Approve", POST, post_text(status="approved"), who=APPROVER)
    repo.git("checkout", "-q", "main")
    repo.put("Other work", "content/fournil/posts/2026-10-09-pain.md", post_text("Pain"))
    repo.git("merge", "-q", "--no-ff", "review", "-m", "Merge pull request #1", who=OUTSIDER)
    merge = repo.git("rev-parse", "HEAD").strip()
    history = load_history(repo.root).item(POST)
    assert history is not None
    change = history.status_changes[-1]
    assert (change.commit.sha, change.commit.author.name) == (approval, APPROVER[0])
    assert change.merge is not None and change.merge.sha == merge
    assert change.merge.author.name == OUTSIDER[0]
    assert history.created.merge is None  # committed on the main line itself


def test_renames_keep_the_history(tmp_path: Path) -> None:
    repo = new_workspace(tmp_path / "ws")
    repo.put("New post", POST, post_text())
    repo.git("mv", "--", POST, "content/fournil/posts/-dash.md")
    repo.commit("Rename to a name starting with a dash")
    history = load_history(repo.root)
    assert POST not in history.items
    moved = history.item("content/fournil/posts/-dash.md")
    assert moved is not None
    assert [c.action for c in moved.changes] == ["created", "renamed"]
    assert moved.changes[1].fields == ("path",)


def test_deleted_items_leave_the_history(tmp_path: Path) -> None:
    repo = new_workspace(tmp_path / "ws")
    repo.put("New post", POST, post_text())
    repo.git("rm", "-q", "--", POST)
    repo.commit("Drop it")
    assert load_history(repo.root).items == {}


def test_mailmap_gives_the_canonical_identity(tmp_path: Path) -> None:
    repo = new_workspace(tmp_path / "ws")
    repo.put("Old identity", POST, post_text(), who=("J. B.", "jb@old.example"))
    repo.put("Mailmap", ".mailmap", "Jeanne Brand <jeanne@fournil.example> <jb@old.example>\n")
    author = load_history(repo.root).item(POST).created.commit.author  # type: ignore[union-attr]
    assert (author.name, author.email) == APPROVER


def test_workspace_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write("agency/almanac.yml", "name: Sub\n")
    repo.write("agency/" + POST, post_text())
    repo.write("other/content/x/posts/a.md", post_text())
    repo.commit("Workspace in a folder")
    history = load_history(repo.root / "agency")
    assert list(history.items) == [POST]


def test_outside_git_and_without_commits(tmp_path: Path) -> None:
    (tmp_path / "plain").mkdir()
    with pytest.raises(AlmanacError, match="not inside a git repository"):
        load_history(tmp_path / "plain")
    GitRepo(tmp_path / "empty")
    with pytest.raises(AlmanacError, match="no commits yet"):
        load_history(tmp_path / "empty")


def test_shallow_clone_is_refused_with_a_hint(tmp_path: Path) -> None:
    repo = new_workspace(tmp_path / "ws")
    repo.put("One", POST, post_text())
    repo.put("Two", POST, post_text(status="in_review"))
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone))
    with pytest.raises(AlmanacError, match="shallow clone.*fetch-depth: 0"):
        load_history(clone)


def test_item_uid_and_facets() -> None:
    assert item_uid("content/a/posts/x.md") == "a/post/x"
    assert item_uid("content/a/curated/deep/y.md") == "a/curated/y"
    assert item_uid("content/a/months/2026-10.md") is None
    assert item_uid("content/_events/posts/x.md") is None
    raw = "\ufeff---\r\nstatus: approved\r\nplatforms: [x]\r\n---\r\nHi\r\n".encode()
    facets = read_version(raw)
    assert (facets.status, facets.platforms, facets.readable) == ("approved", ("x",), True)
    assert not read_facets("no front matter").readable


def test_history_reads_versions_as_strictly_as_the_loader() -> None:
    """A version the loader refuses is unreadable to the history too: nothing is guessed."""
    twice = b"---\nstatus: draft\nstatus: approved\n---\nHi\n"
    assert not read_version(twice).readable
    anchored = b"---\nstatus: &s approved\nplatforms: [x]\n---\nHi\n"
    assert not read_version(anchored).readable
    assert not read_version(b"---\nstatus: approved\n---\nCaf\xe9\n").readable
    # scalars come back as the loader reads them: times stay text, numbers are not guessed
    facets = read_version(b"---\nstatus: approved\npublish_at: 2026-12-01 10:00\n---\nHi\n")
    assert (facets.status, facets.when, facets.readable) == ("approved", "2026-12-01 10:00", True)
