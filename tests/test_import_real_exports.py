"""Real exports that were refused: YouTube's German table data, a trimmed Meta content export."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.import_helpers import FIXTURES, canonical, make_workspace, read_fixture_rows, run_import

YOUTUBE_POST = """\
---
title: Packing a 40L bag
publish_at: 2026-09-04 18:00
status: published
category: education
platforms: [youtube]
published:
  youtube:
    url: https://www.youtube.com/watch?v={video}
---
How we pack for three days.
"""


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    root = make_workspace(tmp_path / "ws")
    client = root / "content" / "acme" / "client.yml"
    client.write_text(
        client.read_text(encoding="utf-8") + '  youtube:\n    handle: "@acme"\n', encoding="utf-8"
    )
    return root


def clean(header: str) -> str:
    return header.replace("\u00ad", "")


def test_youtube_table_data_in_german_is_read_and_joined(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seen: `Tabellendaten.csv` (`Videos`, soft hyphens, revenue column) was an unknown format."""
    name = "youtube_tabellendaten_de.csv"
    source = [{clean(k): v for k, v in row.items()} for row in read_fixture_rows(name)]
    first = source[1]["Videos"]
    post = ws / "content" / "acme" / "posts" / "2026-09-04-packing.md"
    post.write_text(YOUTUBE_POST.format(video=first), encoding="utf-8")
    code, out, err = run_import(ws, FIXTURES / name, "--client", "acme", capsys=capsys)
    assert code == 0, err
    assert "`Total` row" in out and "post metrics joined to posts: 1 of 3" in err
    posts = {p["post_id"]: p for p in canonical(ws, "posts.csv")}
    for row in source[1:]:
        got = posts[row["Videos"]]
        assert got["video_views"] == row["Aufrufe"]
        assert got["impressions"] == row["Impressionen"]
        assert int(got["watch_seconds"]) == round(float(row["Wiedergabezeit (Stunden)"]) * 3600)
        assert float(got["ctr_percent"]) == float(row["Klickrate der Impressionen (%)"])
    # `Sep 4, 2026` and `Okt 2, 2026`: the date, at local midnight
    assert posts[first]["published_at"] == "2026-09-04T00:00:00+02:00"
    assert posts["Zz9_-xY8wV7"]["published_at"] == "2026-10-02T00:00:00+02:00"


def test_youtube_table_data_in_english_keeps_watch_time_and_ctr(ws: Path) -> None:
    assert run_import(ws, FIXTURES / "youtube_table_en.csv", "--client", "acme")[0] == 0
    source = read_fixture_rows("youtube_table_en.csv")[1:]
    posts = {p["post_id"]: p for p in canonical(ws, "posts.csv")}
    for row in source:
        got = posts[row["Content"]]
        assert int(got["watch_seconds"]) == round(float(row["Watch time (hours)"]) * 3600)
        assert float(got["ctr_percent"]) == float(row["Impressions click-through rate (%)"])


def test_meta_content_export_without_permalink_is_read(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seen: a Meta Business Suite export whose `Permalink` column was removed was refused."""
    name = "meta_suite_facebook_trimmed.csv"
    code, out, err = run_import(ws, FIXTURES / name, "--client", "acme", capsys=capsys)
    assert code == 0, err
    assert "Meta Business Suite, content (facebook)" in out
    source = read_fixture_rows(name)
    posts = {p["post_id"]: p for p in canonical(ws, "posts.csv")}
    assert set(posts) == {r["Post ID"] for r in source}
    for row in source:
        got = posts[row["Post ID"]]
        assert got["reach"] == row["Reach"] and got["post_url"] == ""
        assert got["engagements"] == row["Reactions, comments and shares"]
