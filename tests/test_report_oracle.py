"""Issue 12 oracle: the example's headline figures, computed from the RAW exports in
content/<client>/exports/ with csv and the standard library only (none of Almanac's importers
or report code), must be what the PDFs print (pdftotext).

Le Fournil des Halles (French) exports Facebook page and post CSVs, Instagram's account CSV
(UTF-16) and content CSV, and TikTok's follower history. Its metrics end on 20 November, so
November is compared with 1-20 October.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from datetime import date, datetime
from html import unescape
from pathlib import Path

import pytest
import yaml
from report_workspace import pdf_text

from generator.months import Month
from generator.report.batch import Task, run_batch

ROOT = Path(__file__).resolve().parent.parent
SLUG = "fournil-des-halles"
EXPORTS = ROOT / "content" / SLUG / "exports"
Row = dict[str, str]


def table(name: str, encoding: str = "utf-8-sig", skip: int = 0) -> list[Row]:
    text = (EXPORTS / name).read_bytes().decode(encoding, errors="replace")
    lines = text.splitlines()[skip:]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def facebook_days() -> list[tuple[date, Row]]:
    rows = table("Facebook Insights Data Export - Le Fournil des Halles - 2026-11-20.csv", "cp1252")
    return [(datetime.strptime(r["Date"], "%m/%d/%Y").date(), r) for r in rows if r["Date"]]


def instagram_days() -> list[tuple[date, Row]]:
    rows = table("Instagram_insights_Sep-01-2026_Nov-20-2026.csv", "utf-16", skip=1)
    return [(date.fromisoformat(r["Date"][:10]), r) for r in rows]


def tiktok_days() -> list[tuple[date, Row]]:
    months = {"September": 9, "October": 10, "November": 11}
    rows = table("tiktok_FollowerHistory_2026-11-20.csv")
    found = []
    for r in rows:
        name, day = r["Date"].split()
        found.append((date(2026, months[name], int(day)), r))
    return found


def gained(days: list[tuple[date, Row]], column: str, first: date, last: date) -> int:
    before = [int(r[column]) for d, r in days if d < first]
    during = [int(r[column]) for d, r in days if first <= d <= last]
    return during[-1] - (before[-1] if before else during[0])  # no count before: the first


def summed(days: list[tuple[date, Row]], column: str, first: date, last: date) -> int:
    return sum(int(r[column]) for d, r in days if first <= d <= last and r[column])


def post_rows() -> list[tuple[date, int, int]]:
    """(local publication day, engagements, impressions) of the Facebook and Instagram posts."""
    found = []
    for r in table(
        "Facebook Insights Data Export (Post Level) - Le Fournil des Halles - 2026-11-20.csv"
    ):
        if not r["Post ID"]:
            continue  # the row of descriptions under the header
        posted = datetime.strptime(r["Posted"], "%m/%d/%Y %I:%M:%S %p").date()
        found.append(
            (posted, int(r["Lifetime Engaged Users"]), int(r["Lifetime Post Total Impressions"]))
        )
    for r in table("Sep-01-2026_Nov-20-2026_451208.csv"):
        if r["Date"] != "Lifetime":
            continue
        posted = datetime.strptime(r["Publish time"], "%m/%d/%Y %H:%M").date()
        engagements = sum(int(r[c] or 0) for c in ("Likes", "Comments", "Shares", "Saves"))
        found.append((posted, engagements, int(r["Impressions"])))
    return found


def posts_published(first: date, last: date) -> int:
    count = 0
    for path in (ROOT / "content" / SLUG / "posts").glob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        when = front["publish_at"]
        day = when.date() if isinstance(when, datetime) else date.fromisoformat(str(when)[:10])
        count += front["status"] == "published" and first <= day <= last
    return count


def headline(first: date, last: date) -> dict[str, float]:
    fb, ig, tt = facebook_days(), instagram_days(), tiktok_days()
    rated = [(e, i) for d, e, i in post_rows() if first <= d <= last]
    return {
        "Abonnés gagnés": gained(fb, "Lifetime Total Likes", first, last)
        + gained(ig, "Instagram followers", first, last)
        + gained(tt, "Followers", first, last),
        "Portée": summed(fb, "Daily Total Reach", first, last)
        + summed(ig, "Instagram reach", first, last),
        "Impressions": summed(fb, "Daily Total Impressions", first, last)
        + summed(ig, "Instagram views", first, last),
        "Taux d'engagement": sum(e for e, _ in rated) / sum(i for _, i in rated),
        "Publications": posts_published(first, last),
    }


def french(value: float, rate: bool) -> str:
    if rate:
        return f"{value * 100:.1f} %".replace(".", ",")
    return f"{value:,.0f}".replace(",", " ")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Fournil's October and November (French) and Northwind's October (English)."""
    from conftest import copy_workspace

    root = copy_workspace(tmp_path_factory.mktemp("oracle") / "ws")
    months = (Month(2026, 10), Month(2026, 11))
    tasks = [
        Task(root, SLUG, months, date(2026, 12, 2)),
        Task(root, "northwind-outdoor", (Month(2026, 10),), date(2026, 12, 2)),
    ]
    result = run_batch(tasks, jobs=2)
    assert not result.failures, result.failures
    return [
        root / "reports" / SLUG / "2026-10.pdf",
        root / "reports" / SLUG / "2026-11.pdf",
        root / "reports" / "northwind-outdoor" / "2026-10.pdf",
    ]


