"""Meta Business Suite insights exports (account level, one row per day) for Instagram
accounts and Facebook pages: a wide table with one column per metric, or one file per metric
(`Date`, `Primary`) named by a title line above the header."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from generator.metrics.dates import parse_day
from generator.metrics.decode import normalize_header
from generator.metrics.formats import Format, Parsed
from generator.metrics.store import AccountDay
from generator.metrics.tables import ExportFile, HeaderedTable, ImportContext, Record, find_header
from generator.problems import AlmanacError

DATE = ("Date", "Datum", "Fecha")
PRIMARY = ("Primary", "Principal", "Primär")
FIGURES = (
    "followers",
    "follows",
    "unfollows",
    "impressions",
    "reach",
    "profile_visits",
    "link_clicks",
    "video_views",
)

# Metric names as Meta writes them (title line or column), by platform and canonical figure
METRIC_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "instagram": {
        "followers": ("Instagram followers",),
        "follows": ("Instagram follows", "Instagram new followers"),
        "unfollows": ("Instagram unfollows",),
        "impressions": ("Instagram views", "Instagram impressions"),
        "reach": ("Instagram reach", "Instagram accounts reached"),
        "profile_visits": ("Instagram profile visits", "Instagram profile views"),
        "link_clicks": (
            "Instagram link clicks",
            "Instagram external link taps",
            "Instagram website taps",
        ),
    },
    "facebook": {
        "followers": ("Facebook followers", "Facebook Page followers"),
        "follows": ("Facebook follows", "Facebook Page follows", "Facebook new follows"),
        "unfollows": ("Facebook unfollows", "Facebook Page unfollows"),
        "impressions": ("Facebook views", "Facebook Page views", "Facebook impressions"),
        "reach": ("Facebook reach", "Facebook Page reach"),
        "profile_visits": ("Facebook visits", "Facebook Page visits", "Facebook profile visits"),
        "link_clicks": ("Facebook link clicks", "Facebook Page link clicks"),
    },
}
METRICS = {
    normalize_header(name): (platform, figure)
    for platform, figures in METRIC_NAMES.items()
    for figure, names in figures.items()
    for name in names
}
ANY_METRIC = tuple(
    name for figures in METRIC_NAMES.values() for names in figures.values() for name in names
)

Columns = dict[str, dict[str, int]]  # platform -> figure -> column index


def detect(export: ExportFile) -> tuple[int, Any] | None:
    return find_header(export.tables[0], [DATE, ANY_METRIC + PRIMARY], [ANY_METRIC])


def title_metric(table: HeaderedTable, ctx: ImportContext) -> tuple[str, str]:
    """The (platform, figure) a one-metric file measures, from its title line."""
    titles = [
        cells[0].strip()
        for _line, cells in table.table.rows[: table.header_row]
        if len(cells) == 1 and cells[0].strip() and not cells[0].startswith("sep=")
    ]
    title = titles[-1] if titles else ""
    key = normalize_header(title)
    if key not in METRICS and ctx.platform:
        key = normalize_header(f"{ctx.platform} {title}")
    if key not in METRICS:
        known = ", ".join(f"`{n}`" for n in ANY_METRIC)
        raise AlmanacError(
            f"row {table.header_row + 1}: the `Primary` column measures the metric "
            f"named in the title line above the header; found "
            f"`{title or 'no title'}`, known: {known}",
            table.name,
            table.table.rows[table.header_row][0],
        )
    return METRICS[key]


def find_columns(table: HeaderedTable, ctx: ImportContext) -> Columns:
    """Which column holds which figure of which platform (only --platform's when given)."""
    columns: Columns = defaultdict(dict)
    primary = table.column(PRIMARY)
    if primary is not None:
        platform, figure = title_metric(table, ctx)
        columns[platform][figure] = primary
    for position, name in enumerate(table.header):
        found = METRICS.get(normalize_header(name))
        if found:
            columns[found[0]].setdefault(found[1], position)
    if ctx.platform:
        columns = {p: c for p, c in columns.items() if p == ctx.platform}
        if not columns:
            raise AlmanacError(f"this insights export has no {ctx.platform} column", table.name)
    return dict(columns)


def build_day(
    record: Record, platform: str, day: date, columns: dict[str, int], source: str
) -> AccountDay | None:
    header = record.table.header
    figures = {name: record.count((header[p],)) for name, p in columns.items()}
    follows, unfollows = figures.pop("follows", None), figures.pop("unfollows", None)
    change = None if follows is None or "unfollows" not in columns else (follows - (unfollows or 0))
    if change is None and all(v is None for v in figures.values()):
        return None
    return AccountDay(
        platform=platform,
        date=day,
        follower_change=change,
        source=source,
        line=record.line,
        **figures,
    )


def note_gross_follows(columns: Columns, parsed: Parsed) -> None:
    for platform, found in sorted(columns.items()):
        if "follows" in found and "unfollows" not in found:
            parsed.skipped.append(
                f"{platform} follows without unfollows: new follows are not "
                "the follower change, so they are not imported"
            )


def parse(table: HeaderedTable, export: ExportFile, ctx: ImportContext) -> Parsed:
    columns = find_columns(table, ctx)
    parsed = Parsed("meta-insights", ", ".join(sorted(columns)))
    note_gross_follows(columns, parsed)
    for record in table.records():
        ctx.tick(record.line)
        day = record.value(DATE, parse_day)
        if day is None:
            raise record.error(table.header[table.column(DATE) or 0], "the date is missing")
        for platform, found in sorted(columns.items()):
            row = build_day(record, platform, day, found, export.name)
            if row is not None:
                parsed.account.append(row)
    return parsed


FORMATS = [
    Format(
        "meta-insights",
        "Meta Business Suite, insights (account)",
        "meta",
        "Insights > Export data (overview or one CSV per metric)",
        "en",
        "csv",
        detect,
        parse,
    ),
]
