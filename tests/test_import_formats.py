"""Each export format: detected from its content, numbers equal to sums computed here."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.import_helpers import (
    FIXTURES,
    canonical,
    column_sum,
    make_workspace,
    read_fixture_rows,
    run_import,
)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def as_int(value: str) -> int:
    return int(float(value)) if value not in ("", "-") else 0


def test_x_tweet_activity_en_adds_promoted_and_keeps_long_ids(ws: Path) -> None:
    assert run_import(ws, FIXTURES / "x_tweet_activity_en.csv", "--client", "acme")[0] == 0
    source = read_fixture_rows("x_tweet_activity_en.csv")
    posts = canonical(ws, "posts.csv")
    assert {p["post_id"] for p in posts} == {r["Tweet id"] for r in source}
    expected = sum(as_int(r["impressions"]) + as_int(r["promoted impressions"]) for r in source)
    assert column_sum(posts, "impressions") == expected
    assert column_sum(posts, "likes") == sum(
        as_int(r["likes"]) + as_int(r["promoted likes"]) for r in source
    )
    # `2026-09-17 08:05 +0000` read as UTC, written in the client's zone (Paris, UTC+2)
    first = next(p for p in posts if p["post_id"] == "1836012345678901249")
    assert first["published_at"] == "2026-09-17T10:05:00+02:00"


def test_x_tweet_activity_fr_headers_with_mixed_apostrophes(ws: Path) -> None:
    assert run_import(ws, FIXTURES / "x_tweet_activity_fr.csv", "--client", "acme")[0] == 0
    source = read_fixture_rows("x_tweet_activity_fr.csv")
    posts = canonical(ws, "posts.csv")
    assert column_sum(posts, "likes") == sum(as_int(r["J’aime"]) for r in source)
    assert column_sum(posts, "clicks") == sum(as_int(r["clics sur l’URL"]) for r in source)
    assert column_sum(posts, "shares") == sum(as_int(r["Retweets"]) for r in source)


def test_x_daily_en_and_french_utf16_tab_file(ws: Path) -> None:
    code, *_ = run_import(
        ws,
        FIXTURES / "x_daily_en.csv",
        FIXTURES / "x_daily_fr_excel_unicode.txt",
        "--client",
        "acme",
    )
    assert code == 0
    en = read_fixture_rows("x_daily_en.csv")
    fr = read_fixture_rows("x_daily_fr_excel_unicode.txt", encoding="utf-16", delimiter="\t")
    days = canonical(ws, "account_daily.csv")
    assert len(days) == len(en) + len(fr)
    expected = sum(as_int(r["impressions"]) + as_int(r["promoted impressions"]) for r in en)
    expected += sum(as_int(r["impressions"]) + as_int(r["impressions sponsorisées"]) for r in fr)
    assert column_sum(days, "impressions") == expected
    assert column_sum(days, "profile_visits") == (
        sum(
            as_int(r["user profile clicks"]) + as_int(r["promoted user profile clicks"]) for r in en
        )
        + sum(as_int(r["clics sur le profil de l'utilisateur"]) for r in fr)
    )


def test_facebook_page_cp1252_with_description_row(ws: Path) -> None:
    assert run_import(ws, FIXTURES / "facebook_insights_page.csv", "--client", "acme")[0] == 0
    source = read_fixture_rows("facebook_insights_page.csv", encoding="cp1252", skip=1)
    days = canonical(ws, "account_daily.csv")
    assert [d["date"] for d in days][:2] == ["2026-09-01", "2026-09-02"]
    assert column_sum(days, "reach") == sum(int(r["Daily Total Reach"]) for r in source)
    assert column_sum(days, "follower_change") == sum(
        int(r["Daily New Likes"]) - int(r["Daily Unlikes"]) for r in source
    )
    assert days[-1]["followers"] == source[-1]["Lifetime Total Likes"]


def test_facebook_posts_utf8_bom_12_hour_times(ws: Path) -> None:
    assert run_import(ws, FIXTURES / "facebook_insights_posts.csv", "--client", "acme")[0] == 0
    source = read_fixture_rows("facebook_insights_posts.csv", skip=1)
    posts = canonical(ws, "posts.csv")
    assert column_sum(posts, "reach") == sum(int(r["Lifetime Post Total Reach"]) for r in source)
    assert column_sum(posts, "comments") == sum(
        int(r["Lifetime Post Stories by action type - comment"]) for r in source
    )
    evening = next(p for p in posts if p["post_id"].endswith("872001234567890"))
    assert evening["published_at"] == "2026-09-24T18:45:00+02:00"  # 6:45:00 PM, local


def test_meta_suite_instagram_lifetime_rows(ws: Path) -> None:
    assert run_import(ws, FIXTURES / "meta_suite_instagram.csv", "--client", "acme")[0] == 0
    source = read_fixture_rows("meta_suite_instagram.csv")
    posts = canonical(ws, "posts.csv")
    assert {p["platform"] for p in posts} == {"instagram"}
    assert column_sum(posts, "saves") == sum(int(r["Saves"]) for r in source)
    assert column_sum(posts, "reach") == sum(int(r["Reach"]) for r in source)


def test_meta_suite_facebook_resaved_by_french_excel(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_import(
        ws, FIXTURES / "meta_suite_facebook_excel_fr.csv", "--client", "acme", capsys=capsys
    )
    assert code == 0
    source = read_fixture_rows("meta_suite_facebook_excel_fr.csv", encoding="cp1252", delimiter=";")
    lifetime = [r for r in source if r["Date"] == "Lifetime"]
    posts = canonical(ws, "posts.csv")
    assert len(posts) == len(lifetime) and "skipped 1" in out
    expected = sum(int(r["Impressions"].replace("\u00a0", "")) for r in lifetime)
    assert column_sum(posts, "impressions") == expected


def test_linkedin_page_content_workbook(ws: Path) -> None:
    assert run_import(ws, FIXTURES / "linkedin_page_content.xlsx", "--client", "acme")[0] == 0
    book = load_workbook(FIXTURES / "linkedin_page_content.xlsx", read_only=True)
    metrics = list(book["Metrics"].iter_rows(min_row=3, values_only=True))
    posts_rows = list(book["All posts"].iter_rows(min_row=3, values_only=True))
    book.close()
    days = canonical(ws, "account_daily.csv")
    assert column_sum(days, "impressions") == sum(r[3] for r in metrics)
    posts = canonical(ws, "posts.csv")
    assert column_sum(posts, "impressions") == sum(r[9] for r in posts_rows)
    assert {p["post_id"] for p in posts} == {r[1].rsplit("/", 1)[1] for r in posts_rows}


def test_linkedin_creator_followers_counted_back_from_summary(ws: Path) -> None:
    assert run_import(ws, FIXTURES / "linkedin_creator.xlsx", "--client", "acme")[0] == 0
    book = load_workbook(FIXTURES / "linkedin_creator.xlsx", read_only=True)
    followers = list(book["FOLLOWERS"].iter_rows(values_only=True))
    book.close()
    total_on_last_day = followers[0][1]
    new = [r[1] for r in followers[3:]]
    days = canonical(ws, "account_daily.csv")
    assert int(days[-1]["followers"]) == total_on_last_day
    assert int(days[0]["followers"]) == total_on_last_day - sum(new[1:])
    assert len(canonical(ws, "posts.csv")) == 2


def test_linkedin_page_followers_workbook(ws: Path) -> None:
    assert run_import(ws, FIXTURES / "linkedin_page_followers.xlsx", "--client", "acme")[0] == 0
    book = load_workbook(FIXTURES / "linkedin_page_followers.xlsx", read_only=True)
    rows = list(book["New followers"].iter_rows(min_row=2, values_only=True))
    book.close()
    assert column_sum(canonical(ws, "account_daily.csv"), "follower_change") == sum(
        r[4] for r in rows
    )


def test_tiktok_overview_crosses_new_year(ws: Path) -> None:
    # the year comes from the date in the file name (2027-01-03)
    assert run_import(ws, FIXTURES / "tiktok_Overview_2027-01-03.csv", "--client", "acme")[0] == 0
    source = read_fixture_rows("tiktok_Overview_2027-01-03.csv")
    days = canonical(ws, "account_daily.csv")
    assert [d["date"] for d in days] == [
        "2026-12-28",
        "2026-12-29",
        "2026-12-30",
        "2026-12-31",
        "2027-01-01",
        "2027-01-02",
        "2027-01-03",
    ]
    undefined = next(d for d in days if d["date"] == "2026-12-31")
    assert undefined["video_views"] == "" and undefined["profile_visits"] == ""
    assert column_sum(days, "video_views") == sum(
        int(r["Video Views"]) for r in source if r["Video Views"] != "undefined"
    )


def test_tiktok_year_hint_and_follower_history(ws: Path, tmp_path: Path) -> None:
    copy = tmp_path / "FollowerHistory.csv"
    shutil.copy2(FIXTURES / "tiktok_FollowerHistory.csv", copy)
    assert run_import(ws, copy, "--client", "acme", "--year", "2025")[0] == 0
    source = read_fixture_rows("tiktok_FollowerHistory.csv")
    days = canonical(ws, "account_daily.csv")
    assert days[0]["date"] == "2025-11-14" and days[-1]["followers"] == source[-1]["Followers"]
    assert column_sum(days, "follower_change") == sum(
        int(r["Difference in followers from previous day"]) for r in source
    )


def test_tiktok_content_time_from_video_id(ws: Path) -> None:
    assert run_import(ws, FIXTURES / "tiktok_Content.csv", "--client", "acme")[0] == 0
    source = read_fixture_rows("tiktok_Content.csv")
    posts = canonical(ws, "posts.csv")
    assert column_sum(posts, "video_views") == sum(int(r["Total views"]) for r in source)
    assert posts[0]["published_at"] == "2026-09-06T18:02:00+02:00"


@pytest.mark.parametrize("name", ["youtube_table_en.csv", "youtube_table_de.csv"])
def test_youtube_table_skips_total_row(
    ws: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_import(ws, FIXTURES / name, "--client", "acme", capsys=capsys)
    assert code == 0 and "`Total` row" in out
    source = read_fixture_rows(name)
    views = next(k for k in source[0] if k.replace("\u00ad", "") in ("Views", "Aufrufe"))
    videos = source[1:]
    posts = canonical(ws, "posts.csv")
    assert column_sum(posts, "video_views") == sum(int(r[views]) for r in videos)
    assert column_sum(posts, "video_views") == int(source[0][views])  # the Total row agrees


def test_youtube_chart_sums_videos_per_day_and_totals_de(ws: Path) -> None:
    code, *_ = run_import(ws, FIXTURES / "youtube_chart_en.csv", "--client", "acme")
    assert code == 0
    chart = read_fixture_rows("youtube_chart_en.csv")
    days = canonical(ws, "account_daily.csv")
    assert column_sum(days, "video_views") == sum(int(r["Views"]) for r in chart)
    assert run_import(ws, FIXTURES / "youtube_totals_de.csv", "--client", "acme")[0] == 0
    totals = read_fixture_rows("youtube_totals_de.csv")
    days = {d["date"]: d for d in canonical(ws, "account_daily.csv")}
    assert sum(int(days[r["Datum"]]["video_views"]) for r in totals) == sum(
        int(r["Auf\u00adrufe"]) for r in totals
    )


def test_mastodon_outbox(ws: Path) -> None:
    assert run_import(ws, FIXTURES / "mastodon_outbox.json", "--client", "acme")[0] == 0
    data = json.loads((FIXTURES / "mastodon_outbox.json").read_text(encoding="utf-8"))
    notes = [a["object"] for a in data["orderedItems"] if a["type"] == "Create"]
    posts = canonical(ws, "posts.csv")
    assert column_sum(posts, "likes") == sum(n["likes"]["totalItems"] for n in notes)
    assert column_sum(posts, "shares") == sum(n["shares"]["totalItems"] for n in notes)
