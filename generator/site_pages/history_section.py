"""An item's approval record and git history, as its page or card shows them (history.html.j2)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from markupsafe import Markup

from generator.content.model import Item
from generator.repo.history import EDIT_FIELDS, Change
from generator.repo.workspace_history import WorkspaceHistory
from generator.site_pages.context import SiteContext
from generator.site_pages.labels import format_day
from generator.site_pages.render import render, words
from generator.vocabulary import WORDS
from generator.vocabulary import word as t

# why there is no history: the vocabulary key `hist_none_<reason>` says it
MISSING_REASONS = ("not_git", "no_commits", "shallow", "git_error")
FIELD_LABELS = {
    "caption": "hist_caption",
    "when": "hist_when",
    "platforms": "hist_platforms",
    "media": "hist_media",
    "path": "hist_renamed",
}


def format_when(moment: datetime, zone: ZoneInfo, locale: str) -> str:
    local = moment.astimezone(zone)
    return f"{format_day(local.date(), locale, 'd MMM y')} · {local:%H:%M}"


def status_label(status: str | None, locale: str) -> str:
    """A status in words; an old version may hold a misspelt one, shown as written."""
    if status is None:
        return "?"
    key = f"status.{status}"
    return t(key, locale) if key in WORDS else status


def fields_label(fields: Iterable[str], locale: str) -> str:
    return ", ".join(t(FIELD_LABELS[f], locale) for f in fields if f in FIELD_LABELS)


def edited(fields: Iterable[str]) -> list[str]:
    """The fields an approver reads (caption, date…), not bookkeeping such as the status."""
    return [f for f in fields if f in EDIT_FIELDS]


def describe_change(change: Change, locale: str) -> str:
    """What one commit did to the item, in words: created, status x → y, caption, date…"""
    parts = []
    if change.action == "created":
        parts.append(f"{t('hist_created', locale)} ({status_label(change.status_after, locale)})")
    elif change.is_status_change:
        parts.append(
            f"{t('status', locale).lower()} {status_label(change.status_before, locale)}"
            f" → {status_label(change.status_after, locale)}"
        )
    if change.action != "created":
        parts.append(fields_label(change.fields, locale))
    return ", ".join(p for p in parts if p) or t("hist_details", locale)


def render_history(
    site: WorkspaceHistory, rel: str, uid: str, zone: ZoneInfo, locale: str
) -> Markup:
    """The section for the item at `rel` (workspace path) with id `uid`, times in `zone`."""
    missing = site.missing
    if missing is not None and missing not in MISSING_REASONS:
        missing = "git_error"
    return render(
        "history.html.j2",
        t=words(locale),
        missing=missing,
        record=site.records.get(uid),
        history=site.items.get(rel),
        when=lambda moment: format_when(moment, zone, locale),
        describe=lambda change: describe_change(change, locale),
    )


def render_history_section(ctx: SiteContext, item: Item) -> Markup:
    """The approval record and the history; one sentence when git has nothing to say."""
    if ctx.history is None:
        return Markup("")
    zone = ZoneInfo(ctx.model.workspace.clients[item.client].timezone)
    return render_history(ctx.history, item.source.rel, item.uid, zone, ctx.locale)
