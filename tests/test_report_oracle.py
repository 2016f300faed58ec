"""Issue 12 oracle: every figure of the example's reports, computed from the RAW exports in
content/<client>/exports/ by tests/oracle_exports.py (csv, openpyxl and the standard library:
none of Almanac's importers or report code), must be what the PDFs print (pdftotext).

Every report `almanac report --all-months` writes for the example is checked: September,
October and November of Atelier Vélo and Le Fournil des Halles (French) and of Northwind
Outdoor (English). Per report: the five headline figures and their comparison, every cell of
the per-network table, each objective's figure, the five top posts (title, impressions,
reach, engagements, rate) and the ads table (spend, impressions, clicks, cost per result).
The exports end on 20 November, so November is compared with 1-20 October.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from html import unescape
from pathlib import Path

import pytest
import yaml
from oracle_exports import (
    CONTENT,
    Exports,
    PlanPost,
    Span,
    boosts,
    headline,
    month_before,
    month_span,
    networks,
    read_exports,
    read_plan,
    same_days_before,
    top_posts,
    whole_month,
)
from report_workspace import pdf_text

from generator.months import Month
from generator.report_build import Task, run_batch

CLIENTS = {"atelier-velo": "fr", "fournil-des-halles": "fr", "northwind-outdoor": "en"}
MONTHS = (9, 10, 11)
REPORTS = [(slug, month) for slug in CLIENTS for month in MONTHS]
NETWORKS = {"facebook": "Facebook", "instagram": "Instagram", "linkedin": "LinkedIn",
            "tiktok": "TikTok", "x": "X"}  # fmt: skip
LABELS = {
    "fr": {
        "followers_gained": "Abonnés gagnés",
        "reach": "Portée",
        "impressions": "Impressions",
        "engagement_rate": "Taux d'engagement",
        "posts_published": "Publications",
        "unknown": "n. c.",
        "objectives": "Objectifs du mois",
        "top": "Publications les plus performantes",
        "ads": "Publicité et boosts",
    },
    "en": {
        "followers_gained": "Followers gained",
        "reach": "Reach",
        "impressions": "Impressions",
        "engagement_rate": "Engagement rate",
        "posts_published": "Posts published",
        "unknown": "n/a",
        "objectives": "Objectives for the month",
        "top": "Top posts",
        "ads": "Ads and boosts",
    },
}

# the words after a top post's figures: reach, engagements, rate
TOP_WORDS = {
    "fr": ("portée", "interactions", "taux d'engagement"),
    "en": ("reach", "engagements", "engagement rate"),
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], Path]:
    """Every report of the example, as on 2 December 2026 (all three months are closed)."""
    from conftest import copy_workspace

    root = copy_workspace(tmp_path_factory.mktemp("oracle") / "ws")
    months = tuple(Month(2026, m) for m in MONTHS)
    # seen from the example's day (`as_of`): reports run `check`'s rules, and on a later day
    # the example's scheduled November posts are missed (errors in November's data)
    result = run_batch([Task(root, slug, months, date(2026, 11, 21)) for slug in CLIENTS], jobs=2)
    assert not result.failures, result.failures
    return {(s, m): root / "reports" / s / f"2026-{m:02d}.pdf" for s, m in REPORTS}


@pytest.fixture(scope="module")
def texts(rendered: dict[tuple[str, int], Path]) -> dict[tuple[str, int], str]:
    return {key: pdf_text(path) for key, path in rendered.items()}


@pytest.fixture(scope="module")
def exports() -> dict[str, Exports]:
    return {slug: read_exports(slug) for slug in CLIENTS}


@pytest.fixture(scope="module")
def plans() -> dict[str, list[PlanPost]]:
    return {slug: read_plan(slug) for slug in CLIENTS}


# --- printing numbers as the report does --------------------------------------------------


def count(value: float, locale: str, sign: bool = False) -> str:
    text = f"{value:+,.0f}" if sign else f"{value:,.0f}"
    return text.replace(",", " ") if locale == "fr" else text


def percent(value: float | Decimal, locale: str) -> str:
    return f"{value * 100:.1f} %".replace(".", ",") if locale == "fr" else f"{value * 100:.1f}%"


def money(value: float, locale: str) -> str:
    """Amounts with two decimals: `49,37 €` (fr) or `£111.18` (en)."""
    if locale == "en":
        return f"£{value:,.2f}"
    return f"{value:,.2f} €".replace(",", " ").replace(".", ",")


def shown(value: float | None, locale: str, key: str, sign: bool = False) -> str:
    if value is None:
        return LABELS[locale]["unknown"]
    return percent(value, locale) if key == "engagement_rate" else count(value, locale, sign)


# --- reading the PDF's text ---------------------------------------------------------------

NUMBER = r"[+−-]?\d{1,3}(?:[ ,]\d{3})*(?:[.,]\d+)?(?: ?%)?"


def cells(line: str) -> list[str]:
    """A table line's cells: pdftotext -layout separates columns by two spaces or more."""
    return [c for c in re.split(r"\s{2,}", line.strip()) if c]


