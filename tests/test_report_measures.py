"""Issue 12: every figure on one base, incomplete months said and compared like with like.

The example's figures are recomputed here from metrics/*.csv with csv only; the reports are
read as the HTML they print (tables as rows of cell texts), so each check names a row a
client would read.
"""

from __future__ import annotations

import csv
from datetime import date
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.content.loader import load_workspace
from generator.content.model import Workspace
from generator.report.report_html import render_report_html
from generator.report.report_model import excerpt

ROOT = Path(__file__).resolve().parent.parent
FOURNIL = "fournil-des-halles"
NORTHWIND = "northwind-outdoor"


class Cells(HTMLParser):
    """Table rows as lists of cell texts, and the whole text, of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.text: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


@cache
def workspace() -> Workspace:
    ws, _ = load_workspace(ROOT, metrics=True)
    return ws


@cache
def page(slug: str, month: str) -> Cells:
    parser = Cells()
    html = render_report_html(workspace(), slug, month, inline_media=False)
    parser.feed(html.replace("\u202f", " ").replace("\u00a0", " "))
    return parser


def text_of(slug: str, month: str) -> str:
    return " ".join("".join(page(slug, month).text).split())


def rows(name: str, slug: str) -> list[dict[str, str]]:
    path = ROOT / "content" / slug / "metrics" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def post_row(slug: str, platform: str, ident: str) -> dict[str, str]:
    matches = [r for r in rows("posts.csv", slug) if r["platform"] == platform]
    return next(r for r in matches if r["post_id"] == ident)


def row_starting(slug: str, month: str, first: str) -> list[str]:
    return next(r for r in page(slug, month).rows if r and r[0].startswith(first))


def test_a_top_post_rate_uses_only_the_networks_with_impressions() -> None:
    """Was 21.5 %: the TikTok engagements over Instagram + Facebook impressions."""
    instagram = post_row(FOURNIL, "instagram", "178989949339982")
    facebook = post_row(FOURNIL, "facebook", "104512378451209_157364417422646")
    rate = (int(instagram["engagements"]) + int(facebook["engagements"])) / (
        int(instagram["impressions"]) + int(facebook["impressions"])
    )
    assert round(rate * 100, 1) == 8.3
    text = text_of(FOURNIL, "2026-10")
    assert "21,5 %" not in text
    assert "8,3 % taux d'engagement (sur Facebook, Instagram)" in text


def test_a_network_rate_sits_beside_the_impressions_it_divides() -> None:
    """Was "65 737 impressions … 6,6 %": account impressions beside a post-level rate."""
    october = [
        r
        for r in rows("posts.csv", FOURNIL)
        if r["platform"] == "instagram" and r["published_at"].startswith("2026-10")
    ]
    engagements = sum(int(r["engagements"]) for r in october)
    impressions = sum(int(r["impressions"]) for r in october)
    row = row_starting(FOURNIL, "2026-10", "Instagram")
    shown_rate = f"{engagements / impressions * 100:.1f} %".replace(".", ",")
    assert row[-1] == shown_rate == "6,6 %"
    assert row[-2] == f"{engagements:,}".replace(",", " ") == "2 349"
    assert row[-3] == f"{impressions:,}".replace(",", " ")  # the rate's own base, beside it
    assert row[-4] == str(len(october))


def test_paid_results_count_the_boosted_network_only() -> None:
    """Northwind's launch was boosted on Instagram only: X and TikTok were organic. The
    ads row shows what the Ads Manager report says the spend bought (paid impressions,
    link clicks, post engagements as results), never the post's organic figures: it once
    showed the organic 16,515 impressions beside the ad's 183 clicks."""
    instagram = post_row(NORTHWIND, "instagram", "178901581636446")
    row = row_starting(NORTHWIND, "2026-10", "Trail Kit")
    spend = float(instagram["ad_spend"])
    per_engagement = f"£{spend / int(instagram['paid_results']):.2f}"
    assert per_engagement in row[-1], (row, per_engagement)
    assert row[4] == f"{int(instagram['paid_impressions']):,}" == "29,025"
    assert row[5] == instagram["paid_clicks"] == "183"


def test_an_incomplete_month_says_so_and_compares_the_same_days() -> None:
    """November's metrics end on 20 November: the cover says so, each figure says until when,
    and the comparison is with 1-20 October, not the whole of October."""
    account = rows("account_daily.csv", FOURNIL)
    assert max(r["date"] for r in account) == "2026-11-20"
    reach_now = sum(int(r["reach"]) for r in account if r["date"][:7] == "2026-11" and r["reach"])
    reach_then = sum(
        int(r["reach"]) for r in account if "2026-10-01" <= r["date"] <= "2026-10-20" and r["reach"]
    )
    text = text_of(FOURNIL, "2026-11")
    assert "statistiques de Facebook, Instagram, TikTok du 21 nov. au 30 novembre 2026" in text
    row = row_starting(FOURNIL, "2026-11", "Portée")
    assert "données jusqu'au 20 nov." in row[0]
    assert row[1] == f"{reach_now:,}".replace(",", " ")
    assert row[2].startswith(f"{reach_then:,}".replace(",", " ")) and "1–20 oct." in row[2]
    change = round((reach_now - reach_then) / reach_then * 100)
    assert row[3] == f"{'+' if change > 0 else '−'}{abs(change)} %"
    assert "Non atteint" not in row[-1] and "En retard" not in row[-1]  # not judged on 20 days


