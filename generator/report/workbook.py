"""The report's tables as a workbook beside the PDF (reports/<client>/YYYY-MM.xlsx).

The same rows as the PDF's tables, read from the same Report, with numbers as numbers (rates
as fractions formatted as percentages) so a client can paste them into a deck. The bytes are
reproducible: fixed document dates and fixed dates on the zip entries.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from generator.report.i18n import Words
from generator.report.report_model import Report

PERCENT = "0.0%"
MONEY = "#,##0.00"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def add_sheet(book: Workbook, title: str, header: list[str], rows: list[list[Any]]) -> Worksheet:
    sheet = book.create_sheet(title[:31])
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for column in sheet.columns:
        width = max(len(str(c.value)) if c.value is not None else 0 for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
    return sheet


def format_column(sheet: Worksheet, column: int, number_format: str, rows: list[int]) -> None:
    for row in rows:
        sheet.cell(row=row, column=column).number_format = number_format


def key_figures_sheet(book: Workbook, report: Report, words: Words) -> None:
    header = [
        words.t("figure"),
        words.t("this_month"),
        words.t("previous_month"),
        words.t("objective"),
        words.t("status"),
        words.t("data_until", date="").strip(" :"),
    ]
    rows = [
        [
            words.t(k.key),
            k.value,
            k.previous,
            k.target,
            words.t(k.status) if k.status else None,
            k.until,
        ]
        for k in report.key_figures
    ]
    sheet = add_sheet(book, words.t("h_numbers"), header, rows)
    ratios = [i + 2 for i, k in enumerate(report.key_figures) if k.is_ratio]
    for column in (2, 3, 4):
        format_column(sheet, column, PERCENT, ratios)
    format_column(sheet, 6, "yyyy-mm-dd", list(range(2, len(rows) + 2)))


def networks_sheet(book: Workbook, report: Report, words: Words) -> None:
    header = [
        words.t("network"),
        words.t("followers_gained"),
        words.t("reach"),
        words.t("impressions"),
        words.t("posts_measured"),
        words.t("post_impressions"),
        words.t("engagements"),
        words.t("engagement_rate"),
    ]
    rows = [
        [
            words.platform(n.platform),
            n.followers_gained,
            n.reach,
            n.impressions,
            n.rate.posts or None,
            n.rate.impressions or None,
            n.rate.engagements if n.rate.posts else None,
            n.engagement_rate,
        ]
        for n in report.figures.networks
    ]
    sheet = add_sheet(book, words.t("h_audience"), header, rows)
    format_column(sheet, 8, PERCENT, list(range(2, len(rows) + 2)))


def objectives_sheet(book: Workbook, report: Report, words: Words) -> None:
    header = [words.t("objective"), words.t("network"), "target", words.t("this_month")]
    header += [words.t("status")]
    rows = [
        [
            o.label or words.t(o.metric),
            words.platform(o.platform) if o.platform else words.t("all_networks"),
            o.target,
            o.actual,
            words.t(o.status) if o.status else None,
        ]
        for o in report.objectives
    ]
    sheet = add_sheet(book, words.t("objectives"), header, rows)
    ratios = [i + 2 for i, o in enumerate(report.objectives) if o.is_ratio]
    for column in (3, 4):
        format_column(sheet, column, PERCENT, ratios)


def top_posts_sheet(book: Workbook, report: Report, words: Words) -> None:
    header = [
        words.t("post"),
        words.t("dates"),
        words.t("network"),
        words.t("impressions"),
        words.t("reach"),
        words.t("engagements"),
        words.t("engagement_rate"),
    ]
    rows = [
        [
            p.title,
            p.day,
            ", ".join(words.platform(n) for n in p.platforms),
            p.impressions,
            p.reach,
            p.engagements,
            p.engagement_rate,
        ]
        for p in report.top_posts
    ]
    sheet = add_sheet(book, words.t("h_top"), header, rows)
    format_column(sheet, 2, "yyyy-mm-dd", list(range(2, len(rows) + 2)))
    format_column(sheet, 7, PERCENT, list(range(2, len(rows) + 2)))


def ads_sheet(book: Workbook, report: Report, words: Words) -> None:
    header = [
        words.t("post"),
        words.t("network"),
        words.t("budget"),
        words.t("spend"),
        words.t("impressions"),
        words.t("clicks"),
        words.t("engagements"),
        words.t("cost_per_result"),
        "currency",
    ]
    rows = [
        [
            b.title,
            ", ".join(words.platform(n) for n in b.platforms),
            b.budget,
            b.spend,
            b.impressions,
            b.clicks,
            b.engagements,
            b.result[1],
            b.currency,
        ]
        for b in report.boosts
    ]
    sheet = add_sheet(book, words.t("h_ads"), header, rows)
    for column in (3, 4, 8):
        format_column(sheet, column, MONEY, list(range(2, len(rows) + 2)))


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
