"""The git history and approval audit of the loaded items, read once by the load stage.

`load_workspace(history=True)` puts a `WorkspaceHistory` on the workspace: the site's history
sections and approval pages read it from there and never run git themselves. Git trouble
(no repository, no commit, a shallow clone) is not an error here, only the reason why there
is nothing to show: the site is still worth building without it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.problems import AlmanacError
from generator.repo.approvals import ApprovalRecord, audit_approvals
from generator.repo.git_repo import head_commit, is_shallow, open_repo
from generator.repo.history import ItemHistory, load_history

if TYPE_CHECKING:
    from pathlib import Path

    from generator.content.model import Workspace


@dataclass
class WorkspaceHistory:
    """What git says about the loaded items, or why it says nothing (`missing`)."""

    items: dict[str, ItemHistory] = field(default_factory=dict)  # by workspace-relative path
    records: dict[str, ApprovalRecord] = field(default_factory=dict)  # by item uid
    missing: str | None = None  # not_git, no_commits, shallow or git_error


def history_missing(root: Path) -> str | None:
    """Why git has no history to give (not_git, no_commits, shallow), None when it has."""
    try:
        repo = open_repo(root)
    except AlmanacError:
        return "not_git"
    try:
        head_commit(repo)
    except AlmanacError:
        return "no_commits"
    try:
        return "shallow" if is_shallow(repo) else None
    except AlmanacError:
        return "git_error"


def load_workspace_history(ws: Workspace) -> WorkspaceHistory:
    """The loaded items' history and approval audit; git trouble is only a reason given."""
    missing = history_missing(ws.root)
    if missing is not None:
        return WorkspaceHistory(missing=missing)
    try:
        history = load_history(ws.root)
        records = audit_approvals(ws, history)  # the loaded clients only
    except (AlmanacError, OSError, ValueError):
        return WorkspaceHistory(missing="git_error")
    # only the loaded items: a one-client load carries no other client's history
    paths = {item.source.rel for item in ws.items()}
    return WorkspaceHistory({p: h for p, h in history.items.items() if p in paths}, records)