def test_a_closed_month_says_met_or_missed() -> None:
    objectives = [r for r in page(FOURNIL, "2026-10").rows if r and r[-1].startswith("✓")]
    assert objectives and all(r[-1] == "✓ Atteint" for r in objectives)
    english = text_of(NORTHWIND, "2026-10")
    assert "✓ On track" not in english and "✗ Behind" not in english
    assert "✓ Met" in english or "✗ Missed" in english


def test_excerpts_keep_their_line_breaks() -> None:
    kept = excerpt("Gifts:\n\n🧦 Socks, £18\n🔦 Torch, £35")
    assert kept == "Gifts:\n🧦 Socks, £18\n🔦 Torch, £35"
    cut = excerpt("line one\n" + "word " * 60, limit=30)
    assert cut.startswith("line one\nword") and cut.endswith("…") and len(cut) <= 31


def test_definitions_are_printed_in_the_report_and_the_readme() -> None:
    from generator.report.measures import definitions

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    french, english = text_of(FOURNIL, "2026-10"), text_of(NORTHWIND, "2026-10")
    for fr, en in zip(definitions("fr"), definitions("en"), strict=True):
        assert fr in french and en in english
        assert en in readme


@pytest.mark.parametrize("day", [date(2026, 11, 30)])
def test_weeks_without_data_are_gaps_not_zeros(day: date) -> None:
    from generator.metrics.store import load_metrics
    from generator.report.report_model import build_report

    client = workspace().clients[FOURNIL]
    report = build_report(client, "x", load_metrics(client.folder), date_month(day))
    values = [(w.value, w.partial) for w in report.audience_weeks]
    assert values[-1] == (None, False) and values[-2] == (None, False)  # 23-29 and 30 Nov
    assert values[-3][1] is True  # 16-22 Nov: data until the 20th only
    assert all(v is not None for v, _ in values[:-2])


def date_month(day: date):  # type: ignore[no-untyped-def]
    from generator.months import Month

    return Month.of(day)


def test_report_warns_about_an_incomplete_month_and_complete_only_refuses_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import copy_workspace

    from generator.cli import main
    from generator.metrics.store import load_metrics
    from generator.months import Month
    from generator.report.report_model import build_report
    from generator.report_build import incomplete_warning

    client = workspace().clients[FOURNIL]
    report = build_report(client, "x", load_metrics(client.folder), Month(2026, 11))
    warning = incomplete_warning(report)
    assert warning is not None and "for 2026-11-21..2026-11-30" in warning
    assert "facebook, instagram, tiktok" in warning
    root = copy_workspace(tmp_path / "ws")
    argv = ["-w", str(root), "report", "--client", FOURNIL, "--month", "2026-11"]
    # seen from the example's own day: later, its scheduled November posts are missed, and
    # `check`'s rules (which reports run) block November's report before --complete-only
    assert main([*argv, "--today", "2026-11-21", "--complete-only"]) == 1
    err = capsys.readouterr().err
    assert "refused (--complete-only): incomplete month" in err
    assert not (root / "reports" / FOURNIL / "2026-11.pdf").exists()


def test_the_workbook_beside_the_pdf_has_the_tables_numbers_and_stable_bytes() -> None:
    import io
    import time

    from openpyxl import load_workbook

    from generator.metrics.store import load_metrics
    from generator.months import Month
    from generator.report.report_model import build_report
    from generator.report.workbook import build_workbook

    client = workspace().clients[FOURNIL]
    report = build_report(client, "x", load_metrics(client.folder), Month(2026, 10))
    data = build_workbook(report)
    time.sleep(1.1)  # openpyxl stamps the clock's second when saving: it must not show
    assert data == build_workbook(report)
    book = load_workbook(io.BytesIO(data))
    networks = {r[0]: r for r in book["Audience et portée"].iter_rows(min_row=2, values_only=True)}
    instagram = networks["Instagram"]
    assert instagram[4:7] == (7, 35610, 2349)  # the same cells as the PDF's table
    assert round(instagram[7] * 100, 1) == 6.6
    numbers = list(book["Le mois en chiffres"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in numbers] == [k.value for k in report.key_figures]
    row = row_starting(FOURNIL, "2026-10", "Portée")
    assert row[1] == f"{numbers[1][1]:,}".replace(",", " ")


def test_the_audience_page_shows_top_territories_and_gender_when_exported() -> None:
    """TikTok's audience files (snapshot of 20 November) show on November's audience page,
    not on October's: a snapshot taken after a month is not part of its report."""
    november = text_of(FOURNIL, "2026-11")
    assert "Abonnés TikTok au 20 novembre 2026" in november
    assert "France 87,1 % · Belgique 3,9 % · Suisse 2,1 %" in november
    assert "femmes 64,2 % · hommes 34,6 % · autre 1,2 %" in november
    assert "Abonnés TikTok au" not in text_of(FOURNIL, "2026-10")
