"""Schedule exports: a review sheet and Hootsuite Bulk Composer files, formula-safe CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from generator.captions import caption_with_hashtags, network_name
from generator.content.kinds import POST
from generator.content.model import AnyItem, ClientData, Workspace
from generator.sanitise import safe_url
from generator.schema import Post
from generator.schema.common import Platform

# Ready to go and not yet live: drafts are not exported, published posts are already out.
EXPORT_STATUSES = frozenset({"approved", "scheduled"})
# OWASP CSV injection: these first characters make a spreadsheet read a formula. The
# full-width forms are read as formulas by some spreadsheets too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
HOOTSUITE_DATE = "%d/%m/%Y %H:%M"
BOM = "\ufeff"
SHEET_HEADER = [
    "Date",
    "Message",
    "Link",
    "Network",
    "Account",
    "Media",
    "Alt text",
    "First comment",
    "Title",
    "Status",
    "Item",
]


@dataclass(frozen=True)
class ScheduleRow:
    """One post on one network, in the client's local time."""

    when: datetime
    platform: str
    item: AnyItem
    meta: Post


def neutralise(cell: str) -> str:
    """Prefix a cell a spreadsheet would run as a formula with an apostrophe (OWASP)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def build_rows(
    client: ClientData,
    statuses: Iterable[str] = EXPORT_STATUSES,
    platform: str | None = None,
    after: datetime | None = None,
) -> list[ScheduleRow]:
    """Posts with an exported status, one row per network, sorted by time, network, item."""
    wanted = set(statuses)
    zone = ZoneInfo(client.timezone)
    rows: list[ScheduleRow] = []
    for item in POST.items(client.items):
        meta = item.meta
        if item.status not in wanted:
            continue
        if after is not None and meta.publish_at <= after:
            continue
        for network in item.platforms:
            if platform is None or network == platform:
                rows.append(ScheduleRow(meta.publish_at.astimezone(zone), network, item, meta))
    order = {p.value: index for index, p in enumerate(Platform)}
    return sorted(
        rows, key=lambda r: (r.when.astimezone(UTC), order.get(r.platform, 99), r.item.slug)
    )


def write_csv(rows: list[list[str]], bom: bool) -> str:
    """RFC 4180: comma, double quotes where needed, CRLF record ends; cells neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return (BOM if bom else "") + buffer.getvalue()


def sheet_row(row: ScheduleRow, client: ClientData) -> list[str]:
    meta = row.meta
    account = client.config.platforms.get(Platform(row.platform))
    variant = meta.variants.get(Platform(row.platform))
    return [
        row.when.strftime(HOOTSUITE_DATE),
        caption_with_hashtags(row.item, row.platform),
        safe_url(meta.link) or "",
        network_name(row.platform),
        account.handle if account else "",
        " | ".join(m.file for m in meta.media),
        " | ".join(m.alt or "" for m in meta.media) if any(m.alt for m in meta.media) else "",
        (variant.first_comment or "") if variant else "",
        row.item.title,
        row.item.status,
        row.item.uid,
    ]


def render_schedule_csv(
    workspace: Workspace,
    client: ClientData,
    statuses: Iterable[str] = EXPORT_STATUSES,
    after: datetime | None = None,
) -> str:
    """The schedule sheet: header, one row per post and network; columns A-C are Hootsuite's."""
    del workspace  # same signature as the other feeds; the client holds all that is needed
    rows = [sheet_row(row, client) for row in build_rows(client, statuses, None, after)]
    # Excel reads a UTF-8 CSV without a BOM as the local code page: accents break
    return write_csv([SHEET_HEADER, *rows], bom=True)


def render_hootsuite_csv(
    workspace: Workspace,
    client: ClientData,
    platform: str,
    statuses: Iterable[str] = EXPORT_STATUSES,
    after: datetime | None = None,
) -> str:
    """A Hootsuite Bulk Composer file for one network: no header; date, message, link."""
    del workspace
    rows = [
        [
            row.when.strftime(HOOTSUITE_DATE),
            caption_with_hashtags(row.item, row.platform),
            safe_url(row.meta.link) or "",
        ]
        for row in build_rows(client, statuses, platform, after)
    ]
    # no BOM: it would stick to the first date and make Hootsuite refuse the first row
    return write_csv(rows, bom=False)


def feed_files(workspace: Workspace, client: ClientData) -> dict[str, bytes]:
    """Every feed and export of a client, by suggested file name, as the bytes to write."""
    from generator.feeds.ics import render_ics

    files = {
        "calendar.ics": render_ics(workspace, client),
        "schedule.csv": render_schedule_csv(workspace, client),
    }
    for platform in sorted(p.value for p in client.config.platforms):
        files[f"calendar-{platform}.ics"] = render_ics(workspace, client, platform)
        files[f"hootsuite-{platform}.csv"] = render_hootsuite_csv(workspace, client, platform)
    return {name: text.encode("utf-8") for name, text in sorted(files.items())}
