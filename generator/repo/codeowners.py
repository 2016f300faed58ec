"""`.github/CODEOWNERS` from each client's approvers, so their review is required."""

from __future__ import annotations

import re
from pathlib import Path

from generator.atomic import write_atomic
from generator.content import Workspace
from generator.content.model import ClientData
from generator.problems import AlmanacError

HEADER = (
    "# Written by `almanac codeowners` from content/*/client.yml (approvers' `github`).\n"
    "# Do not edit by hand: change client.yml and run the command again.\n"
)
_GITHUB_NAME = re.compile(r"^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]+)?$")


def find_repo_root(root: Path) -> Path:
    """The folder holding `.git` at or above the workspace (CODEOWNERS paths start there)."""
    for folder in [root.resolve(), *root.resolve().parents]:
        if (folder / ".git").exists():
            return folder
    return root.resolve()


def build_codeowners(ws: Workspace, repo_root: Path) -> str:
    """The CODEOWNERS text: one line per client with approvers on GitHub, sorted by slug."""
    prefix = ws.root.resolve().relative_to(repo_root).as_posix()
    base = "" if prefix == "." else f"/{prefix}"
    lines = [HEADER]
    for slug in sorted(ws.clients):
        owners = validate_owners(ws.clients[slug])
        if owners:
            lines.append(f"{base}/content/{_escape_path(slug)}/ {' '.join(owners)}\n")
    return "".join(lines)


def validate_owners(client: ClientData) -> list[str]:
    """The client's approvers' GitHub names as CODEOWNERS writes them, each once."""
    owners: list[str] = []
    for index, approver in enumerate(client.config.approvers):
        name = approver.github
        if not name:
            continue
        if not _GITHUB_NAME.match(name.strip()):
            raise AlmanacError(
                f"`{name}` is not a GitHub user or team name (approver of "
                f"`{client.slug}`): write it as jeanne-martin or org/team",
                path=client.source.rel,
                line=client.source.line_of("approvers", index, "github"),
            )
        owner = "@" + name.strip().lstrip("@")
        if owner not in owners:
            owners.append(owner)
    return owners


def _escape_path(slug: str) -> str:
    return slug.replace(" ", "\\ ")


def write_codeowners(target: Path, text: str) -> bool:
    """Write atomically; False when already up to date."""
    return write_atomic(target, text.encode("utf-8"))
