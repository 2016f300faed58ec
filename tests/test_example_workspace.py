"""The shipped example workspace: big and varied enough to show every feature, and clean."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from generator.content import Workspace, load_workspace
from generator.content.kinds import CONTEST, CURATED, POST
from generator.schema.common import Status

CLIENTS = {"fournil-des-halles": "fr", "atelier-velo": "fr", "northwind-outdoor": "en"}
TODAY = "2026-11-21"


@pytest.fixture(scope="module")
def workspace(repo_root: Path) -> Workspace:
    ws, problems = load_workspace(repo_root)
    assert not problems.errors(), [p.message for p in problems.errors()]
    return ws


def test_clients_and_languages(workspace: Workspace) -> None:
    assert {slug: c.locale for slug, c in workspace.clients.items()} == CLIENTS
    assert sum(c.locale == "en" for c in workspace.clients.values()) == 1
    for client in workspace.clients.values():
        assert len(client.config.approvers) >= 2
        assert client.config.objectives and client.config.blackout


def test_posts_cover_every_network_and_status(workspace: Workspace) -> None:
    posts = POST.items(workspace.items())
    assert len(posts) >= 60
    networks = {p for post in posts for p in post.platforms}
    assert {"instagram", "facebook", "linkedin", "x", "tiktok"} <= networks
    for client in workspace.clients.values():
        statuses = {item.status for item in POST.items(client.items)}
        assert statuses == {s.value for s in Status}, client.slug
        # every network the client is on is used by its posts
        used = {p for item in POST.items(client.items) for p in item.platforms}
        assert used == {p.value for p in client.config.platforms}, client.slug


def test_posts_are_consistent_with_today(workspace: Workspace) -> None:
    for item in POST.items(workspace.items()):
        assert item.source.path.name.startswith(item.meta.publish_at.strftime("%Y-%m-%d"))
        assert item.meta.tags, item.uid
        before_today = item.meta.publish_at.date().isoformat() < TODAY
        if item.meta.status is Status.PUBLISHED:
            assert before_today and set(item.meta.published) == set(item.meta.platforms)
        elif item.meta.status is not Status.CANCELLED:
            assert not before_today, item.uid


def test_multi_network_posts_have_variants(workspace: Workspace) -> None:
    posts = [i.meta for i in POST.items(workspace.items())]
    with_variants = [p for p in posts if len(p.platforms) >= 2 and p.variants]
    assert len(with_variants) >= 10
    assert sum(p.boost is not None for p in posts) >= 3
    categories = Counter(p.category for p in posts)
    assert categories["promo"] / len(posts) < 0.4
    assert len(categories) >= 7


def test_contests_and_curated(workspace: Workspace) -> None:
    contests = CONTEST.items(workspace.items())
    curated = CURATED.items(workspace.items())
    assert len(contests) >= 2
    assert len(curated) >= 8
    assert {c.meta.status.value for c in curated} == {"candidate", "selected", "rejected", "shared"}
    assert all(c.meta.source_url for c in curated)
    # candidates from the inbox are credited once picked: every item to share has its credit
    assert all(c.meta.credit for c in curated if c.meta.status.value in ("selected", "shared"))
    finished = [c.meta for c in contests if c.meta.winners]
    assert finished and all(c.shipping and c.shipping.tracking for c in finished)
    linked = {i.meta.contest for i in POST.items(workspace.items())}
    assert {c.slug for c in contests} <= linked


def test_month_notes_for_finished_months(workspace: Workspace) -> None:
    for client in workspace.clients.values():
        assert {"2026-09", "2026-10"} <= set(client.months), client.slug
        for note in client.months.values():
            assert 3 <= len(note.meta.quotes) <= 5
            assert note.meta.screenshots


def test_every_media_file_exists_and_is_credited(workspace: Workspace) -> None:
    total = 0
    for client in workspace.clients.values():
        files = []
        for item in client.items:
            for medium in item.media:
                assert medium.credit and medium.alt and medium.rights, item.uid
            files += [name for _field, name in item.files]
        files += [s.file for n in client.months.values() for s in n.meta.screenshots]
        files.append(client.config.brand.logo or "")
        for name in files:
            path = client.folder / name
            assert path.is_file(), path
            total += path.stat().st_size
    assert total < 5_000_000


def test_privacy_markers_exist(workspace: Workspace) -> None:
    """Privacy tests elsewhere rely on an item with both an internal note and an HTML comment."""
    assert any(i.meta.internal and "<!--" in i.body for i in workspace.items())


def test_check_strict_passes(repo_root: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--workspace",
            str(repo_root),
            "check",
            "--strict",
            "--today",
            TODAY,
        ],
        capture_output=True,
        text=True,
        cwd=repo_root,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