@pytest.fixture(scope="module")
def texts(rendered: list[Path]) -> dict[str, str]:
    return {path.stem: pdf_text(path) for path in rendered[:2]}


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


def test_no_text_is_outside_the_page_and_no_last_page_is_near_empty(
    rendered: list[Path],
) -> None:
    """A table wider than the page lost its last columns; a last page held four lines."""
    for pdf in rendered:
        pages = word_boxes(pdf)
        for number, (width, height, words) in enumerate(pages, 1):
            outside = [w for w in words if w[0] < 0 or w[1] < 0 or w[2] > width or w[3] > height]
            assert not outside, (pdf.name, number, outside[:5])
        assert len(pages[-1][2]) > 60, (pdf, "near-empty last page", pages[-1][2])


def test_no_page_ends_with_a_heading(rendered: list[Path]) -> None:
    """A heading at the foot of a page, its content on the next, is kept with its content."""
    from generator.vocabulary import WORDS

    headings = {pair[i] for key, pair in WORDS.items() if key.startswith("h_") for i in (0, 1)}
    for pdf in rendered:
        for number, page in enumerate(pdf_text(pdf).split("\f")[:-1], 1):
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            body = lines[:-1]  # the running footer is the last line
            assert body and body[-1] not in headings, (pdf.name, number, body[-1:])
            assert not body[-1].startswith(("Semaine du", "Week of")), (pdf.name, number)


def figure_line(text: str, label: str) -> str:
    """The row of "the month in numbers" table that starts with `label` (or its first word,
    when a note under the label wraps it)."""
    lines = text.splitlines()
    found = [line.strip() for line in lines if re.match(rf"\s*{label}\s{{2,}}", line)]
    first = label.split()[0]
    found = found or [line.strip() for line in lines if re.match(rf"\s*{first}\s{{2,}}\d", line)]
    assert found, label
    return found[0]


def numbers_of(line: str) -> list[str]:
    return re.findall(r"\d{1,3}(?: \d{3})*(?:,\d)?(?: %)?", line)


def test_october_headline_figures_come_from_the_raw_exports(texts: dict[str, str]) -> None:
    october = headline(date(2026, 10, 1), date(2026, 10, 31))
    september = headline(date(2026, 9, 1), date(2026, 9, 30))
    for label, value in october.items():
        rate = label == "Taux d'engagement"
        shown = numbers_of(figure_line(texts["2026-10"], label))
        assert shown[:2] == [french(value, rate), french(september[label], rate)], label


def test_november_is_compared_with_the_same_days_of_october(texts: dict[str, str]) -> None:
    """The exports end on 20 November: 1-20 November against 1-20 October."""
    november = headline(date(2026, 11, 1), date(2026, 11, 20))
    same_days = headline(date(2026, 10, 1), date(2026, 10, 20))
    text = texts["2026-11"]
    assert "statistiques de Facebook, Instagram, TikTok du 21 nov. au 30 novembre 2026" in " ".join(
        text.split()
    )
    for label in ("Abonnés gagnés", "Portée", "Impressions", "Taux d'engagement"):
        rate = label == "Taux d'engagement"
        shown = numbers_of(figure_line(text, label))
        assert shown[:2] == [french(november[label], rate), french(same_days[label], rate)], label
