"""The generated project as a list of files with fingerprints, synced into a folder that persists.

Writing only the files whose content changed keeps the others' modification times, which is
what lets the engine skip the pages whose source did not change (MkDocs' `--dirty` build).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = "almanac-manifest.json"  # beside mkdocs.yml: what the folder holds, by fingerprint


@dataclass
class ProjectFiles:
    """What the project folder must hold: texts written by Almanac, files copied from disk."""

    texts: dict[str, bytes] = field(default_factory=dict)
    copies: dict[str, Path] = field(default_factory=dict)

    def add_text(self, rel: str, text: str) -> None:
        self.copies.pop(rel, None)
        self.texts[rel] = text.encode("utf-8")

    def add_copy(self, rel: str, source: Path) -> None:
        self.texts.pop(rel, None)
        self.copies[rel] = source

    def add_tree(self, rel: str, folder: Path) -> None:
        """Every file under `folder`, under `rel`; a later file of the same name wins."""
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                self.add_copy(f"{rel}/{path.relative_to(folder).as_posix()}", path)

    def fingerprints(self) -> dict[str, str]:
        """A fingerprint per file: the text's hash, a copied file's path, size and time."""
        prints = {rel: digest(data) for rel, data in self.texts.items()}
        for rel, source in self.copies.items():
            stat = source.stat()
            prints[rel] = f"file:{source.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
        return prints


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass(frozen=True)
class SyncResult:
    """Which files changed (written again) and which went away since the last sync."""

    changed: set[str]
    removed: set[str]


def read_manifest(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def sync_project(files: ProjectFiles, folder: Path) -> SyncResult:
    """Make `folder` hold exactly `files`, touching only what differs from the last sync."""
    before = read_manifest(folder)
    (folder / MANIFEST).unlink(missing_ok=True)  # an interrupted sync must not be trusted
    after = files.fingerprints()
    changed = {rel for rel, mark in after.items() if before.get(rel) != mark}
    changed |= {rel for rel in after if rel not in changed and not (folder / rel).is_file()}
    removed = set(before) - set(after)
    for rel in sorted(removed):
        (folder / rel).unlink(missing_ok=True)
    for rel in sorted(changed):
        write_file(folder / rel, files.texts.get(rel), files.copies.get(rel))
    (folder / MANIFEST).write_text(json.dumps(after, sort_keys=True), encoding="utf-8")
    return SyncResult(changed, removed)


def write_file(target: Path, data: bytes | None, source: Path | None) -> None:
    """Write as a new file (never into a file another folder may link to)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    if data is not None:
        target.write_bytes(data)
    elif source is not None:
        shutil.copyfile(source, target)


def link_tree(source: Path, target: Path) -> None:
    """A copy of `source` made of hard links: instant, and later builds never write into them.

    Where links cannot be made (the output on another file system), files are copied.
    """
    link: bool = True
    for folder, _, names in os.walk(source):
        here = Path(folder)
        there = target / here.relative_to(source)
        there.mkdir(parents=True, exist_ok=True)
        for name in names:
            if link:
                try:
                    os.link(here / name, there / name)
                    continue
                except OSError:
                    link = False
            shutil.copy2(here / name, there / name)
