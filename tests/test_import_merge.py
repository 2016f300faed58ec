"""Merging: re-import changes nothing, overlaps replace and say so, dry runs write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.checking import check_workspace, parse_today
from generator.metrics import load_metrics
from generator.metrics.decode import decode_bytes, parse_count, parse_number, sniff_delimiter
from generator.progress import RowProgress
from tests.import_helpers import FIXTURES, canonical, make_workspace, run_import


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def snapshot(ws: Path) -> dict[str, bytes]:
    folder = ws / "content" / "acme" / "metrics"
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_reimport_changes_nothing(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [FIXTURES / "x_daily_en.csv", FIXTURES / "x_tweet_activity_en.csv"]
    assert run_import(ws, *files, "--client", "acme")[0] == 0
    first = snapshot(ws)
    code, out, _ = run_import(ws, *files, "--client", "acme", capsys=capsys)
    assert code == 0 and snapshot(ws) == first
    assert "added 0, replaced 0, unchanged 10" in out and "nothing changed" in out


def test_overlap_replaces_rows_and_reports_it(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_import(ws, FIXTURES / "x_tweet_activity_en.csv", "--client", "acme")[0] == 0
    text = (FIXTURES / "x_tweet_activity_en.csv").read_text(encoding="utf-8")
    newer = tmp_path / "tweet_activity_later.csv"
    newer.write_text(text.replace('"2210.0"', '"2999.0"'), encoding="utf-8")
    code, out, _ = run_import(ws, newer, "--client", "acme", capsys=capsys)
    assert code == 0 and "added 0, replaced 1, unchanged 3" in out
    posts = {p["post_id"]: p for p in canonical(ws, "posts.csv")}
    assert posts["1838573019283746816"]["impressions"] == "2999"
    assert posts["1838573019283746816"]["source"] == "tweet_activity_later.csv"
    assert len(posts) == 4


def test_files_filling_different_columns_of_a_day_are_combined(ws: Path, tmp_path: Path) -> None:
    overview = tmp_path / "Overview.csv"
    overview.write_text(
        '"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
        '"November 20","500","20","30","1","2"\n',
        encoding="utf-8",
    )
    followers = tmp_path / "FollowerHistory.csv"
    followers.write_text(
        '"Date","Followers","Difference in followers from previous day"\n'
        '"November 20","1200","5"\n',
        encoding="utf-8",
    )
    assert run_import(ws, overview, followers, "--client", "acme", "--year", "2026")[0] == 0
    first = snapshot(ws)
    [day] = canonical(ws, "account_daily.csv")
    assert (day["followers"], day["video_views"]) == ("1200", "500")
    assert day["source"] == "FollowerHistory.csv; Overview.csv"
    assert run_import(ws, overview, "--client", "acme", "--year", "2026")[0] == 0
    assert snapshot(ws) == first


def test_dry_run_writes_nothing(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_import(
        ws, FIXTURES / "x_daily_en.csv", "--client", "acme", "--dry-run", capsys=capsys
    )
    assert code == 0 and "added 10" in out and "dry run: nothing written" in out
    assert not (ws / "content" / "acme" / "metrics").exists()


def test_canonical_files_are_sorted_and_round_trip(ws: Path) -> None:
    files = [
        FIXTURES / "x_tweet_activity_fr.csv",
        FIXTURES / "x_tweet_activity_en.csv",
        FIXTURES / "facebook_insights_posts.csv",
    ]
    assert run_import(ws, *files, "--client", "acme")[0] == 0
    metrics = load_metrics(ws / "content" / "acme")
    keys = [(p.platform, p.published_at) for p in metrics.posts]
    assert keys == sorted(keys, key=lambda k: (k[0], k[1]))
    text = (ws / "content" / "acme" / "metrics" / "posts.csv").read_bytes()
    assert b"\r" not in text and text.startswith(b"platform,post_id,post_url,published_at,")


def test_check_lists_unmatched_post_metrics_as_info(ws: Path) -> None:
    post = ws / "content" / "acme" / "posts" / "2026-09-17-shoes.md"
    post.write_text(
        "---\ntitle: Trail shoes\npublish_at: 2026-09-17 10:05\nplatforms: [x]\n"
        "status: published\ncategory: promo\npublished:\n  x:\n"
        "    url: https://x.com/northwindoutdoor/status/1836012345678901249\n---\n"
        "New trail shoes.\n",
        encoding="utf-8",
    )
    assert run_import(ws, FIXTURES / "x_tweet_activity_en.csv", "--client", "acme")[0] == 0
    _, problems = check_workspace(ws, parse_today("2026-11-21"))
    unmatched = [p for p in problems if p.rule == "metrics.unmatched"]
    assert len(unmatched) == 3  # 4 tweets, one joined by its url (twitter.com = x.com)
    assert {p.severity.value for p in unmatched} == {"info"}
    assert all(p.path == "content/acme/metrics/posts.csv" and p.line > 1 for p in unmatched)


@pytest.mark.parametrize(
    ("text", "decimal", "value"),
    [
        ("12.0", ".", 12),
        ("1,234", ".", 1234),
        ("1\u202f234", ",", 1234),
        ("1\u2009234", ".", 1234),
        ("2\u00a0410", ",", 2410),
        ("1.234.567", ",", 1234567),
        ("-", ".", None),
        ("undefined", ".", None),
        ("", ".", None),
    ],
)
def test_counts_in_every_spelling(text: str, decimal: str, value: int | None) -> None:
    assert parse_count(text, decimal) == value


def test_decimal_comma_and_encodings() -> None:
    assert parse_number("3,95", ",") == pytest.approx(3.95)
    assert parse_number("1.234,5", ",") == pytest.approx(1234.5)
    assert decode_bytes("é".encode("cp1252"))[1] == "cp1252"
    assert decode_bytes(b"\xef\xbb\xbfa,b")[0] == "a,b"
    assert decode_bytes("a;b".encode("utf-16"))[0] == "a;b"
    assert sniff_delimiter("a;b;c\n1;2,5;3\n") == ";"
    assert sniff_delimiter("a\tb\n1\t2\n") == "\t"


def test_progress_bar_only_for_large_files_on_a_terminal() -> None:
    """rich draws the bar for a large file on a terminal; a log (CI, a pipe) gets nothing."""

    class Stream:
        def __init__(self, tty: bool) -> None:
            self.text, self.tty = "", tty

        def isatty(self) -> bool:
            return self.tty

        def write(self, text: str) -> int:
            self.text += text
            return len(text)

        def flush(self) -> None:
            pass

    small, large, log = Stream(True), Stream(True), Stream(False)
    tiny = RowProgress("a.csv", 10, small)  # type: ignore[arg-type]
    tiny.update(5)
    tiny.finish()
    bar = RowProgress("b.csv", 100_000, large)  # type: ignore[arg-type]
    bar.update(50_000)
    bar.finish()
    logged = RowProgress("c.csv", 100_000, log)  # type: ignore[arg-type]
    logged.update(50_000)
    logged.finish()
    assert small.text == "" and log.text == ""
    assert "b.csv" in large.text and "100000/100000" in large.text
