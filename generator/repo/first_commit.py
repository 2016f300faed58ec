"""`almanac init`'s git step: a new repository with a first commit, never inside another one.

This is the one place that writes to git, and it only ever runs `git init`, `git add` and
`git commit` in a folder `init` has just created or filled. Approvals are read from history,
so a workspace is meant to live in git from its first minute.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

FIRST_MESSAGE = "Start the workspace with almanac init"


@dataclass(frozen=True)
class GitOutcome:
    """What the git step did, as one sentence for the user."""

    message: str
    committed: bool = False


def git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """One git command in `folder`; our own fixed arguments only, never user strings."""
    return subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, check=False, timeout=120
    )


def enclosing_repo(folder: Path) -> Path | None:
    """The top of the git work tree holding `folder`, or None."""
    result = git(folder, "rev-parse", "--show-toplevel")
    return Path(result.stdout.strip()) if result.returncode == 0 else None


def init_repository(folder: Path) -> GitOutcome:
    """`git init` + a first commit of everything in `folder`, unless it is already in git."""
    if shutil.which("git") is None:
        return GitOutcome(
            "git is not installed: no repository was made (install git, then `git init` here)"
        )
    outer = enclosing_repo(folder)
    if outer is not None:
        return GitOutcome(
            f"{folder} is inside the git repository {outer}: nothing was "
            "committed; add and commit the new files there when ready"
        )
    # the workflows `init` writes (.github/workflows/) run on pushes to `main`
    made = git(folder, "init", "--quiet", "--initial-branch=main")
    if made.returncode != 0:
        return GitOutcome(f"git init failed: {made.stderr.strip()}")
    git(folder, "add", "--all")
    commit = git(folder, "commit", "--quiet", "--message", FIRST_MESSAGE)
    if commit.returncode != 0:
        detail = commit.stderr.strip().splitlines()
        reason = detail[-1] if detail else "git commit failed"
        return GitOutcome(
            f"made a git repository; the first commit failed ({reason}): "
            "set `git config user.name` and `user.email`, then "
            "`git add --all && git commit`"
        )
    head = git(folder, "rev-parse", "--short", "HEAD").stdout.strip()
    return GitOutcome(f"made a git repository with a first commit ({head})", committed=True)
