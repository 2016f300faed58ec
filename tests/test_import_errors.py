"""Import errors: named file, row and column, exit 1, and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.import_helpers import FIXTURES, make_workspace, run_import


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def metrics_folder(ws: Path) -> Path:
    return ws / "content" / "acme" / "metrics"


def copy_with(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = (FIXTURES / name).read_text(encoding="utf-8-sig")
    assert old in text
    target = tmp_path / name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_unknown_format_names_header_and_known_formats(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "export.csv"
    odd.write_text("Day,Visitors,Mood\n2026-09-01,12,happy\n", encoding="utf-8")
    code, _, err = run_import(ws, odd, "--client", "acme", capsys=capsys)
    assert code == 1
    assert "unknown export format" in err and "Day, Visitors, Mood" in err
    assert "X tweet activity" in err and "TikTok Studio overview" in err
    assert not metrics_folder(ws).exists()


def test_bad_cell_names_file_row_and_column(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = copy_with(tmp_path, "x_tweet_activity_en.csv", '"2210.0"', '"22l0"')
    code, _, err = run_import(ws, bad, "--client", "acme", capsys=capsys)
    assert code == 1
    assert "x_tweet_activity_en.csv:" in err and "row 4" in err
    assert "column `impressions`" in err and "`22l0` is not a number" in err
    assert not metrics_folder(ws).exists()


def test_short_row_is_an_error(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    short = tmp_path / "Overview.csv"
    short.write_text(
        '"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
        '"November 1","10","2","3","0","0"\n"November 2","11","2"\n',
        encoding="utf-8",
    )
    code, _, err = run_import(ws, short, "--client", "acme", "--year", "2026", capsys=capsys)
    assert code == 1 and "row 3" in err and "expected 6 cells" in err and "found 3" in err


def test_long_row_is_an_error(ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long = tmp_path / "FollowerHistory.csv"
    long.write_text(
        '"Date","Followers","Difference in followers from previous day"\n'
        '"November 1","100","2","7"\n',
        encoding="utf-8",
    )
    code, _, err = run_import(ws, long, "--client", "acme", capsys=capsys)
    assert code == 1 and "row 2" in err and "found 4" in err


def test_failure_in_second_file_writes_nothing_from_the_first(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_import(ws, FIXTURES / "x_daily_en.csv", "--client", "acme")[0] == 0
    before = {p.name: p.read_bytes() for p in metrics_folder(ws).iterdir()}
    bad = copy_with(tmp_path, "tiktok_FollowerHistory.csv", '"November 16"', '"Novembre 36"')
    code, _, err = run_import(
        ws, FIXTURES / "x_tweet_activity_en.csv", bad, "--client", "acme", capsys=capsys
    )
    assert code == 1 and "column `Date`" in err
    after = {p.name: p.read_bytes() for p in metrics_folder(ws).iterdir()}
    assert after == before


def test_id_destroyed_by_a_spreadsheet_is_refused(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = copy_with(
        tmp_path, "x_tweet_activity_en.csv", '"1838573019283746816",', '"1.83857301928375E+18",'
    )
    code, _, err = run_import(ws, bad, "--client", "acme", capsys=capsys)
    assert code == 1 and "scientific notation" in err and "column `Tweet id`" in err


def test_platform_option_must_agree(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_import(
        ws, FIXTURES / "tiktok_Content.csv", "--client", "acme", "--platform", "x", capsys=capsys
    )
    assert code == 1 and "--platform says x" in err


def test_unknown_client(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_import(
        ws, FIXTURES / "tiktok_Content.csv", "--client", "nobody", capsys=capsys
    )
    assert code == 2 and "no client `nobody`" in err


def test_malformed_canonical_file_is_reported(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_import(ws, FIXTURES / "x_daily_en.csv", "--client", "acme")[0] == 0
    path = metrics_folder(ws) / "account_daily.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("x,2026-10-03,", "x,2026-10-03x,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run_import(ws, FIXTURES / "x_daily_en.csv", "--client", "acme", capsys=capsys)
    assert code == 1 and "account_daily.csv:4" in err and "column date" in err
