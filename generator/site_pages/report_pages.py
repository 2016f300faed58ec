"""Each client's monthly reports on the site: PDF links and sandboxed HTML previews for review."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.content.model import ClientData, Workspace
from generator.metrics.store import ClientMetrics, load_metrics
from generator.months import Month
from generator.problems import AlmanacError
from generator.report.months import finished_months
from generator.site_pages.context import Page, SiteContext
from generator.site_pages.html import esc, file_href, href
from generator.site_pages.labels import month_title, t

REPORTS_FOLDER = "reports"
# Whatever a report template holds, its preview loads nothing: no script, no outside request
PREVIEW_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; "
    "base-uri 'none'; form-action 'none'"
)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)


@dataclass
class ReportEntry:
    """One finished month of a client: its PDF (if rendered) and preview (if asked for)."""

    month: Month
    pdf: Path | None = None
    preview: str | None = None  # the report as one HTML document
    error: str | None = None  # why the preview could not be rendered


@dataclass
class SiteReports:
    """The reports the site shows, per client slug; previews only when the build asked."""

    clients: dict[str, list[ReportEntry]] = field(default_factory=dict)
    previews: bool = False


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


def find_pdf(root: Path, slug: str, month: Month) -> Path | None:
    """reports/<client>/YYYY-MM.pdf when it is a file inside that client's reports folder."""
    folder = (root / REPORTS_FOLDER / slug).resolve()
    path = (folder / f"{month.key}.pdf").resolve()
    return path if folder in path.parents and path.is_file() else None


def render_preview(ws: Workspace, client: ClientData, month: Month, metrics: ClientMetrics) -> str:
    """The report HTML, locked down by a Content-Security-Policy even when opened on its own."""
    # imported here: matplotlib and WeasyPrint cost seconds, and only previews need them
    from generator.report.report_html import render_report_html

    document = render_report_html(ws, client, month, metrics)
    policy = f'<meta http-equiv="Content-Security-Policy" content="{PREVIEW_POLICY}">'
    found = _HEAD.search(document)
    if found is None:
        return policy + document
    return document[: found.end()] + policy + document[found.end() :]


def build_entry(
    ws: Workspace, client: ClientData, month: Month, metrics: ClientMetrics, previews: bool
) -> ReportEntry:
    entry = ReportEntry(month, find_pdf(ws.root, client.slug, month))
    if previews:
        try:
            entry.preview = render_preview(ws, client, month, metrics)
        except AlmanacError as exc:  # a broken report is shown as such; the site still builds
            entry.error = str(exc)
    return entry


def collect_reports(ws: Workspace, today: date, previews: bool) -> SiteReports:
    """Every finished month with data (as `almanac report --all-months`), per loaded client."""
    found = SiteReports(previews=previews)
    for slug, client in sorted(ws.clients.items()):
        metrics = load_metrics(client.folder)  # once per client, for every month's preview
        months = finished_months(client, metrics, today)
        if months:
            found.clients[slug] = [build_entry(ws, client, m, metrics, previews) for m in months]
    return found


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


def render_row(ctx: SiteContext, slug: str, entry: ReportEntry, page: str) -> str:
    locale = ctx.locale
    links = []
    if entry.preview is not None:
        links.append(
            f'<a href="{href(page, preview_page(slug, entry.month))}">'
            f"{esc(t('report_preview', locale))}</a>"
        )
    if entry.pdf is not None:
        links.append(
            f'<a href="{file_href(page, pdf_file(slug, entry.month))}" '
            f'type="application/pdf">{esc(t("report_pdf", locale))}</a>'
        )
    else:
        command = f"almanac report --month {entry.month.key} --client {slug}"
        links.append(
            f'<span class="al-empty">{esc(t("report_no_pdf", locale))} '
            f"<code>{esc(command)}</code></span>"
        )
    if entry.error is not None:
        links.append(
            f'<span class="al-empty">{esc(t("report_failed", locale))} {esc(entry.error)}</span>'
        )
    title = esc(month_title(entry.month.first, locale))
    return f"<tr><td>{title}</td><td>{' · '.join(links)}</td></tr>"


def render_reports_page(ctx: SiteContext, reports: SiteReports, slug: str) -> Page:
    page = page_of(slug)
    client = ctx.model.workspace.clients[slug]
    rows = "".join(render_row(ctx, slug, e, page) for e in reversed(reports.clients[slug]))
    note = (
        ""
        if reports.previews
        else f'<p class="al-empty">{esc(t("report_previews_off", ctx.locale))} '
        "<code>almanac build --reports</code>.</p>"
    )
    body = (
        f'<div class="al-client" data-almanac-client="{esc(slug)}" '
        f'data-almanac-brand="{esc(slug)}">'
        f"<h1>{esc(t('reports', ctx.locale))} · {esc(client.name)}</h1>"
        f'<p><a href="{href(page, ctx.client_page(slug))}">← {esc(client.name)}</a></p>'
        f'<table class="al-table al-reports" data-search-exclude><tr><th>'
        f"{esc(t('months', ctx.locale))}</th><th>{esc(t('report', ctx.locale))}</th></tr>"
        f"{rows}</table>{note}</div>"
    )
    return Page(
        page, f"{t('reports', ctx.locale)} · {client.name}", body, hide=["toc"], search_exclude=True
    )


def render_preview_page(ctx: SiteContext, slug: str, entry: ReportEntry) -> Page:
    """The preview in a sandboxed frame (no script, no same-origin), with the PDF beside it."""
    page = preview_page(slug, entry.month)
    client = ctx.model.workspace.clients[slug]
    title = f"{t('report', ctx.locale)} · {month_title(entry.month.first, ctx.locale)}"
    source = file_href(page, html_file(slug, entry.month))
    links = [
        f'<a href="{href(page, page_of(slug))}">← {esc(t("reports", ctx.locale))}</a>',
        f'<a href="{source}">{esc(t("report_full_page", ctx.locale))}</a>',
    ]
    if entry.pdf is not None:
        links.append(
            f'<a href="{file_href(page, pdf_file(slug, entry.month))}" '
            f'type="application/pdf">{esc(t("report_pdf", ctx.locale))}</a>'
        )
    body = (
        f'<div class="al-client" data-almanac-client="{esc(slug)}" '
        f'data-almanac-brand="{esc(slug)}">'
        f"<h1>{esc(client.name)} · {esc(title)}</h1>"
        f'<p class="al-report-links">{" · ".join(links)}</p>'
        f'<iframe class="al-report-frame" src="{source}" sandbox="" loading="lazy" '
        f'referrerpolicy="no-referrer" title="{esc(title)}"></iframe></div>'
    )
    return Page(page, f"{client.name} · {title}", body, hide=["toc"], search_exclude=True)


def render_report_pages(ctx: SiteContext, reports: SiteReports) -> list[Page]:
    """Per client with finished months: the reports page, then one preview page per month."""
    pages = []
    for slug, entries in reports.clients.items():
        pages.append(render_reports_page(ctx, reports, slug))
        pages += [render_preview_page(ctx, slug, e) for e in entries if e.preview is not None]
    return pages