def section(text: str, heading: str) -> str:
    """The text from a section's heading to the end of its page."""
    rest = after_heading(text, heading)
    return rest[: rest.find("\f")]


def after_heading(text: str, heading: str) -> str:
    """The text from a section's heading (a line of its own, not the contents' entry) on."""
    match = re.search(rf"^{re.escape(heading)}\s*$", text, re.M)
    assert match, heading
    return text[match.end() :]


def figure_row(text: str, label: str) -> list[str]:
    """The "month in numbers" table's row of `label`: this month, the previous month."""
    lines = text.split("\f")[1].splitlines()  # page 2: the month in numbers
    rows = [cells(line) for line in lines if re.match(rf"\s*{re.escape(label)}\s{{2,}}", line)]
    assert rows, label
    return rows[0][1:3]


def network_row(text: str, name: str) -> list[str] | None:
    """The per-network table's row of `name` (seven cells), or None when it has no row."""
    for line in text.splitlines():
        found = cells(line)
        if found and found[0] == name and len(found) == 8:
            return found[1:]
    return None


# --- the checks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    slug: str
    month: int
    locale: str
    text: str
    span: Span
    whole: Span

    @property
    def partial(self) -> bool:
        return self.span != self.whole


def report_of(slug: str, month: int, texts: dict[tuple[str, int], str], ex: Exports) -> Report:
    span = month_span(2026, month, ex)
    return Report(slug, month, CLIENTS[slug], texts[(slug, month)], span, whole_month(2026, month))


@pytest.mark.parametrize(("slug", "month"), REPORTS)
def test_headline_figures_come_from_the_raw_exports(
    slug: str, month: int, texts: dict, exports: dict, plans: dict
) -> None:
    """This month and the previous one (the same days when the exports stop early; none in
    September, which has no August to compare with) for the five headline figures."""
    report = report_of(slug, month, texts, exports[slug])
    ex, plan = exports[slug], plans[slug]
    now = headline(ex, plan, report.span, report.whole)
    whole_before = month_before(report.whole)
    earlier = same_days_before(report.span) if report.partial else whole_before
    before = headline(ex, plan, earlier, whole_before)
    for key, value in now.items():
        label = LABELS[report.locale][key]
        # September has no August to compare with, except the plan's count (August's is 0)
        previous = before[key] if month > MONTHS[0] or key == "posts_published" else None
        expected = [shown(value, report.locale, key), shown(previous, report.locale, key)]
        assert figure_row(report.text, label) == expected, (slug, month, key)


@pytest.mark.parametrize(("slug", "month"), REPORTS)
def test_every_network_row_comes_from_the_raw_exports(
    slug: str, month: int, texts: dict, exports: dict
) -> None:
    """Followers gained, reach, impressions (accounts), posts measured, their impressions,
    engagements and rate (posts), per network."""
    report = report_of(slug, month, texts, exports[slug])
    for platform, figures in networks(exports[slug], report.span).items():
        locale = report.locale
        expected = [
            shown(figures.gained, locale, "followers_gained", sign=True),
            shown(figures.reach, locale, "reach"),
            shown(figures.impressions, locale, "impressions"),
            *(
                [count(figures.measured, locale), count(figures.post_impressions, locale),
                 count(figures.engagements, locale), percent(figures.rate, locale)]
                if figures.rate is not None
                else [LABELS[locale]["unknown"]] * 4
            ),
        ]  # fmt: skip
        assert network_row(report.text, NETWORKS[platform]) == expected, (slug, month, platform)


@pytest.mark.parametrize(("slug", "month"), REPORTS)
def test_top_posts_come_from_the_raw_exports(
    slug: str, month: int, texts: dict, exports: dict, plans: dict
) -> None:
    """The five posts with the most engagements, and their figures summed over networks
    (the rate over the networks that export both engagements and impressions)."""
    report = report_of(slug, month, texts, exports[slug])
    locale, words = report.locale, TOP_WORDS[report.locale]
    body = " ".join(after_heading(report.text, LABELS[locale]["top"]).split())
    expected = top_posts(exports[slug], plans[slug], report.whole)
    assert expected, (slug, month)
    for rank, post in enumerate(expected, 1):
        start = body.find(f"{rank} · ")
        end = body.find(f"{rank + 1} · ", start)
        block = body[start : end if end > start else None]
        assert start >= 0 and post.title in block[:300], (slug, month, rank, post.title)
        figures = [
            (post.impressions, count, "impressions"),
            (post.reach, count, words[0]),
            (post.engagements, count, words[1]),
            (post.rate, percent, words[2]),
        ]
        for value, form, word in figures:
            if value:  # a figure no network exported is not printed
                assert f"{form(value, locale)} {word}" in block, (slug, month, rank, word, block)


