"""Each client's monthly reports on the site: PDF links and sandboxed HTML previews for review.

The pages only show what the build gives them (generator.site_reports collects the PDFs
found on disk and renders the previews); nothing here reads a file or runs the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.months import Month
from generator.site_pages.context import Page, SiteContext
from generator.site_pages.labels import month_title
from generator.site_pages.render import macro
from generator.site_reports import ReportEntry, SiteReports
from generator.vocabulary import word as t

REPORTS_FOLDER = "reports"  # the reports' folder under each client's pages


def page_of(slug: str) -> str:
    return f"{slug}/{REPORTS_FOLDER}/index"


def preview_page(slug: str, month: Month) -> str:
    # an index page: its source folder is its URL folder, so Zensical (which reads relative
    # links in raw HTML from the source file) and MkDocs resolve the same links alike
    return f"{slug}/{REPORTS_FOLDER}/{month.key}/index"


def pdf_file(slug: str, month: Month) -> str:
    return f"{slug}/{REPORTS_FOLDER}/{month.key}.pdf"


def html_file(slug: str, month: Month) -> str:
    return f"{slug}/{REPORTS_FOLDER}/{month.key}.html"


def site_files(reports: SiteReports) -> tuple[dict[str, Path], dict[str, str]]:
    """PDFs to copy and preview documents to write, by site path (only the loaded clients')."""
    files: dict[str, Path] = {}
    texts: dict[str, str] = {}
    for slug, entries in reports.clients.items():
        for entry in entries:
            if entry.pdf is not None:
                files[pdf_file(slug, entry.month)] = entry.pdf
            if entry.preview is not None:
                texts[html_file(slug, entry.month)] = entry.preview
    return files, texts


@dataclass(frozen=True)
class ReportPaths:
    """Where a month's report lives on the site, and the command that makes its PDF."""

    index: str
    preview: str
    pdf: str
    html: str
    command: str


def paths_of(slug: str, month: Month) -> ReportPaths:
    return ReportPaths(
        page_of(slug),
        preview_page(slug, month),
        pdf_file(slug, month),
        html_file(slug, month),
        f"almanac report --month {month.key} --client {slug}",
    )


def render_reports_page(ctx: SiteContext, reports: SiteReports, slug: str) -> Page:
    page = page_of(slug)
    client = ctx.model.workspace.clients[slug]
    rows = [(e, paths_of(slug, e.month)) for e in reversed(reports.clients[slug])]
    body = macro("reports.html.j2", "reports_page")(ctx, client, rows, reports.previews, page)
    title = f"{t('reports', ctx.locale)} · {client.name}"
    return Page(page, title, str(body), hide=["toc"], search_exclude=True)


def render_preview_page(ctx: SiteContext, slug: str, entry: ReportEntry) -> Page:
    """The preview in a sandboxed frame (no script, no same-origin), with the PDF beside it."""
    page = preview_page(slug, entry.month)
    client = ctx.model.workspace.clients[slug]
    title = f"{t('report_name', ctx.locale)} · {month_title(entry.month.first, ctx.locale)}"
    paths = paths_of(slug, entry.month)
    body = macro("reports.html.j2", "preview_page")(ctx, client, entry, paths, title, page)
    return Page(page, f"{client.name} · {title}", str(body), hide=["toc"], search_exclude=True)


def render_report_pages(ctx: SiteContext, reports: SiteReports) -> list[Page]:
    """Per client with finished months: the reports page, then one preview page per month."""
    pages = []
    for slug, entries in reports.clients.items():
        pages.append(render_reports_page(ctx, reports, slug))
        pages += [render_preview_page(ctx, slug, e) for e in entries if e.preview is not None]
    return pages
