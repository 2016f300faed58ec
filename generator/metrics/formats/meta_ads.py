"""Meta Ads Manager reports (CSV or XLSX, any level with `Ad name`): spend and what it bought
(paid impressions, reach, link clicks, results) joined to the boosted post through the post id
columns; ads that name no post are kept under an `ad:` id.

The paid figures go to the post's `paid_*` fields, never to its organic ones: the network's own
export counts the whole post, and an ad report's 183 link clicks put beside a post's organic
impressions made a cost per result that was neither the ad's nor the post's."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.metrics.formats import Format, Parsed
from generator.metrics.store import PostMetrics
from generator.metrics.tables import (
    ExportFile,
    HeaderedTable,
    ImportContext,
    Record,
    find_header,
    total,
)
from generator.problems import AlmanacError

AD_NAME = ("Ad name", "Nom de la publicité")
STARTS = ("Reporting starts", "Début des rapports")
ENDS = ("Reporting ends", "Fin des rapports")
AD_ID = ("Ad ID", "Identifiant de la publicité")
POST_ID = ("Post ID", "Story ID", "Effective object story ID", "Identifiant de la publication")
INSTAGRAM_ID = (
    "Instagram post ID",
    "Instagram media ID",
    "Identifiant de la publication Instagram",
)
PERMALINK = ("Post permalink", "Permalink", "Instagram permalink")
IMPRESSIONS = ("Impressions",)
REACH = ("Reach", "Couverture")
LINK_CLICKS = ("Link clicks", "Clics sur un lien", "Clics sur le lien")
RESULTS = ("Results", "Résultats")
SPENT = re.compile(r"^(amount spent|montant dépensé)\s*\((?P<currency>[a-z]{3})\)$")
SUMMED = ("impressions", "reach", "clicks", "results")


def detect(export: ExportFile) -> tuple[int, Any] | None:
    """The first table (sheet) holding an Ads Manager header."""
    for table in export.tables:
        found = find_header(
            table,
            [AD_NAME, STARTS, ENDS],
            [IMPRESSIONS, REACH, LINK_CLICKS, RESULTS, AD_ID, POST_ID],
        )
        if found:
            return found
    return None


def spend_column(table: HeaderedTable) -> str:
    for name in table.header:
        if SPENT.match(" ".join(name.split()).lower()):
            return name
    raise AlmanacError(
        f"row {table.table.rows[table.header_row][0]}: no `Amount spent (EUR)` "
        "column (add it to the report's columns and export again)",
        table.name,
        table.table.rows[table.header_row][0],
    )


@dataclass
class AdTotal:
    """The rows of one ad (or one boosted post) summed: spend and what it bought."""

    platform: str
    post_id: str
    post_url: str | None
    spend: float = 0.0
    figures: dict[str, list[int | None]] = field(default_factory=dict)


def post_reference(record: Record) -> tuple[str, str] | None:
    """The boosted post: its Instagram id when it has one, else its Facebook story id."""
    instagram = record.ident(INSTAGRAM_ID)
    if instagram:
        return "instagram", instagram
    story = record.ident(POST_ID)
    return ("facebook", story) if story else None


def is_summary(record: Record) -> bool:
    """The export's optional total row: no ad name, no ad id, no post."""
    return not (
        record.text(AD_NAME)
        or record.text(AD_ID)
        or record.text(POST_ID)
        or record.text(INSTAGRAM_ID)
    )


def ad_key(record: Record, ctx: ImportContext) -> tuple[str, str]:
    """(platform, post id); an ad without a post is keyed `ad:<Ad ID or name>`, under
    --platform or else facebook (Ads Manager's home)."""
    found = post_reference(record)
    if found:
        return found
    return ctx.platform or "facebook", "ad:" + (record.ident(AD_ID) or record.text(AD_NAME))


def add_record(
    totals: dict[tuple[str, str], AdTotal], record: Record, spent: str, ctx: ImportContext
) -> None:
    platform, post_id = ad_key(record, ctx)
    entry = totals.setdefault(
        (platform, post_id), AdTotal(platform, post_id, record.text(PERMALINK) or None)
    )
    entry.spend += record.money((spent,)) or 0.0
    for name, aliases in zip(SUMMED, (IMPRESSIONS, REACH, LINK_CLICKS, RESULTS), strict=True):
        entry.figures.setdefault(name, []).append(record.count(aliases))


def build_row(entry: AdTotal, source: str) -> PostMetrics:
    """Spend, impressions, clicks and results add up over the rows of one post; reach does
    not (a person reached by two ads, or on two days, is one person), so it is kept only
    when a single row gives it."""
    impressions, reach, clicks, results = (total(*entry.figures.get(n, [])) for n in SUMMED)
    if len(entry.figures.get("reach", [])) > 1:
        reach = None
    return PostMetrics(
        platform=entry.platform,
        post_id=entry.post_id,
        post_url=entry.post_url,
        paid_impressions=impressions,
        paid_reach=reach,
        paid_clicks=clicks,
        paid_results=results,
        ad_spend=round(entry.spend, 2),
        source=source,
    )


def parse(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    spent = spend_column(table)
    totals: dict[tuple[str, str], AdTotal] = {}
    parsed = Parsed("meta-ads", "")
    for record in table.records():
        ctx.tick(record.line)
        if is_summary(record):
            parsed.skipped.append(f"row {record.line}: the summary row (totals of all ads)")
            continue
        add_record(totals, record, spent, ctx)
    rows = [build_row(e, export.name) for e in totals.values()]
    parsed.spend = [r for r in rows if not ctx.platform or r.platform == ctx.platform]
    parsed.skipped.extend(
        f"{r.platform} post {r.post_id}: not --platform {ctx.platform}"
        for r in rows
        if r not in parsed.spend
    )
    parsed.notes.extend(
        f"{e.platform} post {e.post_id}: {len(e.figures['reach'])} rows; reach does not add "
        "up over ads or days, so it is left empty"
        for e in totals.values()
        if len(e.figures.get("reach", [])) > 1
    )
    parsed.notes.extend(
        f"`{r.post_id[3:]}` names no post (no post id column or cell): its "
        f"spend is kept as {r.platform} post `{r.post_id}`"
        for r in parsed.spend
        if r.post_id.startswith("ad:")
    )
    platforms = sorted({r.platform for r in parsed.spend})
    parsed.platform = ", ".join(platforms) or ctx.platform or "facebook"
    return parsed


FORMATS = [
    Format(
        "meta-ads",
        "Meta Ads Manager report",
        "meta",
        "<account>-Ads-<start>-<end>.csv (Ads Manager > Reports > Export)",
        "en, fr",
        "csv",
        detect,
        parse,
    ),
    Format(
        "meta-ads-xlsx",
        "Meta Ads Manager report (XLSX)",
        "meta",
        "<account>-Ads-<start>-<end>.xlsx",
        "en, fr",
        "xlsx",
        detect,
        parse,
    ),
]
