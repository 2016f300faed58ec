"""Each client's monthly reports on the site: PDF links and sandboxed HTML previews for review.

The pages only show what the build gives them (generator.site_reports collects the PDFs
found on disk and renders the previews); nothing here reads a file or runs the report.
"""

from __future__ import annotations

from pathlib import Path

from generator.months import Month
from generator.site_pages.context import Page, SiteContext
from generator.site_pages.html import esc, file_href, href
from generator.site_pages.labels import month_title, t
from generator.site_reports import ReportEntry, SiteReports

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
        f"{esc(t('months', ctx.locale))}</th><th>{esc(t('report_name', ctx.locale))}</th></tr>"
        f"{rows}</table>{note}</div>"
    )
    return Page(
        page, f"{t('reports', ctx.locale)} · {client.name}", body, hide=["toc"], search_exclude=True
    )


def render_preview_page(ctx: SiteContext, slug: str, entry: ReportEntry) -> Page:
    """The preview in a sandboxed frame (no script, no same-origin), with the PDF beside it."""
    page = preview_page(slug, entry.month)
    client = ctx.model.workspace.clients[slug]
    title = f"{t('report_name', ctx.locale)} · {month_title(entry.month.first, ctx.locale)}"
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