def money_row(line: str) -> list[str]:
    """The amounts and counts of an ads table line (budget, spend, impressions, clicks, cost)."""
    return [c for c in cells(line) if re.fullmatch(f"£?{NUMBER}( €)?", c)]


@pytest.mark.parametrize(("slug", "month"), REPORTS)
def test_ads_come_from_the_ads_manager_report(
    slug: str, month: int, texts: dict, exports: dict, plans: dict
) -> None:
    """Spend, impressions, clicks and cost per result of each boost: what the Ads Manager
    report says the money bought, never the post's organic figures."""
    report = report_of(slug, month, texts, exports[slug])
    locale = report.locale
    expected = boosts(exports[slug], plans[slug], report.whole)
    lines = after_heading(report.text, LABELS[locale]["ads"]).splitlines()
    rows = [row for row in map(money_row, lines) if len(row) == 5]  # the total row has 4
    assert len(rows) >= len(expected), (slug, month, rows)
    for boost, row in zip(expected, rows, strict=False):
        figures = [boost.spend, boost.impressions, boost.clicks, boost.cost]
        forms = [money, count, count, money]
        assert row[1:] == [f(v, locale) for f, v in zip(forms, figures, strict=True)], (
            slug,
            month,
            boost.title,
        )


@pytest.mark.parametrize(("slug", "month"), REPORTS)
def test_objectives_come_from_the_raw_exports(
    slug: str, month: int, texts: dict, exports: dict, plans: dict
) -> None:
    """Each objective of client.yml: the month's figure of its network (or of all)."""
    report = report_of(slug, month, texts, exports[slug])
    locale = report.locale
    settings = yaml.safe_load((CONTENT / slug / "client.yml").read_text(encoding="utf-8"))
    rows = networks(exports[slug], report.span)
    total = headline(exports[slug], plans[slug], report.span, report.whole)
    part = section(report.text, LABELS[locale]["objectives"])
    lines = [cells(line) for line in part.splitlines() if cells(line)]
    for objective in settings["objectives"]:
        metric, platform = objective["metric"], objective.get("platform")
        if platform is None:
            value: float | None = total[metric]
        elif metric == "posts_published":
            value = None  # not from the exports
        elif metric == "engagement_rate":
            value = rows[platform].rate
        else:
            value = getattr(rows[platform], {"followers_gained": "gained"}.get(metric, metric))
        label = objective["label"]
        row = next(r for r in lines if label.startswith(r[0]) and len(r[0]) > 8)
        numbers = [c for c in row[1:] if re.fullmatch(NUMBER, c)]
        if value is not None:
            assert numbers[1] == shown(value, locale, metric), (slug, month, label, row)


SHORT_MONTHS = {"fr": {9: "sept.", 10: "oct.", 11: "nov."}, "en": {9: "Sep", 10: "Oct", 11: "Nov"}}


@pytest.mark.parametrize(("slug", "month"), REPORTS)
def test_weeks_cut_by_the_month_say_how_many_days_they_count(
    slug: str, month: int, texts: dict
) -> None:
    """November 2026 starts on a Sunday: its first "week" is one day, and its bar (1,059)
    beside whole weeks (6,602) looked like a fall. The chart's note names each cut week."""
    locale, whole = CLIENTS[slug], whole_month(2026, month)
    first_end = whole.first + timedelta(days=6 - whole.first.weekday())
    last_start = whole.last - timedelta(days=whole.last.weekday())
    cut = []
    for start, end in ((whole.first, first_end), (last_start, whole.last)):
        days = (end - start).days + 1
        if days < 7:
            unit = (
                ("jour" if days == 1 else "jours")
                if locale == "fr"
                else ("day" if days == 1 else "days")
            )
            cut.append(f"{start.day} {SHORT_MONTHS[locale][month]} ({days} {unit})")
    text = " ".join(texts[(slug, month)].split())
    lead = (
        "comptées sur leurs seuls jours du mois :"
        if locale == "fr"
        else "only their days in the month:"
    )
    assert f"{lead} {', '.join(cut)}." in text, (slug, month, cut)


# the names the report gives the territories and genders of the example's TikTok files
AUDIENCE_NAMES = {
    "fr": {"FR": "France", "BE": "Belgique", "CH": "Suisse", "CA": "Canada", "MA": "Maroc",
           "Female": "femmes", "Male": "hommes", "Other": "autre"},
    "en": {"GB": "United Kingdom", "US": "United States", "IE": "Ireland", "AU": "Australia",
           "CA": "Canada", "Female": "women", "Male": "men", "Other": "other"},
}  # fmt: skip


