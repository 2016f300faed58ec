"""The forge hosting the repository (GitHub, GitLab, Gitea/Forgejo) and addresses on it.

Only addresses are made here, never requests: the site links to the forge's list of open pull
requests naming an item's file and to a new issue pre-filled with what the reviewer wants
changed, so a build needs no network and no token. The forge is `forge:`/`repo_url:` in
almanac.yml, else the git remote; credentials written into a remote address are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import quote, urlencode, urlsplit

from generator.repo.git_repo import remote_address, repository_prefix
from generator.schema.settings import Settings

ForgeKind = Literal["github", "gitlab", "gitea"]
KINDS: tuple[ForgeKind, ...] = ("github", "gitlab", "gitea")
# hosts whose name says which forge they run; a self-hosted one is named in almanac.yml
KNOWN_HOSTS: dict[str, ForgeKind] = {
    "github.com": "github",
    "gitlab.com": "gitlab",
    "codeberg.org": "gitea",  # Forgejo, Gitea's fork: same addresses
    "gitea.com": "gitea",
}
_SCP_LIKE = re.compile(r"^(?:[^@/]+@)?(?P<host>[^:/]+):(?P<path>(?!/)[^\s]+)$")


@dataclass(frozen=True)
class Forge:
    """A repository on a forge: which software, and its web address (no trailing slash)."""

    kind: ForgeKind
    url: str
    prefix: str = ""  # where the workspace sits in the repository, "" or ending with "/"

    def file_path(self, rel: str) -> str:
        """A workspace file's path in the repository, as the forge shows it."""
        return self.prefix + rel

    def pull_requests(self, query: str) -> str:
        """The forge's list of open pull (merge) requests whose text names `query`."""
        if self.kind == "github":
            return f"{self.url}/pulls?" + _query({"q": f"is:pr is:open {query}"})
        if self.kind == "gitlab":
            return f"{self.url}/-/merge_requests?" + _query({"state": "opened", "search": query})
        return f"{self.url}/pulls?" + _query({"state": "open", "q": query})

    def new_issue(self, title: str, body: str) -> str:
        """A new issue with its title and description already written."""
        if self.kind == "gitlab":
            fields = {"issue[title]": title, "issue[description]": body}
            return f"{self.url}/-/issues/new?" + _query(fields)
        return f"{self.url}/issues/new?" + _query({"title": title, "body": body})


def _query(fields: dict[str, str]) -> str:
    return urlencode(fields, quote_via=quote)


def web_address(remote: str) -> tuple[str, str] | None:
    """(host, web address) of a repository from its remote or web address, no credentials.

    Reads `https://host/owner/repo(.git)` (an http one keeps its scheme and port),
    `ssh://git@host:22/owner/repo.git` and the scp-like `git@host:owner/repo.git` (both seen
    on the web at https://host/owner/repo); anything else (a local path, file://) is None.
    """
    text = remote.strip()
    scp = _SCP_LIKE.match(text) if "://" not in text else None
    if scp:
        host = scp.group("host").lower()
        return _repository(host, f"https://{host}", scp.group("path"))
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https", "ssh", "git") or not parts.hostname:
        return None
    host = parts.hostname.lower()  # the host alone: no user name, password or token
    if parts.scheme in ("http", "https"):
        port = f":{parts.port}" if parts.port is not None else ""
        return _repository(host, f"{parts.scheme}://{host}{port}", parts.path)
    return _repository(host, f"https://{host}", parts.path)  # ssh's port is not the web's


def _repository(host: str, base: str, path: str) -> tuple[str, str] | None:
    path = path.strip("/").removesuffix(".git").strip("/")
    if path.count("/") < 1 or any(c.isspace() or c in "?#" for c in path):
        return None
    return host, f"{base}/{path}"


def detect_forge(address: str | None, kind: ForgeKind | None = None) -> Forge | None:
    """The forge of a repository address; `kind` names it when the host does not tell."""
    if not address:
        return None
    found = web_address(address)
    if found is None:
        return None
    host, url = found
    # a self-hosted forge is often named after its software: gitlab.example.org
    guessed = KNOWN_HOSTS.get(host) or next((k for k in KINDS if k in host.split(".")[0]), None)
    chosen = kind or guessed
    return Forge(chosen, url) if chosen else None


def find_forge(root: Path, settings: Settings) -> Forge | None:
    """The workspace's forge: almanac.yml's `repo_url` (and `forge`), else the git remote."""
    forge = detect_forge(settings.repo_url or remote_address(root), settings.forge)
    if forge is None:
        return None
    return Forge(forge.kind, forge.url, repository_prefix(root))
