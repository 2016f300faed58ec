"""The registry of item kinds: the one table the loader, history, rules and site all read."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from generator.content.kinds import (
    CONTEST,
    CURATED,
    KINDS,
    MENTIONS,
    PARTNERSHIP,
    POST,
    kind_named,
)
from generator.content.loader import load_workspace
from generator.repo.history import item_uid, read_facets
from generator.scaffold import write_new_item
from generator.vocabulary import WORDS

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
REGISTRY = GENERATOR / "content" / "kinds.py"
# Branching on an item's schema or on its kind's name belongs in the registry only.
BRANCHES = re.compile(
    r"isinstance\([^)]*\bmeta\b|getattr\([^)]*\bmeta\b|assert isinstance\([^)]*meta"
    r"|\bkind\s*[!=]=\s*[\"'](post|contest|curated|partnership)[\"']|\bitem\.kind\s*[!=]="
)


def test_no_kind_branches_outside_the_registry() -> None:
    found = [
        f"{path.relative_to(GENERATOR)}:{number}: {line.strip()}"
        for path in sorted(GENERATOR.rglob("*.py"))
        if path != REGISTRY
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if BRANCHES.search(line)
    ]
    assert found == []


def test_no_type_ignore_for_item_fields() -> None:
    found = [
        f"{path.relative_to(GENERATOR)}:{number}"
        for path in sorted(GENERATOR.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "type: ignore" in line and ("meta" in line or "item" in line)
    ]
    assert found == []


def test_each_kind_is_consistent() -> None:
    assert [k.name for k in KINDS] == ["post", "contest", "curated", "partnership", "mentions"]
    for kind in KINDS:
        assert kind_named(kind.name) is kind
        # a kind is on the calendar by a field of its schema, or is a monthly log (never on it)
        assert kind.date_field in kind.schema.model_fields or (
            kind.date_field is None and kind.monthly_file
        ), kind.name
        assert kind.label_key in WORDS, kind.name
    assert len({k.folder for k in KINDS}) == len(KINDS)


def test_history_reads_folders_and_dates_from_the_registry() -> None:
    for kind in KINDS:
        assert item_uid(f"content/acme/{kind.folder}/x.md") == f"acme/{kind.name}/x"
        if kind.date_field is None:  # a log: no moment of its own for the history to follow
            continue
        text = f"---\ntitle: X\n{kind.date_field}: 2026-12-01 10:00\n---\nBody\n"
        assert read_facets(text).when == "2026-12-01 10:00", kind.name


def test_new_items_of_every_kind_load_typed(tmp_path: Path) -> None:
    (tmp_path / "almanac.yml").write_text("name: Test\n", encoding="utf-8")
    client = tmp_path / "content" / "acme"
    client.mkdir(parents=True)
    (client / "client.yml").write_text(
        "name: Acme\nplatforms:\n  instagram:\n    handle: '@acme'\n", encoding="utf-8"
    )
    when = datetime(2026, 12, 3, 12, 30)
    for kind in KINDS:
        path = write_new_item(tmp_path, "acme", kind.name, f"New {kind.name}", when, ["instagram"])
        assert path.parent.name == kind.folder
    ws, problems = load_workspace(tmp_path)
    assert not problems.errors(), [p.message for p in problems.errors()]
    items = ws.clients["acme"].items
    assert [i.kind for i in items] == ["post", "contest", "curated", "partnership", "mentions"]
    (post,) = POST.items(items)
    assert post.meta.publish_at.hour == 12 and post.category == "education"
    assert POST.narrow(items[1]) is None and CONTEST.narrow(items[1]) is items[1]
    (contest,) = CONTEST.items(items)
    assert [name for name, _ in contest.milestones] == ["starts", "ends", "draw", "announce"]
    (curated,) = CURATED.items(items)
    assert curated.when == curated.meta.share_at and curated.media == []
    assert not CURATED.needs_approval and not CONTEST.posted
    (partnership,) = PARTNERSHIP.items(items)
    assert [name for name, _ in partnership.milestones] == ["begins", "finishes"]
    assert partnership.category == "partnership" and not PARTNERSHIP.posted
    (log,) = MENTIONS.items(items)
    assert log.source.rel == "content/acme/mentions/2026-12.md"  # named after its month
    assert log.when is None and log.milestones == [] and len(log.meta.mentions) == 1
