"""Issue 12, layout: a report table that spans pages repeats its header row on each page, and
its total row is printed once, after the last row.

One French report of the small test workspace, with enough boosted posts, objectives and
curated shares that the ads, objectives and curated tables each run over two pages or more.
"""

from __future__ import annotations

import random
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from report_workspace import (
    FR,
    build_workspace,
    medium,
    pdf_text,
    post,
    post_row,
    published,
    write,
)

from generator.months import Month
from generator.report_build import Task, run_batch
from generator.vocabulary import word

BOOSTS, OBJECTIVES, SHARES = 20, 24, 20
# per table: the vocabulary keys of its header cells (printed upper-case) and the start of its
# rows (the curated table opens each row with the day it was shared, "3 oct.")
TABLES = {
    "ads": (("post", "dates", "budget", "spend", "clicks", "cost_per_result"), "Boost"),
    "objectives": (("objective", "network", "this_month", "status"), "Objectif"),
    "curated": (("shared_on", "post", "source", "network"), r"\d{1,2} oct\.\s+Lecture"),
}


def add_long_tables(root: Path) -> None:
    """October boosted posts (with their spend), reach objectives and curated shares."""
    folder = root / "content" / FR
    rng = random.Random(7)
    rows = []
    for n in range(BOOSTS):
        day = datetime(2026, 10, 1 + n, 18, 0)
        write(
            folder / "posts" / f"{day:%Y-%m-%d}-boost-{n}.md",
            post(
                f"Boost {n:02d}",
                f"{day:%Y-%m-%d %H:%M}",
                "instagram",
                "published",
                "promo",
                "Offre du jour.",
                "boost:\n  budget: 40\n  objective: traffic\n"
                + published({"instagram": f"b{n}"})
                + medium("pain.png", "Pain"),
            ),
        )
        rows.append(post_row("instagram", f"b{n}", day - timedelta(hours=2), rng, "31.50"))
    for n in range(SHARES):
        write(
            folder / "curated" / f"lecture-{n:02d}.md",
            f"---\ntitle: Lecture {n:02d}\nplatforms: [facebook]\nstatus: shared\n"
            f"source_name: Revue {n}\nshare_at: 2026-10-{1 + n:02d} 09:00\n"
            f"source_url: https://example.org/revue-{n}\ncredit: Revue {n}\n"
            "why: Une raison assez longue pour tenir sur deux lignes dans le tableau du mois.\n"
            "---\nTexte.\n",
        )
    posts = folder / "metrics" / "posts.csv"
    posts.write_text(posts.read_text(encoding="utf-8") + "\n".join(rows) + "\n", encoding="utf-8")
    config = folder / "client.yml"
    objectives = "".join(
        f"  - metric: reach\n    target: {1000 + n}\n    label: Objectif {n:02d}\n"
        for n in range(OBJECTIVES)
    )
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("objectives:\n", "objectives:\n" + objectives), encoding="utf-8")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    """The report's pages as pdftotext -layout lines."""
    root = build_workspace(tmp_path_factory.mktemp("long") / "ws")
    add_long_tables(root)
    result = run_batch([Task(root, FR, (Month(2026, 10),), date(2026, 11, 21))], jobs=1)
    assert not result.failures, result.failures
    text = pdf_text(root / "reports" / FR / "2026-10.pdf")
    return [page.splitlines() for page in text.split("\f")]


def row_pages(pages: list[list[str]], name: str) -> dict[int, int]:
    """Page number -> line of the first row named `name NN` on it, for pages holding such rows."""
    found: dict[int, int] = {}
    for number, lines in enumerate(pages):
        for index, line in enumerate(lines):
            if re.match(rf"\s*{name} \d\d\s", line):
                found.setdefault(number, index)
    return found


@pytest.mark.parametrize("table", sorted(TABLES))
def test_a_table_over_two_pages_repeats_its_header_on_each(
    pages: list[list[str]], table: str
) -> None:
    keys, name = TABLES[table]
    header = [word(key, "fr").upper() for key in keys]
    found = row_pages(pages, name)
    assert len(found) >= 2, (table, "the table should span pages", sorted(found))
    for number, first_row in found.items():
        above = " ".join(pages[number][max(0, first_row - 5) : first_row])
        # a narrow header cell wraps ("PARTAGÉ" above "LE"): each of its words is looked for
        missing = [cell for cell in header if any(w not in above.split() for w in cell.split())]
        assert not missing, (table, f"page {number + 1}", missing, above)


def test_a_total_row_is_printed_once_after_the_last_row(pages: list[list[str]]) -> None:
    """A footer group repeats at the foot of every page: a grand total under the first rows."""
    total = word("total", "fr")
    where = [
        (n, i)
        for n, lines in enumerate(pages)
        for i, line in enumerate(lines)
        if re.match(rf"\s*{total}\s{{2,}}", line)
    ]
    last = max(row_pages(pages, "Boost"))
    last_row = max(
        i for i, line in enumerate(pages[last]) if re.match(rf"\s*Boost {BOOSTS - 1}\s", line)
    )
    assert len(where) == 1 and where[0][0] == last and where[0][1] > last_row, where
