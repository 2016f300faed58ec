"""An item's approval record and git history, as its page or card shows them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from generator.content.model import AnyItem
from generator.repo.approvals import ApprovalRecord
from generator.repo.history import EDIT_FIELDS, Change, ItemHistory
from generator.site_pages.html import esc
from generator.site_pages.labels import format_day, t
from generator.vocabulary import WORDS

if TYPE_CHECKING:
    from generator.site_pages.context import SiteContext

# why there is no history: the label key of the sentence saying so
MISSING_REASONS = ("not_git", "no_commits", "shallow", "git_error")
FIELD_LABELS = {
    "caption": "hist_caption",
    "when": "hist_when",
    "platforms": "hist_platforms",
    "media": "hist_media",
    "path": "hist_renamed",
}


@dataclass
class SiteHistory:
    """What git says about the built items, or why it says nothing (`missing`)."""

    items: dict[str, ItemHistory] = field(default_factory=dict)  # by workspace-relative path
    records: dict[str, ApprovalRecord] = field(default_factory=dict)  # by item uid
    missing: str | None = None


def format_when(moment: datetime, zone: ZoneInfo, locale: str) -> str:
    local = moment.astimezone(zone)
    return f"{format_day(local.date(), locale, 'd MMM y')} · {local:%H:%M}"


def status_label(status: str | None, locale: str) -> str:
    """A status in words; an old version may hold a misspelt one, shown as written."""
    if status is None:
        return "?"
    key = f"status.{status}"
    return t(key, locale) if key in WORDS else status


def fields_label(fields: tuple[str, ...] | list[str], locale: str) -> str:
    return ", ".join(t(FIELD_LABELS[f], locale) for f in fields if f in FIELD_LABELS)


def render_commit(change: Change, locale: str) -> str:
    """`commit abc1234567` and, when it came through a merge, `merged in def…`."""
    out = f"<code>{esc(change.commit.short)}</code>"
    if change.merge is not None:
        out += f" ({esc(t('hist_via_merge', locale))} <code>{esc(change.merge.short)}</code>)"
    return out


def render_approver(record: ApprovalRecord, locale: str) -> str:
    if record.by_approver and record.approver is not None:
        role = record.approver.role or t("hist_approver", locale)
        return f'<span class="al-yes">✓</span> ({esc(role)})'
    key = "hist_not_approver" if record.approver is None else "hist_wrong_kind"
    return f'<span class="al-warn">⚠ {esc(t(key, locale))}</span>'


def render_edits(record: ApprovalRecord, zone: ZoneInfo, locale: str) -> str:
    """The edits the approver did not see, committed or only in the working copy."""
    rows = [
        f"<li>{esc(fields_label([f for f in c.fields if f in EDIT_FIELDS], locale))} · "
        f"{esc(format_when(c.commit.authored_at, zone, locale))} · "
        f"{esc(c.commit.author.name)} · {render_commit(c, locale)}</li>"
        for c in record.edits_after
    ]
    edited = [f for f in record.uncommitted if f in EDIT_FIELDS]
    if edited and "status" not in record.uncommitted:
        rows.append(
            f"<li>{esc(fields_label(edited, locale))} · {esc(t('hist_uncommitted', locale))}</li>"
        )
    if not rows:
        return ""
    return (
        f'<div class="al-problem al-error"><strong>⚠ '
        f"{esc(t('hist_edited_after', locale))}</strong><ul>{''.join(rows)}</ul></div>"
    )


def render_approval(record: ApprovalRecord, zone: ZoneInfo, locale: str) -> str:
    """Who moved the item to approved, whether they may, when, in which commit."""
    title = f'<h2 id="approval">{esc(t("hist_approval", locale))}</h2>'
    change = record.approval
    if record.declared_by:
        line = (
            f'<p class="al-approval">{esc(t("hist_declared_by", locale))} '
            f"<strong>{esc(', '.join(record.declared_by))}</strong> "
            f"{render_approver(record, locale)}</p>"
        )
        return title + line + render_edits(record, zone, locale)
    if change is None:
        return f'{title}<p class="al-warn">{esc(t("hist_not_approved", locale))}</p>'
    line = (
        f'<p class="al-approval">{esc(t("hist_approved_by", locale))} '
        f"<strong>{esc(change.commit.author.name)}</strong> {render_approver(record, locale)}"
        f" · {esc(format_when(change.commit.authored_at, zone, locale))} · "
        f"{esc(t('hist_commit', locale))} {render_commit(change, locale)}</p>"
    )
    return title + line + render_edits(record, zone, locale)


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


def render_changes(
    history: ItemHistory | None, record: ApprovalRecord | None, zone: ZoneInfo, locale: str
) -> str:
    """Every change of the item, newest first; the approval and later edits marked."""
    title = f'<h2 id="history">{esc(t("hist_history", locale))}</h2>'
    if history is None or not history.changes:
        return f'{title}<p class="al-empty">{esc(t("hist_not_committed", locale))}</p>'
    approval = record.approval if record else None
    late = record.edits_after if record else []
    rows = []
    for change in reversed(history.changes):
        mark = (
            ' <span class="al-yes">✓</span>'
            if change == approval
            else ' <span class="al-warn">⚠</span>'
            if change in late
            else ""
        )
        rows.append(
            f'<li><span class="al-date">'
            f"{esc(format_when(change.commit.authored_at, zone, locale))}</span> · "
            f"{esc(change.commit.author.name)} · "
            f"{esc(describe_change(change, locale))}{mark} · "
            f"{render_commit(change, locale)}</li>"
        )
    return f'{title}<ul class="al-list al-history-list">{"".join(rows)}</ul>'


def render_history_section(ctx: SiteContext, item: AnyItem) -> str:
    """The approval record and the history; one sentence when git has nothing to say."""
    site = ctx.history
    if site is None:
        return ""
    locale = ctx.locale
    if site.missing is not None:
        reason = site.missing if site.missing in MISSING_REASONS else "git_error"
        return (
            f'<section class="al-history" data-search-exclude>'
            f'<h2 id="history">{esc(t("hist_history", locale))}</h2>'
            f'<p class="al-empty">{esc(t("hist_none_" + reason, locale))}</p></section>'
        )
    zone = ZoneInfo(ctx.model.workspace.clients[item.client].timezone)
    record = site.records.get(item.uid)
    out = render_approval(record, zone, locale) if record is not None else ""
    out += render_changes(site.items.get(item.source.rel), record, zone, locale)
    return f'<section class="al-history" data-search-exclude>{out}</section>'
