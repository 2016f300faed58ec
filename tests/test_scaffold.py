"""`almanac init`, `almanac new` and `almanac schema` write valid things and never clobber."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from generator.content import load_workspace
from generator.posting_slots import next_free_slot
from generator.scaffold import slugify


def almanac(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


def test_init_then_check_passes(tmp_path: Path) -> None:
    target = tmp_path / "agency"
    assert almanac("init", str(target), "--name", "Agence: Test").returncode == 0
    assert (target / "almanac.yml").is_file() and (target / ".gitignore").is_file()
    assert (target / ".almanac/schemas/post.json").is_file()
    proc = almanac("check", "--strict", cwd=target)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    again = almanac("init", str(target))
    assert again.returncode == 1 and "already holds a workspace" in again.stderr


def test_new_items_are_valid_and_never_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "agency"
    almanac("init", str(target))
    made = almanac(
        "new",
        "post",
        "--client",
        "sample-client",
        "--title",
        "Fête des Lumières !",
        "--at",
        "2026-12-08 18:30",
        "--platforms",
        "instagram,linkedin",
        cwd=target,
    )
    assert made.stdout.strip() == "content/sample-client/posts/2026-12-08-fete-des-lumieres.md"
    text = (target / made.stdout.strip()).read_text(encoding="utf-8")
    assert "platforms: [instagram, linkedin]" in text
    before = text
    clash = almanac(
        "new",
        "post",
        "--client",
        "sample-client",
        "--title",
        "Fête des lumières",
        "--at",
        "2026-12-08 09:00",
        cwd=target,
    )
    assert clash.returncode == 1 and "already exists" in clash.stderr
    assert (target / made.stdout.strip()).read_text(encoding="utf-8") == before
    for kind in ("contest", "curated"):
        assert (
            almanac(
                "new", kind, "--client", "sample-client", "--title", "No: yes", cwd=target
            ).returncode
            == 0
        )
    assert (
        almanac(
            "new",
            "post",
            "--client",
            "sample-client",
            "--title=-rf",
            "--at",
            "2026-12-09 12:00",
            cwd=target,
        ).returncode
        == 0
    )
    assert (target / "content/sample-client/posts/2026-12-09-rf.md").is_file()
    proc = almanac("check", "--strict", "--format", "json", cwd=target)
    errors = [p for p in json.loads(proc.stdout) if p["severity"] == "error"]
    assert not [p for p in errors if p["rule"].startswith(("schema", "yaml", "file"))], errors


def test_new_refuses_bad_input(tmp_path: Path) -> None:
    target = tmp_path / "agency"
    almanac("init", str(target))
    for args in (
        ["--client", "nobody"],
        ["--client", "../x"],
        ["--client", "sample-client", "--platforms", "myspace"],
        ["--client", "sample-client", "--at", "2026-03-29 02:30"],
    ):
        proc = almanac("new", "post", "--title", "Hello", *args, cwd=target)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr


def test_slugify() -> None:
    assert slugify("Fête des Lumières !") == "fete-des-lumieres"
    assert slugify("--rm -rf") == "rm-rf"
    assert slugify("!!!") == "item"


def test_schema_prints_json_schema() -> None:
    proc = almanac("schema", "post")
    schema = json.loads(proc.stdout)
    assert schema["properties"]["publish_at"]["description"].startswith("When it goes live")
    assert "platforms" in schema["required"]


def test_new_without_at_counts_days_where_the_client_is(tmp_path: Path) -> None:
    """Late evening in New York is already tomorrow in UTC: the default slot (the next free
    posting window after the review lead time) is counted where the client is. It used to be
    "tomorrow 12:30", which `workflow.review-due` flagged at once."""
    target = tmp_path / "agency"
    almanac("init", str(target), "--timezone", "America/New_York")
    ws, _ = load_workspace(target)
    client = ws.clients["sample-client"]
    evening_in_new_york = datetime(2026, 11, 21, 3, 0, tzinfo=UTC)  # 22:00 on the 20th there
    # a day to write it and 48 h of review lead: 22:00 on the 23rd there, so the 24th, 07:30
    assert next_free_slot(client, ["instagram"], client.timezone, evening_in_new_york) == (
        datetime(2026, 11, 24, 7, 30)
    )
