"""Rendered reports: figures, localised months, headings, pages, isolation, reproducibility."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from pypdf import PdfReader
from report_workspace import (
    EN,
    FR,
    HEADINGS,
    MARKER_EN,
    MARKER_FR,
    build_workspace,
    pdf_text,
    read_csv,
)

from generator.months import Month
from generator.report_build import Task, run_batch

OCTOBER = Month(2026, 10)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = build_workspace(tmp_path_factory.mktemp("reports") / "ws")
    tasks = [Task(root, slug, (OCTOBER,), date(2026, 11, 21)) for slug in (FR, EN)]
    result = run_batch(tasks, jobs=2)
    assert not result.failures, result.failures
    # no unexpected WeasyPrint warning (library notices are kept apart from data warnings)
    assert [(o.warnings, o.notices) for o in result.outcomes] == [((), ()), ((), ())]
    return root


def pdf_of(root: Path, client: str) -> Path:
    return root / "reports" / client / "2026-10.pdf"


def french(number: float) -> str:
    return f"{number:,.0f}".replace(",", " ")


def followers_gained(rows: list[dict[str, str]]) -> int:
    """Per network: last count of October minus last count before October."""
    total = 0
    for platform in {r["platform"] for r in rows}:
        counts = sorted(
            (r["date"], int(r["followers"]))
            for r in rows
            if r["platform"] == platform and r["followers"]
        )
        before = [n for d, n in counts if d < "2026-10-01"]
        during = [n for d, n in counts if "2026-10-01" <= d <= "2026-10-31"]
        total += during[-1] - (before[-1] if before else during[0])
    return total


def october_posts(rows: list[dict[str, str]], zone: str) -> list[dict[str, str]]:
    return [
        r
        for r in rows
        if datetime.fromisoformat(r["published_at"]).astimezone(ZoneInfo(zone)).strftime("%Y-%m")
        == "2026-10"
    ]


def test_french_figures_match_the_metrics(rendered: Path) -> None:
    folder = rendered / "content" / FR / "metrics"
    account = read_csv(folder / "account_daily.csv")
    posts = october_posts(read_csv(folder / "posts.csv"), "Europe/Paris")
    october = [r for r in account if r["date"].startswith("2026-10")]
    impressions = sum(int(r["impressions"]) for r in october)
    reach = sum(int(r["reach"]) for r in october)
    rate = sum(int(r["engagements"]) for r in posts) / sum(int(r["impressions"]) for r in posts)
    text = pdf_text(pdf_of(rendered, FR))
    assert french(impressions) in text
    assert french(reach) in text
    assert french(followers_gained(account)) in text
    assert f"{rate * 100:.1f} %".replace(".", ",") in text
    assert "octobre 2026" in text
    assert "Préparé par Agence Test" in text
    for heading in HEADINGS[FR]:
        assert heading in text, heading


def test_english_figures_and_empty_sections(rendered: Path) -> None:
    folder = rendered / "content" / EN / "metrics"
    account = read_csv(folder / "account_daily.csv")
    posts = october_posts(read_csv(folder / "posts.csv"), "Europe/London")
    impressions = sum(int(r["impressions"]) for r in account if r["date"].startswith("2026-10"))
    rate = sum(int(r["engagements"]) for r in posts) / sum(int(r["impressions"]) for r in posts)
    text = pdf_text(pdf_of(rendered, EN))
    assert f"{impressions:,}" in text
    assert f"{followers_gained(account):,}" in text
    assert f"{rate * 100:.1f}%" in text
    assert "October 2026" in text
    for heading in HEADINGS[EN]:
        assert heading in text, heading
    for sentence in (
        "No contest ran this month.",
        "No third-party content was shared",
        "No paid promotion this month.",
        "No community notes were written",
        "Nothing is scheduled for next month yet.",
    ):
        assert sentence in text


def test_french_sections_show_their_content(rendered: Path) -> None:
    text = pdf_text(pdf_of(rendered, FR))
    for expected in (
        "Concours du croissant d'or",
        "1 234",
        "@marie.l",
        "Expédié",
        "Les farines anciennes expliquées",
        "Le Monde du Pain",
        "62,40 €",
        "Le meilleur croissant du quartier",
        "Partenariat avec la brasserie",
        "Novembre 0",
        "Programmé",
        "Atteint",
        "Non atteint",  # a closed month: met or missed, not on track or behind
    ):
        assert expected in text, expected
    assert "Novembre 3" not in text  # an idea is not part of next month's plan


def test_a_client_marker_never_reaches_another_client(rendered: Path) -> None:
    french_text = pdf_text(pdf_of(rendered, FR))
    english_text = pdf_text(pdf_of(rendered, EN))
    assert MARKER_FR in french_text and MARKER_EN in english_text
    assert MARKER_FR not in english_text and "Boulangerie" not in english_text
    assert MARKER_EN not in french_text and "Outdoor Test" not in french_text
    assert "internal note" not in french_text and "do not publish" not in french_text


@pytest.mark.parametrize("client", [FR, EN])
def test_every_page_renders_and_is_not_blank(rendered: Path, client: str, tmp_path: Path) -> None:
    pdf = pdf_of(rendered, client)
    pages = len(PdfReader(pdf).pages)
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == pages >= 5
    for image in images:
        with Image.open(image) as page:
            assert page.size[0] < page.size[1]  # portrait A4
            inked = sum(page.convert("L").point(lambda v: v < 200 and 255).histogram()[255:])
            assert inked > 500, f"{image.name} looks blank"


def test_same_data_and_epoch_give_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build_workspace(tmp_path / "ws")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    task = Task(root, EN, (OCTOBER,), date(2026, 11, 21))
    first = run_batch([task], jobs=1).outcomes[0]
    assert first.ok and first.changed
    data = pdf_of(root, EN).read_bytes()
    pdf_of(root, EN).unlink()
    second = run_batch([task], jobs=1).outcomes[0]
    assert second.ok and pdf_of(root, EN).read_bytes() == data
    info = PdfReader(pdf_of(root, EN)).metadata
    assert info is not None and info.creation_date is not None
    assert int(info.creation_date.timestamp()) == 1790000000
