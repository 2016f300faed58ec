"""Forge addresses: which forge, its web address without credentials, pull requests and issues."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from history_helpers import new_workspace

from generator.repo.forge import Forge, detect_forge, find_forge
from generator.schema.settings import Settings


@pytest.mark.parametrize(
    ("remote", "kind", "url"),
    [
        (
            "https://github.com/maree-haute/almanac",
            "github",
            "https://github.com/maree-haute/almanac",
        ),
        ("git@github.com:o/r.git", "github", "https://github.com/o/r"),
        ("https://x-access-token:ghp_abc@github.com/o/r.git", "github", "https://github.com/o/r"),
        (
            "ssh://git@gitlab.example.org:2222/g/sub/p.git",
            "gitlab",
            "https://gitlab.example.org/g/sub/p",
        ),
        ("https://gitlab.com/g/p/", "gitlab", "https://gitlab.com/g/p"),
        ("http://gitea.local:3000/team/site", "gitea", "http://gitea.local:3000/team/site"),
        ("https://codeberg.org/a/b.git", "gitea", "https://codeberg.org/a/b"),
    ],
)
def test_known_forges_from_remotes(remote: str, kind: str, url: str) -> None:
    assert detect_forge(remote) == Forge(kind, url)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "remote",
    ["/srv/git/plan.git", "file:///srv/git/plan", "https://example.org/", "", "ftp://h/a/b"],
)
def test_no_forge_for_local_or_odd_addresses(remote: str) -> None:
    assert detect_forge(remote, "github") is None


def test_unknown_host_needs_the_forge_setting() -> None:
    assert detect_forge("https://forge.example.org/agence/plan") is None
    found = detect_forge("https://forge.example.org/agence/plan", "gitea")
    assert found == Forge("gitea", "https://forge.example.org/agence/plan")


def test_addresses_on_each_forge() -> None:
    title, body = "Changes: été & co", "Line 1\nFile: content/a b.md"
    github = Forge("github", "https://github.com/o/r")
    assert parse_qs(urlsplit(github.new_issue(title, body)).query) == {
        "title": [title],
        "body": [body],
    }
    assert (
        github.pull_requests("x.md") == "https://github.com/o/r/pulls?q=is%3Apr%20is%3Aopen%20x.md"
    )
    gitlab = Forge("gitlab", "https://gitlab.com/g/p")
    issue = gitlab.new_issue(title, body)
    assert issue.startswith("https://gitlab.com/g/p/-/issues/new?")
    assert parse_qs(urlsplit(issue).query)["issue[description]"] == [body]
    assert gitlab.pull_requests("x.md").endswith("/-/merge_requests?state=opened&search=x.md")
    gitea = Forge("gitea", "https://codeberg.org/a/b")
    assert gitea.new_issue("t", "b") == "https://codeberg.org/a/b/issues/new?title=t&body=b"
    assert gitea.pull_requests("x.md") == "https://codeberg.org/a/b/pulls?state=open&q=x.md"


def test_settings_win_over_the_remote_and_the_workspace_prefix_is_kept(tmp_path: Path) -> None:
    repo = new_workspace(tmp_path / "repo" / "plan")  # a workspace at the repository's top
    repo.git("remote", "add", "origin", "git@gitlab.com:agence/plan.git")
    assert find_forge(repo.root, Settings(name="A")) == Forge(
        "gitlab", "https://gitlab.com/agence/plan"
    )
    chosen = Settings(name="A", repo_url="https://git.agence.example/x/plan", forge="gitea")
    assert find_forge(repo.root, chosen) == Forge("gitea", "https://git.agence.example/x/plan")
    inner = repo.root / "workspace"
    inner.mkdir()
    found = find_forge(inner, Settings(name="A"))
    assert found is not None and found.file_path("content/a.md") == "workspace/content/a.md"
    assert find_forge(tmp_path / "repo", Settings(name="A")) is None  # not in git, no repo_url