@pytest.mark.parametrize("slug", ["fournil-des-halles", "northwind-outdoor"])
def test_the_audience_page_shows_tiktoks_own_shares(slug: str, texts: dict) -> None:
    """TikTok's territories and gender files (a snapshot of 20 November): November's report
    prints the five territories and the gender split, largest first, as the files give them."""
    from oracle_exports import audience_shares

    locale, names = CLIENTS[slug], AUDIENCE_NAMES[CLIENTS[slug]]
    text = " ".join(texts[(slug, 11)].split())
    for kind in ("TopTerritories", "Gender"):
        shares = audience_shares(slug, kind)[:5]
        line = " · ".join(f"{names[k]} {percent(v, locale)}" for k, v in shares)
        assert line in text, (slug, kind, line)
    assert "Pays :" not in texts[(slug, 10)] and "Territories:" not in texts[(slug, 10)]


@pytest.mark.parametrize("slug", list(CLIENTS))
def test_november_says_its_data_stops_on_the_20th(slug: str, texts: dict) -> None:
    """The exports end on 20 November: the cover and the figures say so."""
    text = " ".join(texts[(slug, 11)].split())
    if CLIENTS[slug] == "fr":
        assert "statistiques de" in text and "du 21 nov. au 30 novembre 2026" in text
        assert "données jusqu'au 20 nov." in text
    else:
        assert "no statistics of" in text and "for 21 Nov to 30 November 2026" in text
        assert "data until 20 Nov" in text


# --- layout, on the same PDFs ---------------------------------------------------------------

Box = tuple[float, float, float, float, str]
WORD = re.compile(
    r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>'
)


def word_boxes(pdf: Path) -> list[tuple[float, float, list[Box]]]:
    """Per page: its width, its height and every word with its box (pdftotext -bbox)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        found = WORD.findall(page.group(3))
        words = [(float(a), float(b), float(c), float(d), unescape(t)) for a, b, c, d, t in found]
        pages.append((float(page.group(1)), float(page.group(2)), words))
    return pages


def page_bodies(text: str) -> list[list[str]]:
    """Each page's non-empty lines without the running footer (its last line)."""
    pages = [
        [line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")
    ]
    return [lines[:-1] for lines in pages if lines]


@pytest.mark.parametrize(("slug", "month"), REPORTS)
def test_no_text_is_outside_the_page_and_no_last_page_is_near_empty(
    slug: str, month: int, rendered: dict[tuple[str, int], Path], texts: dict
) -> None:
    """A table wider than the page lost its last columns; a last page held four lines. The
    last page (the definitions, at least) holds ten lines or more and reaches past a fifth
    of the page's height."""
    pdf = rendered[(slug, month)]
    pages = word_boxes(pdf)
    for number, (width, height, words) in enumerate(pages, 1):
        outside = [w for w in words if w[0] < 0 or w[1] < 0 or w[2] > width or w[3] > height]
        assert not outside, (pdf.name, number, outside[:5])
    width, height, words = pages[-1]
    assert len(words) > 60, (pdf, "near-empty last page", words)
    assert len(page_bodies(texts[(slug, month)])[-1]) >= 10, (pdf, "near-empty last page")
    body = [w for w in words if w[3] < height * 0.9]  # above the running footer
    assert max(w[3] for w in body) > height * 0.2, (pdf, "near-empty last page")


HEADING_STARTS = ("Semaine du ", "Week of ", "Audience ")


@pytest.mark.parametrize(("slug", "month"), REPORTS)
def test_no_page_ends_with_a_heading(
    slug: str, month: int, texts: dict[tuple[str, int], str]
) -> None:
    """A heading at the foot of a page, its content on the next, is kept with its content:
    every section and sub-section heading has at least two lines of its content under it on
    its own page, every week of the plan at least one."""
    from generator.vocabulary import WORDS

    keys = {"objectives", "quotes", "screenshots", "actions"}
    headings = {
        pair[i]
        for key, pair in WORDS.items()
        if key.startswith("h_") or key in keys
        for i in (0, 1)
    }

    def is_heading(line: str) -> bool:
        return line in headings or (line.startswith(HEADING_STARTS) and len(line) < 40)

    bodies = page_bodies(texts[(slug, month)])
    for number, body in enumerate(bodies, 1):
        for index, line in enumerate(body):
            week = line.startswith(HEADING_STARTS) and len(line) < 40
            if is_heading(line):
                under = body[index + 1 :]  # a week keeps its rows together: one may be all
                # a section whose whole content is one line ("nothing this month") is complete
                # when the next page opens on the next heading
                following = bodies[number] if number < len(bodies) else []
                whole = len(under) == 1 and (not following or is_heading(following[0]))
                assert whole or len(under) >= (1 if week else 2), (slug, month, number, line, under)
