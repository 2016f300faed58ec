"""Incremental builds: after any series of changes the site is byte-identical to a clean build.

The cache (`.almanac-cache/` in the workspace) keeps the last project and the engine's output;
unchanged pages are neither written again nor rendered again (their published file is the very
file of the previous build, a hard link), and a published site is never written into.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

import pytest

import generator
from generator.checking import parse_today
from generator.output_guard import MARKER, MARKER_TEXT
from generator.site_build import BuildOptions, build_site
from generator.site_engine.cache import CACHE_DIR

FIXTURE = Path(__file__).parent / "fixtures" / "site_ws"
REPO = Path(__file__).parent.parent
TODAY = "2026-11-21"
EDITED = "pain-doux/items/2026-11-20-brioche/index.html"
UNTOUCHED = "velo-vert/items/2026-11-22-atelier/index.html"


def build(root: Path, out: Path) -> Path:
    build_site(BuildOptions(root=root, today=parse_today(TODAY), output=out))
    return out


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def digest(root: Path) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in tree(root).items()}


def clean_build(ws: Path, out: Path) -> dict[str, bytes]:
    """The same workspace built from scratch: a copy without the cache."""
    fresh = out.parent / f"{out.name}-ws"
    shutil.copytree(ws, fresh, ignore=shutil.ignore_patterns(CACHE_DIR))
    return tree(build(fresh, out))


def assert_same(incremental: Path, clean: dict[str, bytes]) -> None:
    built = tree(incremental)
    assert built.keys() == clean.keys()
    assert [name for name in built if built[name] != clean[name]] == []


def cache_folder(ws: Path) -> str:
    """The one kind of build these tests make."""
    (folder,) = (ws / CACHE_DIR / "site").iterdir()
    return folder.name


def same_file(a: Path, b: Path) -> bool:
    return a.stat().st_ino == b.stat().st_ino


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(REPO / "calendar", root / "calendar")
    return root


def edit_rename_delete(ws: Path) -> None:
    posts = ws / "content/pain-doux/posts"
    brioche = posts / "2026-11-20-brioche.md"
    brioche.write_text(
        brioche.read_text(encoding="utf-8").replace("beurre AOP", "beurre de baratte"),
        encoding="utf-8",
    )
    (posts / "2026-11-23-galette.md").rename(posts / "2026-11-24-galette.md")
    (ws / "content/pain-doux/curated/article-pain.md").unlink()


def test_incremental_builds_equal_clean_builds(
    ws: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build(ws, tmp_path / "site1")
    published = digest(first)

    same = build(ws, tmp_path / "site2")  # nothing changed: no page rendered again
    assert tree(same) == tree(first)
    assert same_file(same / EDITED, first / EDITED)

    edit_rename_delete(ws)
    edited = build(ws, tmp_path / "site3")
    assert_same(edited, clean_build(ws, tmp_path / "clean3"))
    assert "beurre de baratte" in (edited / EDITED).read_text(encoding="utf-8")
    assert not (edited / "pain-doux/items/article-pain").exists()
    assert (edited / "pain-doux/items/2026-11-24-galette/index.html").is_file()
    assert not same_file(edited / EDITED, first / EDITED)
    assert same_file(edited / UNTOUCHED, first / UNTOUCHED)  # not rendered again
    assert digest(first) == published  # a published site is never written into

    overrides = ws / "calendar/overrides"
    overrides.mkdir(exist_ok=True)
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}Template v2{% endblock %}\n',
        encoding="utf-8",
    )
    themed = build(ws, tmp_path / "site4")
    assert_same(themed, clean_build(ws, tmp_path / "clean4"))
    assert "Template v2" in (themed / UNTOUCHED).read_text(encoding="utf-8")

    monkeypatch.setattr(generator, "__version__", "99.0.0")  # an upgrade of Almanac
    upgraded = build(ws, tmp_path / "site5")
    assert_same(upgraded, clean_build(ws, tmp_path / "clean5"))
    assert not same_file(upgraded / UNTOUCHED, themed / UNTOUCHED)  # every page rendered again
    assert digest(first) == published


def test_cache_is_git_ignored_in_new_workspaces() -> None:
    ignored = (Path(generator.__file__).parent / "templates/workspace/gitignore.txt").read_text(
        encoding="utf-8"
    )
    assert f"/{CACHE_DIR}/" in ignored.splitlines()


def test_site_on_another_file_system_is_copied_not_linked(ws: Path) -> None:
    """Hard links cannot cross file systems: an output elsewhere gets plain copies."""
    shm = Path("/dev/shm")
    assert shm.stat().st_dev != ws.stat().st_dev  # a RAM file system, not the workspace's disk
    with tempfile.TemporaryDirectory(dir=shm) as scratch:
        out = build(ws, Path(scratch) / "site")
        assert (out / EDITED).is_file()
        published = tree(out)
        # the output guard marks every folder Almanac publishes; the cache's tree has no marker
        assert published.pop(MARKER) == MARKER_TEXT.encode()
        assert published == tree(ws / CACHE_DIR / "site" / cache_folder(ws) / "project/built")
