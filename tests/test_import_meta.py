"""Meta Business Suite insights (account days) and Ads Manager reports (spend on posts)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from generator.checking import check_workspace, parse_today
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


def of(rows: list[dict[str, str]], platform: str) -> list[dict[str, str]]:
    return [r for r in rows if r["platform"] == platform]


def test_overview_imports_instagram_and_facebook_days(ws: Path) -> None:
    assert run_import(ws, FIXTURES / "meta_insights_overview.csv", "--client", "acme")[0] == 0
    source = read_fixture_rows("meta_insights_overview.csv", "utf-8-sig", skip_lines=1)
    days = canonical(ws, "account_daily.csv")
    instagram, facebook = of(days, "instagram"), of(days, "facebook")
    assert len(instagram) == len(facebook) == len(source) == 12
    assert column_sum(instagram, "reach") == sum(int(r["Instagram reach"]) for r in source)
    assert column_sum(instagram, "impressions") == sum(int(r["Instagram views"]) for r in source)
    assert column_sum(instagram, "profile_visits") == sum(
        int(r["Instagram profile visits"]) for r in source
    )
    assert column_sum(instagram, "link_clicks") == sum(
        int(r["Instagram link clicks"]) for r in source if r["Instagram link clicks"]
    )
    assert column_sum(instagram, "follower_change") == sum(
        int(r["Instagram follows"]) - int(r["Instagram unfollows"]) for r in source
    )
    assert instagram[-1]["followers"] == source[-1]["Instagram followers"]
    assert column_sum(facebook, "reach") == sum(int(r["Facebook Page reach"]) for r in source)
    assert column_sum(facebook, "follower_change") == sum(
        int(r["Facebook follows"]) - int(r["Facebook unfollows"]) for r in source
    )
    # an empty cell stays "not available", never 0
    assert instagram[6]["date"] == "2026-10-07" and instagram[6]["link_clicks"] == ""


def test_overview_with_platform_keeps_only_that_network(ws: Path) -> None:
    code, *_ = run_import(
        ws, FIXTURES / "meta_insights_overview.csv", "--client", "acme", "--platform", "facebook"
    )
    assert code == 0
    assert {r["platform"] for r in canonical(ws, "account_daily.csv")} == {"facebook"}


def test_one_metric_utf16_files_fill_the_same_days(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_import(
        ws,
        FIXTURES / "meta_insights_ig_reach_utf16.csv",
        FIXTURES / "meta_insights_ig_followers_utf16.csv",
        "--client",
        "acme",
        capsys=capsys,
    )
    assert code == 0, out
    reach = read_fixture_rows("meta_insights_ig_reach_utf16.csv", "utf-16", skip_lines=2)
    followers = read_fixture_rows("meta_insights_ig_followers_utf16.csv", "utf-16", skip_lines=2)
    days = canonical(ws, "account_daily.csv")
    assert len(days) == 30 and {d["platform"] for d in days} == {"instagram"}
    assert column_sum(days, "reach") == sum(int(r["Primary"]) for r in reach)
    assert [d["followers"] for d in days] == [r["Primary"] for r in followers]
    assert "added 30" in out and "replaced 30" in out


def test_one_metric_file_without_a_known_title_is_refused(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "Mood.csv"
    odd.write_text(
        'sep=,\n"Instagram mood"\n"Date","Primary"\n"2026-11-01T00:00:00","3"\n', encoding="utf-16"
    )
    code, _, err = run_import(ws, odd, "--client", "acme", capsys=capsys)
    assert code == 1 and "Mood.csv" in err and "`Instagram mood`" in err
    assert not (ws / "content" / "acme" / "metrics").exists()


def spend_by_post(source: list[dict[str, str]], column: str) -> dict[str, float]:
    spend: dict[str, float] = defaultdict(float)
    for row in source:
        spend[row[column]] += float(row["Amount spent (EUR)"].replace(",", "."))
    return spend


def test_ads_spend_lands_on_organic_rows_without_overwriting(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    organic = [FIXTURES / "meta_suite_instagram.csv", FIXTURES / "facebook_insights_posts.csv"]
    assert run_import(ws, *organic, "--client", "acme")[0] == 0
    before = {(r["platform"], r["post_id"]): r for r in canonical(ws, "posts.csv")}
    code, out, _ = run_import(
        ws, FIXTURES / "meta_ads_ads_level.csv", "--client", "acme", capsys=capsys
    )
    assert code == 0
    source = read_fixture_rows("meta_ads_ads_level.csv")[1:]  # the summary row is not an ad
    after = {(r["platform"], r["post_id"]): r for r in canonical(ws, "posts.csv")}
    instagram = spend_by_post([r for r in source if r["Instagram post ID"]], "Instagram post ID")
    for post_id, spend in instagram.items():
        row = after[("instagram", post_id)]
        assert float(row["ad_spend"]) == pytest.approx(spend)
        organic_row = before[("instagram", post_id)]
        for name in ("impressions", "reach", "likes", "saves", "published_at", "clicks"):
            assert row[name] == organic_row[name]
        # the ad's figures sit apart: the organic export's empty link clicks stay empty
        # (an ad's clicks are not the post's), the paid ones are the ad report's
        ads = [r for r in source if r["Instagram post ID"] == post_id]
        assert int(row["paid_clicks"]) == sum(int(r["Link clicks"]) for r in ads)
        assert int(row["paid_impressions"]) == sum(int(r["Impressions"]) for r in ads)
        assert int(row["paid_results"]) == sum(int(r["Results"]) for r in ads)
    # `871234567890123` is the organic row `104523987654321_871234567890123`
    facebook = after[("facebook", "104523987654321_871234567890123")]
    assert float(facebook["ad_spend"]) == 18.43
    assert facebook["clicks"] == before[("facebook", "104523987654321_871234567890123")]["clicks"]
    loose = after[("facebook", "ad:120212345678900015")]
    assert float(loose["ad_spend"]) == 27.80 and loose["published_at"] == ""
    total = sum(float(r["ad_spend"]) for r in after.values() if r["ad_spend"])
    assert total == pytest.approx(sum(float(r["Amount spent (EUR)"]) for r in source))
    assert "summary row" in out and "names no post" in out
    # importing it again changes nothing
    code, out, _ = run_import(
        ws, FIXTURES / "meta_ads_ads_level.csv", "--client", "acme", capsys=capsys
    )
    assert code == 0 and "nothing changed" in out


def test_ads_before_organic_give_the_same_rows(ws: Path, tmp_path: Path) -> None:
    files = [
        FIXTURES / "meta_suite_instagram.csv",
        FIXTURES / "facebook_insights_posts.csv",
        FIXTURES / "meta_ads_ads_level.csv",
    ]
    assert run_import(ws, *files, "--client", "acme")[0] == 0
    other = make_workspace(tmp_path / "other")
    assert run_import(other, files[2], files[0], files[1], "--client", "acme")[0] == 0
    key = "content/acme/metrics/posts.csv"
    assert (ws / key).read_bytes() == (other / key).read_bytes()


def test_unmatched_ad_spend_is_listed_by_check(ws: Path) -> None:
    assert run_import(ws, FIXTURES / "meta_ads_ads_level.csv", "--client", "acme")[0] == 0
    _, problems = check_workspace(ws, parse_today("2026-11-21"))
    messages = [p.message for p in problems if p.rule == "metrics.unmatched"]
    assert any("`120212345678900015` names no post" in m for m in messages)


def test_french_ads_report_with_decimal_commas(ws: Path) -> None:
    assert run_import(ws, FIXTURES / "meta_ads_fr_excel.csv", "--client", "acme")[0] == 0
    source = read_fixture_rows("meta_ads_fr_excel.csv", encoding="cp1252", delimiter=";")
    rows = canonical(ws, "posts.csv")
    assert len(rows) == 1 and rows[0]["post_id"] == "18022233344455566"
    spent = sum(float(r["Montant dépensé (EUR)"].replace(",", ".")) for r in source)
    assert float(rows[0]["ad_spend"]) == pytest.approx(spent)
    assert int(rows[0]["paid_impressions"]) == sum(
        int(r["Impressions"].replace(" ", "")) for r in source
    )
    assert rows[0]["impressions"] == ""  # an ad's impressions are not the post's organic ones


def test_bad_spend_names_file_row_and_column(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (FIXTURES / "meta_ads_ads_level.csv").read_text(encoding="utf-8-sig")
    bad = tmp_path / "Acme-Ads-Sep-1-2026-Sep-30-2026.csv"
    bad.write_text(text.replace(",18.43,", ",18.4.3,", 1), encoding="utf-8")
    code, _, err = run_import(ws, bad, "--client", "acme", capsys=capsys)
    assert code == 1
    assert "Acme-Ads-Sep-1-2026-Sep-30-2026.csv" in err and "row 6" in err
    assert "column `Amount spent (EUR)`" in err and "`18.4.3` is not a number" in err
    assert not (ws / "content" / "acme" / "metrics").exists()
