"""TikTok Studio's audience files, refused one by one before, read as audience breakdowns."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.metrics import load_metrics
from generator.metrics.audience import active_hours, latest_shares, viewers_between
from tests.import_helpers import FIXTURES, canonical, make_workspace, read_fixture_rows, run_import

FILES = [
    "tiktok_FollowerActivity_2026-11-20.csv",
    "tiktok_FollowerGender_2026-11-20.csv",
    "tiktok_FollowerTopTerritories_2026-11-20.csv",
    "tiktok_Viewers_2026-11-20.csv",
]


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def test_audience_files_are_read_together(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_import(
        ws, *(FIXTURES / name for name in FILES), "--client", "acme", capsys=capsys
    )
    assert code == 0, err
    for label in ("follower activity", "follower gender", "follower territories", "viewers"):
        assert f"TikTok Studio {label}" in out
    rows = canonical(ws, "audience.csv")
    gender = {r["key"]: float(r["value"]) for r in rows if r["breakdown"] == "gender"}
    source = read_fixture_rows(FILES[1])
    assert gender == {r["Gender"].lower(): float(r["Distribution"]) for r in source}
    assert {r["date"] for r in rows if r["breakdown"] == "gender"} == {"2026-11-20"}
    hours = [r for r in rows if r["breakdown"] == "active_hour"]
    activity = read_fixture_rows(FILES[0])
    assert len(hours) == len(activity) == 7 * 24
    assert sum(float(r["value"]) for r in hours) == sum(
        int(r["Active followers"]) for r in activity
    )


def test_audience_api_gives_what_the_report_shows(ws: Path) -> None:
    assert run_import(ws, *(FIXTURES / name for name in FILES), "--client", "acme")[0] == 0
    audience = load_metrics(ws / "content" / "acme").audience
    found = latest_shares(audience, "tiktok", "territory", date(2026, 11, 30))
    assert found is not None
    day, shares = found
    territories = read_fixture_rows(FILES[2])
    assert day == date(2026, 11, 20) and shares[0] == ("FR", 0.8436) and shares[-1][0] == "other"
    assert len(shares) == len(territories)
    assert latest_shares(audience, "tiktok", "territory", date(2026, 11, 19)) is None
    viewers = read_fixture_rows(FILES[3])
    complete = [r for r in viewers if r["Total Viewers"] != "undefined"]
    totals = viewers_between(audience, "tiktok", date(2026, 11, 1), date(2026, 11, 30))
    assert totals["returning"] == sum(int(r["Returning Viewers"]) for r in complete)
    assert totals["total"] == sum(int(r["Total Viewers"]) for r in complete)
    hours = active_hours(audience, "tiktok", date(2026, 11, 14), date(2026, 11, 20))
    assert sorted(hours) == list(range(24))


def test_undefined_viewers_day_is_left_out(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_import(ws, FIXTURES / FILES[3], "--client", "acme", capsys=capsys)
    assert code == 0 and "2026-11-20 has no total yet" in out
    assert not [r for r in canonical(ws, "audience.csv") if r["date"] == "2026-11-20"]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_percentages_are_read_and_bare_numbers_over_one_refused(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(
        tmp_path / "FollowerGender_2026-11-02.csv",
        '"Gender","Distribution"\n"Female","61%"\n"Male","37.5%"\n"Other","1.5%"',
    )
    assert run_import(ws, good, "--client", "acme")[0] == 0
    gender = {r["key"]: r["value"] for r in canonical(ws, "audience.csv")}
    assert gender == {"female": "0.61", "male": "0.375", "other": "0.015"}
    bad = write(tmp_path / "FollowerGender.csv", '"Gender","Distribution"\n"Female","61"')
    code, _, err = run_import(ws, bad, "--client", "acme", capsys=capsys)
    assert code == 1 and "row 2, column `Distribution`" in err and "is over 1" in err


def test_header_only_file_is_read_as_empty(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = write(tmp_path / "FollowerTopTerritories.csv", '"Top territories","Distribution"')
    code, out, _ = run_import(ws, empty, "--client", "acme", capsys=capsys)
    assert code == 0 and "only its header" in out
