"""Helpers for history, approval and diff tests: real git repositories built in tmp_path."""

from __future__ import annotations

import textwrap
from pathlib import Path

import git

WRITER = ("Camille Writer", "camille@agency.example")
APPROVER = ("Jeanne Brand", "jeanne@fournil.example")
OUTSIDER = ("Olivier Outsider", "olivier@elsewhere.example")

CLIENT_YML = """\
name: Fournil Test
locale: fr
timezone: Europe/Paris
platforms:
  instagram:
    handle: "@fournil"
  facebook:
    handle: fournil
approvers:
  - name: Jeanne Brand
    email: jeanne@fournil.example
    role: brand manager
    github: jeanne-b
  - name: Paul Lead
    email: paul@agency.example
    role: account lead
    github: paul-lead
    categories: [contest]
"""


def post_text(
    title: str = "Croissants",
    status: str = "draft",
    publish_at: str = "2026-10-05 12:30",
    caption: str = "Nos croissants du matin.",
    platforms: str = "[instagram]",
) -> str:
    return textwrap.dedent(f"""\
        ---
        title: {title}
        publish_at: {publish_at}
        platforms: {platforms}
        status: {status}
        category: promo
        ---
        {caption}
        """)


class GitRepo:
    """A workspace in a git repository, committed by named people."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.repo = git.Repo.init(root, initial_branch="main")

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def git(self, *args: str, who: tuple[str, str] = WRITER, when: str | None = None) -> str:
        env = {
            "GIT_AUTHOR_NAME": who[0],
            "GIT_AUTHOR_EMAIL": who[1],
            "GIT_COMMITTER_NAME": who[0],
            "GIT_COMMITTER_EMAIL": who[1],
        }
        if when:
            env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        return str(self.repo.git.execute(["git", *args], env=env))

    def commit(self, message: str, who: tuple[str, str] = WRITER, when: str | None = None) -> str:
        self.git("add", "-A", "--", ".")
        self.git("commit", "-q", "-m", message, who=who, when=when)
        return self.git("rev-parse", "HEAD").strip()

    def put(
        self,
        message: str,
        rel: str,
        text: str,
        who: tuple[str, str] = WRITER,
        when: str | None = None,
    ) -> str:
        self.write(rel, text)
        self.git("add", "--", rel)
        self.git("commit", "-q", "-m", message, who=who, when=when)
        return self.git("rev-parse", "HEAD").strip()


def new_workspace(root: Path) -> GitRepo:
    """A committed workspace with one client (approvers: Jeanne, Paul for contests)."""
    repo = GitRepo(root)
    repo.write("almanac.yml", "version: 1\nname: Agence Test\ntimezone: Europe/Paris\n")
    repo.write("content/fournil/client.yml", CLIENT_YML)
    repo.commit("Workspace", when="2026-09-01T09:00:00+02:00")
    return repo
