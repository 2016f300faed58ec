"""A whole download at once: a folder or a ZIP, each file said read or skipped and why; and
Facebook's legacy `.xls` that is really an XML spreadsheet."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from tests.import_helpers import FIXTURES, canonical, make_workspace, read_fixture_rows, run_import

TIKTOK = [
    "tiktok_FollowerHistory.csv",
    "tiktok_FollowerActivity_2026-11-20.csv",
    "tiktok_FollowerGender_2026-11-20.csv",
    "tiktok_FollowerTopTerritories_2026-11-20.csv",
]


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def youtube_download(folder: Path) -> Path:
    """A YouTube Studio download as unzipped: the three CSVs, plus what a system adds."""
    folder.mkdir()
    shutil.copy2(FIXTURES / "youtube_table_en.csv", folder / "Table data.csv")
    shutil.copy2(FIXTURES / "youtube_chart_en.csv", folder / "Chart data.csv")
    shutil.copy2(FIXTURES / "youtube_totals_de.csv", folder / "Totals.csv")
    (folder / "notes.txt").write_text("downloaded for the October report\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    return folder


def test_import_a_folder_says_what_was_read_and_skipped(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = youtube_download(tmp_path / "Content 2026-10-01_2026-10-31")
    code, out, err = run_import(ws, folder, "--client", "acme", capsys=capsys)
    assert code == 0, err
    assert "Table data.csv: YouTube Studio table data" in out
    assert "Chart data.csv: YouTube Studio chart data" in out
    assert "Totals.csv: YouTube Studio totals" in out
    assert "notes.txt: skipped: not an export Almanac reads" in out
    assert ".DS_Store" not in out
    posts = canonical(ws, "posts.csv")
    assert len(posts) == len(read_fixture_rows("youtube_table_en.csv")) - 1  # no Total row


def tiktok_zip(path: Path) -> Path:
    """TikTok's `Followers_<handle>.zip`: the history and the audience files at its root."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in TIKTOK:
            archive.write(FIXTURES / name, name.removeprefix("tiktok_"))
    return path


def test_import_a_zip_download(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    download = tiktok_zip(tmp_path / "Followers_fournildeshalles.zip")
    code, out, err = run_import(ws, download, "--client", "acme", "--year", "2026", capsys=capsys)
    assert code == 0, err
    for name in ("FollowerHistory.csv", "FollowerActivity_2026-11-20.csv"):
        assert f"Followers_fournildeshalles.zip/{name}:" in out
    days = canonical(ws, "account_daily.csv")
    history = read_fixture_rows("tiktok_FollowerHistory.csv")
    assert [d["followers"] for d in days] == [r["Followers"] for r in history]
    audience = canonical(ws, "audience.csv")
    assert {r["breakdown"] for r in audience} == {"active_hour", "gender", "territory"}
    assert {r["source"] for r in audience if r["breakdown"] == "gender"} == {
        "Followers_fournildeshalles.zip/FollowerGender_2026-11-20.csv"
    }


def test_a_bad_file_inside_a_zip_stops_everything(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    download = tmp_path / "Overview.zip"
    with zipfile.ZipFile(download, "w") as archive:
        archive.write(FIXTURES / "tiktok_FollowerHistory.csv", "FollowerHistory.csv")
        archive.writestr(
            "Overview.csv", '"Date","Video Views","Profile Views"\n"November 31","12","3"\n'
        )
    code, _, err = run_import(ws, download, "--client", "acme", capsys=capsys)
    assert code == 1 and "Overview.zip/Overview.csv" in err and "not a real date" in err
    assert not (ws / "content" / "acme" / "metrics").exists()


def test_facebook_legacy_xls_is_an_xml_spreadsheet(ws: Path) -> None:
    """Seen: Facebook's `.xls` (SpreadsheetML XML) was refused; read it as the CSV is read."""
    assert (
        run_import(ws, FIXTURES / "facebook_insights_posts_legacy.xls", "--client", "acme")[0] == 0
    )
    from_xls = canonical(ws, "posts.csv")
    other = make_workspace(ws.parent / "csv")
    assert run_import(other, FIXTURES / "facebook_insights_posts.csv", "--client", "acme")[0] == 0
    from_csv = canonical(other, "posts.csv")
    strip = [{k: v for k, v in row.items() if k != "source"} for row in from_csv]
    assert [{k: v for k, v in row.items() if k != "source"} for row in from_xls] == strip
    assert len(from_xls) == len(read_fixture_rows("facebook_insights_posts.csv", skip=1))


def test_xml_spreadsheet_with_entities_is_refused(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (FIXTURES / "facebook_insights_posts_legacy.xls").read_text(encoding="utf-8")
    bomb = text.replace(
        "<Workbook",
        '<!DOCTYPE Workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>'
        "<Workbook",
        1,
    ).replace(">Post ID<", ">&b;<", 1)
    path = tmp_path / "Facebook Insights Data Export (Post Level).xls"
    path.write_text(bomb, encoding="utf-8")
    code, _, err = run_import(ws, path, "--client", "acme", capsys=capsys)
    assert code == 1 and "declares a DTD or entities" in err and "Traceback" not in err


def test_platform_option_passes_over_other_networks_in_a_folder(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = youtube_download(tmp_path / "download")
    shutil.copy2(FIXTURES / "tiktok_FollowerGender_2026-11-20.csv", folder / "FollowerGender.csv")
    code, out, err = run_import(
        ws, folder, "--client", "acme", "--platform", "tiktok", capsys=capsys
    )
    assert code == 0, err
    assert "FollowerGender.csv: TikTok Studio follower gender" in out
    assert "Totals.csv: skipped: a YouTube Studio totals export (youtube)" in out
