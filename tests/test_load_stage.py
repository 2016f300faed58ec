"""Loading is one stage: the workspace carries items, metrics and the report files on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content import layout
from generator.content.loader import load_client, load_workspace
from generator.metrics.store import ACCOUNT_COLUMNS
from generator.months import Month
from generator.problems import AlmanacError


def workspace(root: Path) -> Path:
    folder = root / "content" / "acme"
    (folder / "metrics").mkdir(parents=True)
    (root / "content" / "drafts-not-a-client").mkdir()
    (root / "almanac.yml").write_text("name: Test Agency\n", encoding="utf-8")
    (folder / "client.yml").write_text(
        "name: Acme\ntimezone: Europe/Paris\nplatforms:\n  x:\n    handle: '@acme'\n",
        encoding="utf-8",
    )
    reports = root / "reports" / "acme"
    reports.mkdir(parents=True)
    for name in ("2026-10.pdf", "2026-09.pdf", "notes.pdf"):
        (reports / name).write_bytes(b"%PDF-1.7\n")
    return root


def test_the_load_carries_metrics_and_report_files(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    ws, _ = load_workspace(root, metrics=True)
    client = ws.clients["acme"]
    assert client.metrics is not None and client.metrics.posts == []
    assert list(client.reports) == ["2026-09", "2026-10"]  # month-named PDFs only
    assert client.reports["2026-10"] == layout.report_path(root, "acme", Month(2026, 10))
    plain, _ = load_workspace(root)
    assert plain.clients["acme"].metrics is None  # only when asked


def test_broken_metrics_are_a_load_problem_at_their_line(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    bad = root / "content" / "acme" / "metrics" / "account_daily.csv"
    bad.write_text("date,platform\n", encoding="utf-8")
    ws, problems = load_workspace(root, metrics=True)
    (found,) = [p for p in problems.items if p.rule == "metrics.unreadable"]
    assert (found.path, found.line) == ("content/acme/metrics/account_daily.csv", 1)
    assert ",".join(ACCOUNT_COLUMNS) in found.message and ws.clients["acme"].metrics is None


def test_one_client_by_name(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    ws, _ = load_client(root, "acme")
    assert list(ws.clients) == ["acme"]
    with pytest.raises(AlmanacError, match="no client `nobody`") as missing:
        load_client(root, "nobody")
    assert missing.value.exit_code == 2
    with pytest.raises(AlmanacError, match="not a client slug"):
        load_client(root, "../acme")


def test_one_client_listing(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    assert layout.client_folders(root) == ["acme", "drafts-not-a-client"]
    assert layout.client_slugs(root) == ["acme"]
    assert layout.pick_clients(root, "acme") == ["acme"]
    with pytest.raises(AlmanacError, match=r"no client `nope` in content/ \(clients: acme\)"):
        layout.pick_clients(root, "nope")
