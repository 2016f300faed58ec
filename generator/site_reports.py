"""The site build's report step: which finished months each client has, their PDFs, previews.

A step of the site recipe (generator.site_build), run before any page is rendered: it reads
only the loaded workspace (each client's metrics and the report PDFs found on disk) and runs
the report renderer for the previews. The report pages then show what it found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.content.model import ClientData, Workspace
from generator.months import Month
from generator.problems import AlmanacError
from generator.report.months import finished_months

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


def render_preview(ws: Workspace, client: ClientData, month: Month) -> str:
    """The report HTML, locked down by a Content-Security-Policy even when opened on its own."""
    # imported here: matplotlib and WeasyPrint cost seconds, and only previews need them
    from generator.report.report_html import render_report_html

    document = render_report_html(ws, client, month)
    policy = f'<meta http-equiv="Content-Security-Policy" content="{PREVIEW_POLICY}">'
    found = _HEAD.search(document)
    if found is None:
        return policy + document
    return document[: found.end()] + policy + document[found.end() :]


def build_entry(ws: Workspace, client: ClientData, month: Month, previews: bool) -> ReportEntry:
    entry = ReportEntry(month, client.reports.get(month.key))
    if previews:
        try:
            entry.preview = render_preview(ws, client, month)
        except AlmanacError as exc:  # a broken report is shown as such; the site still builds
            entry.error = str(exc)
    return entry


def collect_reports(ws: Workspace, today: date, previews: bool) -> SiteReports:
    """Every finished month with data (as `almanac report --all-months`), per loaded client.

    The workspace must be loaded with its metrics; a client whose metrics could not be read
    has no reports on the site (its problem is listed there instead).
    """
    found = SiteReports(previews=previews)
    for slug, client in sorted(ws.clients.items()):
        if client.metrics is None:
            continue
        months = finished_months(client, client.metrics, today)
        if months:
            found.clients[slug] = [build_entry(ws, client, m, previews) for m in months]
    return found
