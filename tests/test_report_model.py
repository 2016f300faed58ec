"""The report's figures and sections, computed from a fixture workspace's plan and metrics."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from report_workspace import EN, FR, build_workspace, read_csv, write_image

from generator.content import load_workspace
from generator.content.model import Workspace
from generator.metrics.store import load_metrics
from generator.months import Month, parse_month
from generator.problems import AlmanacError
from generator.report.i18n import Words
from generator.report.months import finished_months
from generator.report.report_html import render_report_html
from generator.report.report_model import Report, build_report, excerpt
from generator.report_build import Task, run_batch

OCTOBER = Month(2026, 10)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    root = build_workspace(tmp_path_factory.mktemp("model") / "ws")
    workspace, problems = load_workspace(root, metrics=True)
    assert not problems.errors()
    return workspace


def report_of(ws: Workspace, slug: str, month: Month = OCTOBER) -> Report:
    client = ws.clients[slug]
    return build_report(client, ws.settings.name, load_metrics(client.folder), month)


def test_months_and_weeks() -> None:
    assert parse_month("2026-10") == OCTOBER
    assert OCTOBER.previous() == Month(2026, 9) and Month(2026, 1).previous() == Month(2025, 12)
    assert Month(2026, 12).next() == Month(2027, 1)
    weeks = OCTOBER.weeks()
    assert weeks[0].start == date(2026, 10, 1) and weeks[0].monday == date(2026, 9, 28)
    assert weeks[-1].end == date(2026, 10, 31)
    assert sum((w.end - w.start).days + 1 for w in weeks) == 31
    with pytest.raises(AlmanacError, match="YYYY-MM"):
        parse_month("2026-13")


def test_key_figures_follow_the_definitions(ws: Workspace) -> None:
    report = report_of(ws, FR)
    rows = read_csv(ws.clients[FR].folder / "metrics" / "account_daily.csv")
    instagram = [int(r["followers"]) for r in rows if r["platform"] == "instagram"]
    sept_last = [
        int(r["followers"])
        for r in rows
        if r["platform"] == "instagram" and r["date"] == "2026-09-30"
    ][0]
    network = {n.platform: n for n in report.figures.networks}["instagram"]
    assert network.followers_gained == instagram[-1] - sept_last
    figures = {f.key: f for f in report.key_figures}
    assert figures["posts_published"].value == 10  # the two cancelled posts do not count
    assert figures["posts_published"].previous == 4
    assert figures["followers_gained"].target == 150
    assert figures["engagement_rate"].target == pytest.approx(0.045)  # written as 4.5 (%)
    reach_goal = [o for o in report.objectives if o.platform == "instagram"][0]
    assert reach_goal.actual == network.reach and reach_goal.label == "Portée Instagram"


def test_sections_of_a_full_month(ws: Workspace) -> None:
    report = report_of(ws, FR)
    assert len(report.top_posts) == 5
    engagements = [p.engagements for p in report.top_posts]
    assert engagements == sorted(engagements, reverse=True)
    [contest] = report.contests
    assert contest.participants == 1234 and contest.winners == ("@marie.l", "@paul_b")
    [boost] = report.boosts
    assert boost.spend == pytest.approx(62.40) and boost.result[0] == "result_click"
    assert boost.result[1] == pytest.approx(62.40 / boost.clicks)  # type: ignore[operator]
    assert [c.title for c in report.curated] == ["Les farines anciennes expliquées"]
    assert report.community is not None and report.community.tone["positive"] == 42
    plan = [e.title for week in report.plan for e in week.entries]
    assert plan == ["Novembre 0", "Novembre 1", "Novembre 2"]  # not the idea
    assert report.promo_share == pytest.approx(0.3)
    assert report.audience_name == "reach"
    assert sum(w.value or 0 for w in report.audience_weeks) == report.figures.total("reach")


def test_a_month_without_data_has_empty_sections(ws: Workspace) -> None:
    report = report_of(ws, EN, Month(2027, 3))
    assert not report.figures.has_metrics
    assert (report.top_posts, report.contests, report.boosts, report.plan) == ([], [], [], [])
    assert report.community is None and report.content_mix == []
    html = render_report_html(ws, EN, "2027-03")
    for sentence in (
        "No statistics were imported",
        "No follower counts were recorded",
        "No post was planned this month.",
        "No community notes were written",
    ):
        assert sentence in html
    assert "<svg" not in html and "image/svg+xml" not in html  # no empty chart


def test_finished_months_have_notes_or_metrics(ws: Workspace) -> None:
    client = ws.clients[FR]
    metrics = load_metrics(client.folder)
    assert finished_months(client, metrics, date(2026, 11, 21)) == [Month(2026, 9), OCTOBER]
    assert finished_months(client, metrics, date(2026, 10, 5)) == [Month(2026, 9)]


def test_workspace_templates_override_the_defaults(tmp_path: Path) -> None:
    root = build_workspace(tmp_path / "ws")
    override = root / "reports" / "templates" / "sections" / "definitions.html.j2"
    override.parent.mkdir(parents=True)
    override.write_text(
        "<section><h2>Nos définitions {{ r.client.name }}</h2>"
        '<img src="{{ asset(\'stamp.png\') }}" alt=""></section>\n',
        encoding="utf-8",
    )
    write_image(root / "reports" / "templates" / "stamp.png", (0, 0, 0), (20, 20))
    workspace, _ = load_workspace(root, metrics=True)
    html = render_report_html(workspace, FR, OCTOBER, inline_media=False)
    assert "Nos définitions Boulangerie Test &amp; Fils" in html  # autoescaped
    assert "Le mois en chiffres" in html  # the other templates are the defaults
    [outcome] = run_batch([Task(root, FR, (OCTOBER,), date(2026, 11, 21))], jobs=1).outcomes
    # the stamp beside the templates may load
    assert outcome.ok and outcome.warnings == () and outcome.notices == ()


def test_words_are_localised() -> None:
    fr, en = Words("fr"), Words("en")
    assert fr.month(date(2026, 10, 1)) == "octobre 2026"
    assert en.month(date(2026, 10, 1)) == "October 2026"
    assert fr.number(12345) == "12\u202f345" and en.number(12345) == "12,345"
    assert fr.percent(0.0523) == "5,2\u00a0%" and en.percent(0.0523) == "5.2%"
    assert fr.money(62.4) == "62,40\u00a0€" and en.money(62.4) == "€62.40"
    assert fr.signed(-3) == "−3" and en.signed(0.4, "pt") == "+0.4\u00a0pt"
    assert fr.signed(-0.04, "pt") == "±0,0\u00a0pt" and en.change_percent(-0.004) == "±0%"
    with pytest.raises(ValueError):
        Words("de")


def test_excerpt_is_plain_and_cut_on_a_word() -> None:
    text = "**Venez** goûter [notre pain](https://example.org) " + "très " * 60
    short = excerpt(text, 40)
    assert short.startswith("Venez goûter notre pain") and short.endswith("…")
    assert len(short) <= 41 and "*" not in short and "http" not in short
