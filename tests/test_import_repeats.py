"""Import never guesses: long-format exports are summed where the format says so, and a file
whose rows repeat a key is refused with the rows named, never last-row-wins."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from pathlib import Path

import pytest

from tests.import_helpers import (
    FIXTURES,
    canonical,
    make_workspace,
    read_fixture_rows,
    run_import,
)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def metrics_folder(ws: Path) -> Path:
    return ws / "content" / "acme" / "metrics"


def sums_per_day(rows: list[dict[str, str]], day: str, views: str) -> dict[str, int]:
    found: dict[str, int] = defaultdict(int)
    for row in rows:
        found[row[day]] += int(row[views])
    return dict(found)


def test_youtube_chart_by_country_is_summed_per_day(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seen: `Date, Geography, Views` was taken as daily totals, the last country's views kept."""
    name = "youtube_chart_geography_en.csv"
    code, out, _ = run_import(ws, FIXTURES / name, "--client", "acme", capsys=capsys)
    assert code == 0, out
    expected = sums_per_day(read_fixture_rows(name), "Date", "Views")
    days = {d["date"]: int(d["video_views"]) for d in canonical(ws, "account_daily.csv")}
    assert days == expected
    assert "YouTube Studio chart data" in out and "country lines" in out


def test_youtube_chart_per_video_in_german_is_summed_per_day(ws: Path) -> None:
    """Seen: the German chart (`Datum, Videos, …`) per video kept the last video of each day."""
    name = "youtube_chart_de.csv"
    assert run_import(ws, FIXTURES / name, "--client", "acme")[0] == 0
    rows = read_fixture_rows(name)
    views = next(k for k in rows[0] if k.replace("\u00ad", "") == "Aufrufe")
    expected = sums_per_day(rows, "Datum", views)
    days = {d["date"]: int(d["video_views"]) for d in canonical(ws, "account_daily.csv")}
    assert days == expected


@pytest.mark.parametrize("chart_first", [True, False])
def test_chart_sums_never_replace_the_totals(ws: Path, chart_first: bool) -> None:
    """A chart lists only the lines it draws: its sums fill days, the totals file wins."""
    chart, totals = FIXTURES / "youtube_chart_en.csv", FIXTURES / "youtube_totals_de.csv"
    order = (chart, totals) if chart_first else (totals, chart)
    for path in order:
        assert run_import(ws, path, "--client", "acme")[0] == 0
    totals_rows = read_fixture_rows("youtube_totals_de.csv")
    views = next(k for k in totals_rows[0] if k.replace("\u00ad", "") == "Aufrufe")
    days = {d["date"]: d["video_views"] for d in canonical(ws, "account_daily.csv")}
    assert {r["Datum"]: r[views] for r in totals_rows}.items() <= days.items()


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_repeated_day_is_refused_with_the_rows_named(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A breakdown Almanac does not know (here per playback location) repeats each day."""
    export = write(
        tmp_path / "Totals.csv",
        "Date,Playback location,Views\n"
        "2026-10-01,YouTube watch page,120\n2026-10-01,Embedded in external websites,14\n"
        "2026-10-02,YouTube watch page,131\n2026-10-02,Embedded in external websites,9\n",
    )
    code, _, err = run_import(ws, export, "--client", "acme", capsys=capsys)
    assert code == 1
    assert "Totals.csv:2:" in err and "rows 2 and 3 (youtube, 2026-10-01)" in err
    assert "rows 4 and 5 (youtube, 2026-10-02)" in err and "nothing was imported" in err
    assert not metrics_folder(ws).exists()


def test_repeated_post_is_refused(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (FIXTURES / "x_tweet_activity_en.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([rows[0], rows[1], rows[1]])
    export = write(tmp_path / "tweets.csv", out.getvalue())
    code, _, err = run_import(ws, export, "--client", "acme", capsys=capsys)
    assert code == 1 and "same post more than once" in err
    assert "rows 2 and " in err and f"(x, {rows[1][0]})" in err
    assert not metrics_folder(ws).exists()


def test_repeated_video_on_one_day_of_a_chart_is_refused(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (FIXTURES / "youtube_chart_en.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    export = write(tmp_path / "Chart data.csv", "\n".join([*lines[:3], lines[1]]) + "\n")
    code, _, err = run_import(ws, export, "--client", "acme", capsys=capsys)
    assert code == 1 and "rows 2 and 4 both give dQw4w9WgXcQ on 2026-10-01" in err
    assert not metrics_folder(ws).exists()


def test_ad_rows_of_one_post_sum_spend_but_not_reach(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two ad sets boosting one post: spend and impressions add up, reach (people) does not."""
    name = "meta_ads_ads_level.csv"
    code, out, _ = run_import(ws, FIXTURES / name, "--client", "acme", capsys=capsys)
    assert code == 0
    source = [r for r in read_fixture_rows(name) if r["Instagram post ID"] == "17984512345678901"]
    assert len(source) == 2
    post = next(p for p in canonical(ws, "posts.csv") if p["post_id"] == "17984512345678901")
    assert float(post["ad_spend"]) == sum(float(r["Amount spent (EUR)"]) for r in source)
    assert int(post["paid_impressions"]) == sum(int(r["Impressions"]) for r in source)
    assert post["paid_reach"] == "" and "reach does not add up" in out
