"""The report's tables as a workbook beside the PDF (reports/<client>/YYYY-MM.xlsx).

The same rows as the PDF's tables, read from the same Report, with numbers as numbers (rates
as fractions formatted as percentages) so a client can paste them into a deck. The bytes are
reproducible: fixed document dates and fixed dates on the zip entries.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from typing import Any, Generic, TypeVar

from openpyxl import Workbook
from openpyxl.styles import Font

from generator.report.figures import KeyFigure, NetworkFigures, ObjectiveResult
from generator.report.i18n import Words
from generator.report.report_model import BoostRow, Report, TopPost

PERCENT = "0.0%"
MONEY = "#,##0.00"
DAY = "yyyy-mm-dd"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
T = TypeVar("T")
RATIOS = attrgetter("is_ratio")  # a rate among counts: formatted as a percentage


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column of a sheet: its header, its value for a row of the report, and its number
    format (for every row, or only for the rows `formatted` keeps: rates among counts)."""

    header: str
    value: Callable[[T], Any]
    number_format: str | None = None
    formatted: Callable[[T], bool] = lambda _row: True


def add_sheet(book: Workbook, title: str, columns: list[Column[T]], rows: Sequence[T]) -> None:
    """A sheet with a bold header, one line per row and columns as wide as their content."""
    sheet = book.create_sheet(title[:31])
    sheet.append([c.header for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([c.value(row) for c in columns])
    for index, column in enumerate(columns, start=1):
        if column.number_format is None:
            continue
        for line, row in enumerate(rows, start=2):
            if column.formatted(row):
                sheet.cell(row=line, column=index).number_format = column.number_format
    for cells in sheet.columns:
        width = max(len(str(c.value)) if c.value is not None else 0 for c in cells)
        sheet.column_dimensions[cells[0].column_letter].width = min(60, max(10, width + 2))


def platforms(words: Words, names: Sequence[str]) -> str:
    return ", ".join(words.platform(n) for n in names)


def key_figures_sheet(book: Workbook, report: Report, words: Words) -> None:
    columns: list[Column[KeyFigure]] = [
        Column(words.t("figure"), lambda k: words.t(k.key)),
        Column(words.t("this_month"), lambda k: k.value, PERCENT, RATIOS),
        Column(words.t("previous_month"), lambda k: k.previous, PERCENT, RATIOS),
        Column(words.t("objective"), lambda k: k.target, PERCENT, RATIOS),
        Column(words.t("status"), lambda k: words.t(k.status) if k.status else None),
        Column(words.t("data_until", date="").strip(" :"), lambda k: k.until, DAY),
    ]
    add_sheet(book, words.t("h_numbers"), columns, report.key_figures)


def networks_sheet(book: Workbook, report: Report, words: Words) -> None:
    columns: list[Column[NetworkFigures]] = [
        Column(words.t("network"), lambda n: words.platform(n.platform)),
        Column(words.t("followers_gained"), lambda n: n.followers_gained),
        Column(words.t("reach"), lambda n: n.reach),
        Column(words.t("impressions"), lambda n: n.impressions),
        Column(words.t("posts_measured"), lambda n: n.rate.posts or None),
        Column(words.t("post_impressions"), lambda n: n.rate.impressions or None),
        Column(words.t("engagements"), lambda n: n.rate.engagements if n.rate.posts else None),
        Column(words.t("engagement_rate"), lambda n: n.engagement_rate, PERCENT),
    ]
    add_sheet(book, words.t("h_audience"), columns, report.figures.networks)


def objectives_sheet(book: Workbook, report: Report, words: Words) -> None:
    columns: list[Column[ObjectiveResult]] = [
        Column(words.t("objective"), lambda o: o.label or words.t(o.metric)),
        Column(
            words.t("network"),
            lambda o: words.platform(o.platform) if o.platform else words.t("all_networks"),
        ),
        Column("target", lambda o: o.target, PERCENT, RATIOS),
        Column(words.t("this_month"), lambda o: o.actual, PERCENT, RATIOS),
        Column(words.t("status"), lambda o: words.t(o.status) if o.status else None),
    ]
    add_sheet(book, words.t("objectives"), columns, report.objectives)


def top_posts_sheet(book: Workbook, report: Report, words: Words) -> None:
    columns: list[Column[TopPost]] = [
        Column(words.t("post"), lambda p: p.title),
        Column(words.t("dates"), lambda p: p.day, DAY),
        Column(words.t("network"), lambda p: platforms(words, p.platforms)),
        Column(words.t("impressions"), lambda p: p.impressions),
        Column(words.t("reach"), lambda p: p.reach),
        Column(words.t("engagements"), lambda p: p.engagements),
        Column(words.t("engagement_rate"), lambda p: p.engagement_rate, PERCENT),
    ]
    add_sheet(book, words.t("h_top"), columns, report.top_posts)


def ads_sheet(book: Workbook, report: Report, words: Words) -> None:
    columns: list[Column[BoostRow]] = [
        Column(words.t("post"), lambda b: b.title),
        Column(words.t("network"), lambda b: platforms(words, b.platforms)),
        Column(words.t("budget"), lambda b: b.budget, MONEY),
        Column(words.t("spend"), lambda b: b.spend, MONEY),
        Column(words.t("impressions"), lambda b: b.impressions),
        Column(words.t("clicks"), lambda b: b.clicks),
        Column(words.t("results"), lambda b: b.results),
        Column(words.t("cost_per_result"), lambda b: b.result[1], MONEY),
        Column("currency", lambda b: b.currency),
    ]
    add_sheet(book, words.t("h_ads"), columns, report.boosts)


MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def fixed_zip(data: bytes, moment: datetime) -> bytes:
    """The same zip with every entry dated 1980-01-01, in the same order, and the document's
    modification date set to `moment` (openpyxl stamps the clock's time when saving)."""
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            target.writestr(entry, content)
    return out.getvalue()


def build_workbook(report: Report) -> bytes:
    """The workbook's bytes: one sheet per table of the report, in the client's language."""
    words = Words(report.client.locale)
    book = Workbook()
    book.remove(book.active)
    key_figures_sheet(book, report, words)
    networks_sheet(book, report, words)
    objectives_sheet(book, report, words)
    top_posts_sheet(book, report, words)
    ads_sheet(book, report, words)
    moment = datetime.combine(report.month.next().first, datetime.min.time())
    book.properties.created = moment
    book.properties.modified = moment
    book.properties.creator = "Almanac"
    book.properties.title = f"{report.client.name} {report.month.key}"
    raw = io.BytesIO()
    book.save(raw)
    return fixed_zip(raw.getvalue(), moment)
