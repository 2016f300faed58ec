"""Loading is one stage: the workspace carries items, metrics and the report files on disk."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from generator.content import layout
from generator.content.loader import load_client, load_workspace
from generator.metrics.store import ACCOUNT_COLUMNS
from generator.months import Month
from generator.problems import AlmanacError
from generator.site_reports import collect_reports


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


DISK_OR_RENDERER = re.compile(
    r"\.(is_file|is_dir|read_text|read_bytes|iterdir|glob|rglob|stat)\(|\bopen\(|load_metrics|"
    r"generator\.report\b|generator\.metrics\b|load_workspace|load_history"
)


def test_site_pages_render_only_what_they_are_given() -> None:
    """No page module reads a file, loads metrics or history, or runs the report renderer."""
    pages = Path(__file__).resolve().parent.parent / "generator" / "site_pages"
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(pages.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if DISK_OR_RENDERER.search(line)
    ]
    assert found == []


def test_site_report_step_uses_the_loaded_metrics_and_files(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    (root / "content" / "acme" / "months").mkdir()
    (root / "content" / "acme" / "months" / "2026-10.md").write_text(
        "---\nsummary: A calm month.\n---\n", encoding="utf-8"
    )
    ws, _ = load_workspace(root, metrics=True)
    found = collect_reports(ws, date(2026, 11, 21), previews=False)
    (entry,) = found.clients["acme"]
    assert entry.month.key == "2026-10" and entry.pdf == ws.clients["acme"].reports["2026-10"]
    unloaded, _ = load_workspace(root)  # loaded without metrics: nothing to report on
    assert collect_reports(unloaded, date(2026, 11, 21), previews=False).clients == {}
