"""Reports of the repository's example workspace: a French and an English client, October 2026."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from report_workspace import HEADINGS, pdf_text, read_csv

from generator.months import Month
from generator.report_build import Task, run_batch

CLIENTS = {
    "fournil-des-halles": ("fr", "Europe/Paris", "octobre 2026"),
    "northwind-outdoor": ("en", "Europe/London", "October 2026"),
}


def impressions_total(folder: Path, zone: str) -> int:
    """The definition, computed again: account days per network, else its posts of the month."""
    account = read_csv(folder / "metrics" / "account_daily.csv")
    posts = read_csv(folder / "metrics" / "posts.csv")
    total = 0
    for platform in {r["platform"] for r in account} | {r["platform"] for r in posts}:
        days = [
            int(r["impressions"])
            for r in account
            if r["platform"] == platform and r["date"].startswith("2026-10") and r["impressions"]
        ]
        own = [
            int(r["impressions"])
            for r in posts
            if r["platform"] == platform
            and r["impressions"]
            and r["published_at"]
            and datetime.fromisoformat(r["published_at"])
            .astimezone(ZoneInfo(zone))
            .strftime("%Y-%m")
            == "2026-10"
        ]
        total += sum(days) if days else sum(own)
    return total


def test_example_reports_in_french_and_english(example_ws: Path) -> None:
    tasks = [Task(example_ws, slug, (Month(2026, 10),), date(2026, 11, 21)) for slug in CLIENTS]
    result = run_batch(tasks, jobs=2)
    assert not result.failures, result.failures
    assert all(o.warnings == () and o.notices == () for o in result.outcomes)
    texts = {slug: pdf_text(example_ws / "reports" / slug / "2026-10.pdf") for slug in CLIENTS}
    for slug, (locale, zone, month) in CLIENTS.items():
        text = texts[slug]
        assert month in text
        for heading in HEADINGS["boulangerie-test" if locale == "fr" else "outdoor-test"]:
            assert heading in text, (slug, heading)
        total = impressions_total(example_ws / "content" / slug, zone)
        shown = f"{total:,}".replace(",", " " if locale == "fr" else ",")
        assert shown in text, (slug, shown)
    assert "Fournil" not in texts["northwind-outdoor"]
    assert "Northwind" not in texts["fournil-des-halles"]
