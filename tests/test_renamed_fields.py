"""Old field names (`kind`, `kinds`) still read, each with a warning that names the new one."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from generator.content.kinds import CURATED, POST
from generator.content.loader import load_workspace
from generator.problems import Problem, Severity
from generator.rules import run_rules

CLIENT = (
    "name: Acme\ntimezone: Europe/Paris\nplatforms:\n  instagram:\n    handle: '@acme'\n"
    "approvers:\n  - name: Brand Boss\n    kinds: [promo]\n"
)
POST_TEXT = (
    "---\ntitle: Soldes\npublish_at: 2026-12-05 12:30\nplatforms: [instagram]\n"
    "status: draft\nkind: promo\n---\nBody\n"
)


def workspace(root: Path, client: str = CLIENT, post: str = POST_TEXT) -> Path:
    folder = root / "content" / "acme"
    (folder / "posts").mkdir(parents=True)
    (folder / "curated").mkdir()
    (root / "almanac.yml").write_text("name: Test Agency\n", encoding="utf-8")
    (folder / "client.yml").write_text(client, encoding="utf-8")
    (folder / "posts" / "2026-12-05-soldes.md").write_text(post, encoding="utf-8")
    (folder / "curated" / "article.md").write_text(
        "---\ntitle: Article\nplatforms: [instagram]\nstatus: candidate\n"
        "source_url: https://example.org/a\nkind: news\n---\nWhy\n",
        encoding="utf-8",
    )
    return root


def deprecated(problems: Iterable[Problem]) -> list[tuple[str, int, str, str]]:
    return [
        (p.path, p.line, p.field, p.message)
        for p in problems
        if p.rule == "schema.deprecated" and p.severity is Severity.WARNING
    ]


def test_old_kind_and_kinds_are_read_with_a_warning(tmp_path: Path) -> None:
    ws, problems = load_workspace(workspace(tmp_path))
    assert not problems.errors()
    client = ws.clients["acme"]
    (post,) = POST.items(client.items)
    (curated,) = CURATED.items(client.items)
    assert post.meta.category == "promo" and curated.meta.category == "news"
    assert client.config.approvers[0].categories == ["promo"]
    assert deprecated(problems.items) == [
        (
            "content/acme/client.yml",
            8,
            "approvers[0].kinds",
            "`kinds` is an old name: write `categories`",
        ),
        (
            "content/acme/posts/2026-12-05-soldes.md",
            6,
            "kind",
            "`kind` is an old name: write `category`",
        ),
        ("content/acme/curated/article.md", 6, "kind", "`kind` is an old name: write `category`"),
    ]


def test_old_and_new_name_together_keep_the_new_one(tmp_path: Path) -> None:
    post = POST_TEXT.replace("kind: promo\n", "kind: promo\ncategory: education\n")
    ws, problems = load_workspace(workspace(tmp_path, post=post))
    (item,) = POST.items(ws.clients["acme"].items)
    assert item.meta.category == "education"
    found = [d for d in deprecated(problems.items) if d[0].endswith("soldes.md")]
    assert found == [
        (
            "content/acme/posts/2026-12-05-soldes.md",
            6,
            "kind",
            "`kind` is the old name of `category`, which is also given: remove `kind`",
        )
    ]


def test_old_rule_option_name_still_tunes_the_rule(tmp_path: Path) -> None:
    client = CLIENT + "rules:\n  mix.promo-streak:\n    kinds: [news]\n"
    ws, problems = load_workspace(workspace(tmp_path, client=client))
    found = run_rules(ws, datetime(2026, 12, 1, tzinfo=UTC))
    warnings = [
        (p.line, p.field, p.message)
        for p in found
        if p.rule == "schema.deprecated" and p.path.endswith("client.yml")
    ]
    assert warnings == [
        (11, "rules.mix.promo-streak.kinds", "`kinds` is an old name: write `categories`")
    ]
    assert not [p for p in found if p.rule == "rules.bad-option"]


def test_new_with_old_kind_option_warns_and_writes_category(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "-w",
            str(root),
            "new",
            "post",
            "--client",
            "acme",
            "--title",
            "Promo",
            "--at",
            "2026-12-20 12:30",
            "--kind",
            "promo",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "--kind is an old name: write --category" in proc.stderr
    written = root / proc.stdout.strip()
    assert '\ncategory: "promo"\n' in written.read_text(encoding="utf-8")
