"""The site build cache: the last generated project and the engine's output, kept between builds.

It lives in `.almanac-cache/site/<variant>/` in the workspace (git-ignored), one folder per kind
of build (engine, client, page granularity, report previews), so a client site and the team site
do not undo each other's work. A build syncs the new project into it (only changed files are
written), removes the output of every changed or deleted source, and lets MkDocs rebuild just
those pages (`--dirty`). Anything else that could change every page — the settings and the
navigation in mkdocs.yml, theme overrides, Almanac's or the engines' versions — is in the stamp:
when the stamp differs, the engine's output is thrown away and built again from scratch.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import generator
from generator.site_engine.project import HOOKS
from generator.site_engine.project_files import SyncResult, read_manifest

CACHE_DIR = ".almanac-cache"
# What MkDocs writes on every build whatever changed; removed first so it is written anew
ENGINE_OUTPUTS = ("404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json")
ENGINE_PACKAGES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "zensical")


@dataclass(frozen=True)
class SiteCache:
    """One kind of build's folder in the cache."""

    folder: Path
    built_name: str

    @property
    def project(self) -> Path:
        return self.folder / "project"

    @property
    def built(self) -> Path:
        return self.project / self.built_name

    @property
    def stamp_file(self) -> Path:
        return self.folder / "stamp"

    @contextmanager
    def locked(self) -> Iterator[None]:
        """One build at a time per cache folder (`serve` and `build` may run together)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with (self.folder / "lock").open("w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def open_cache(root: Path, variant: dict[str, object], built_name: str) -> SiteCache:
    key = hashlib.blake2b(json.dumps(variant, sort_keys=True).encode(), digest_size=8).hexdigest()
    return SiteCache(root / CACHE_DIR / "site" / key, built_name)


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def engine_stamp(cache: SiteCache, engine: str) -> str:
    """What every page of the output depends on besides its own source."""
    manifest = read_manifest(cache.project)
    parts = {
        "engine": engine,
        "almanac": generator.__version__,
        "versions": {name: package_version(name) for name in ENGINE_PACKAGES},
        "hooks": hashlib.blake2b(HOOKS.read_bytes()).hexdigest(),
        "config": manifest.get("mkdocs.yml"),
        "overrides": {k: v for k, v in manifest.items() if k.startswith("overrides/")},
    }
    return hashlib.blake2b(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def output_of(rel: str) -> str | None:
    """Where the engine writes what it makes of the project file `rel` (None: not in docs/)."""
    if not rel.startswith("docs/"):
        return None
    source = rel.removeprefix("docs/")
    if source == "index.md" or source.endswith("/index.md"):
        return source.removesuffix("index.md") + "index.html"
    if source.endswith(".md"):
        return source.removesuffix(".md") + "/index.html"
    return source


def prepare_output(cache: SiteCache, engine: str, synced: SyncResult, stamp: str) -> bool:
    """Ready the engine's output folder; True when only the changed pages need building."""
    previous = cache.stamp_file.read_text(encoding="utf-8") if cache.stamp_file.is_file() else ""
    cache.stamp_file.unlink(missing_ok=True)  # stays absent until the engine succeeds
    if engine != "mkdocs" or previous != stamp or not cache.built.is_dir():
        shutil.rmtree(cache.built, ignore_errors=True)
        return False
    stale = [output_of(rel) for rel in synced.changed | synced.removed]
    for rel in [*ENGINE_OUTPUTS, *(s for s in stale if s)]:
        (cache.built / rel).unlink(missing_ok=True)
    gone = [output_of(rel) for rel in synced.removed]
    remove_empty_folders(cache.built, [cache.built / rel for rel in gone if rel])
    return True


def remove_empty_folders(root: Path, removed: list[Path]) -> None:
    """The folders left empty by removed outputs (a deleted page's folder), up to `root`."""
    for path in sorted(removed, key=lambda p: len(p.parts), reverse=True):
        folder = path.parent
        while folder != root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


def save_stamp(cache: SiteCache, stamp: str) -> None:
    cache.stamp_file.write_text(stamp, encoding="utf-8")
