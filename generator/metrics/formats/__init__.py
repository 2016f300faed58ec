"""The export formats Almanac reads, each recognised by its content, never its file name."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.metrics.audience import AudienceRow
from generator.metrics.store import AccountDay, PostMetrics
from generator.metrics.tables import Aliases, ExportFile, ImportContext, Record

FORMAT_MODULES = (
    "x",
    "facebook",
    "meta_suite",
    "meta_insights",
    "meta_ads",
    "linkedin",
    "tiktok",
    "youtube",
    "tiktok_audience",
    "mastodon",
)


@dataclass
class Parsed:
    """What one export gave: account days, post rows, and rows deliberately left out.

    `spend` rows (ad reports) only set a post's `ad_spend` and paid figures (`paid_*`).
    `fill` days (sums over a breakdown that may not list every line, such as YouTube chart
    data) only fill the account figures no other file gave, and never replace one."""

    format: str
    platform: str
    account: list[AccountDay] = field(default_factory=list)
    posts: list[PostMetrics] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    spend: list[PostMetrics] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    fill: list[AccountDay] = field(default_factory=list)
    audience: list[AudienceRow] = field(default_factory=list)


@dataclass(frozen=True)
class Format:
    """One export format: how to recognise it (a score, 0 = not this) and how to read it."""

    name: str
    label: str
    platform: str
    file: str
    languages: str
    file_type: str  # csv, xlsx or json: only files of that type are tried
    detect: Callable[[ExportFile], tuple[int, Any] | None]
    parse: Callable[[Any, ExportFile, ImportContext], Parsed]


def account_day(
    platform: str, day: date, record: Record, source: str, figures: Mapping[str, Aliases]
) -> AccountDay:
    """The account day a row gives when each figure (an AccountDay field) is one column."""
    return AccountDay(
        platform=platform,
        date=day,
        source=source,
        line=record.line,
        **{name: record.count(aliases) for name, aliases in figures.items()},
    )


def load_formats() -> list[Format]:
    """Every registered format, in the order of FORMAT_MODULES."""
    found: list[Format] = []
    for name in FORMAT_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        found.extend(module.FORMATS)
    return found


def detect_format(export: ExportFile) -> tuple[Format, Any] | None:
    """The format whose detector scores the file highest, with what the detector found."""
    best: tuple[int, Format, Any] | None = None
    for fmt in load_formats():
        if fmt.file_type != export.file_type:
            continue
        found = fmt.detect(export)
        if found and (best is None or found[0] > best[0]):
            best = (found[0], fmt, found[1])
    return (best[1], best[2]) if best else None
