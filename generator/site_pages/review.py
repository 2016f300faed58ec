"""An item's review path (review.html.j2): its real approval state, in words, and what to do.

The status field says what the team wrote ("approved"); the reviewer needs what is true: the
approval is valid, or does not count (and why), or the post changed after it (and what, word
by word), or it waits for someone (whom). Then what they can do without touching YAML: ask
for changes on the forge or by email, see the pull requests naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import quote
from zoneinfo import ZoneInfo

from generator.calendar_model import ClientCalendar
from generator.content.model import AnyItem
from generator.repo.approval_diff import PartDiff
from generator.repo.approvals import APPROVED, ApprovalRecord, uncommitted_edits
from generator.repo.history import Change
from generator.schema.client import Approver
from generator.site_pages.context import SiteContext
from generator.site_pages.history_section import edited, fields_label, format_when
from generator.site_pages.html import page_url
from generator.site_pages.labels import format_moment
from generator.vocabulary import category_word

State = Literal["valid", "invalid", "edited", "waiting", "draft", "unchecked", "none"]
BEFORE_REVIEW = {"idea", "draft"}


@dataclass(frozen=True)
class ApproverLine:
    """One approver of the item: approved (this version or an earlier one), must or may."""

    approver: Approver
    says: str  # vocabulary key: rv_approved, rv_approved_earlier, must_approve, may_approve


@dataclass(frozen=True)
class Actions:
    """Where a reviewer acts: the forge's new issue and pull requests, an email, the editor."""

    request: str | None = None
    mail: str | None = None
    pull_requests: str | None = None


@dataclass(frozen=True)
class EditLine:
    """One edit after approval: when, who and what, and the commit (none: not committed)."""

    text: str
    commit: str | None = None
    merge: str | None = None


@dataclass(frozen=True)
class ApprovalLine:
    """Who approved, as the record says: in git (a commit) or declared before git."""

    names: str
    role: str | None
    listed: bool  # one of the client's approvers, allowed for this category
    why_not: str  # vocabulary key when not listed: hist_not_approver or hist_wrong_kind
    when: str | None = None
    commit: str | None = None
    merge: str | None = None
    declared: bool = False


@dataclass
class ReviewView:
    """What the review section shows; `state` also gives the badge next to the status."""

    state: State
    badge: str = ""
    headline: str = ""
    approval: ApprovalLine | None = None
    reasons: list[str] = field(default_factory=list)
    edits: list[EditLine] = field(default_factory=list)
    changes: list[PartDiff] = field(default_factory=list)
    approvers: list[ApproverLine] = field(default_factory=list)
    actions: Actions = field(default_factory=Actions)


def required_approvers(approvers: list[Approver], category: str) -> list[Approver]:
    """Whose approval the item waits for: its category's approvers, else any approver."""
    named = [a for a in approvers if category in a.categories]
    return named or [a for a in approvers if not a.categories] or list(approvers)


def names(people: list[Approver]) -> str:
    return ", ".join(a.name for a in people)


def either(ctx: SiteContext, people: list[Approver]) -> str:
    """Approvers of whom one approval is enough: "Julien Morvan or Olivia Hart"."""
    if len(people) < 2:
        return names(people)
    return ctx.t("rv_or", first=names(people[:-1]), last=people[-1].name)


def review_view(ctx: SiteContext, cal: ClientCalendar, item: AnyItem) -> ReviewView:
    """The item's review state, its reasons and changes, its approvers and the actions."""
    view = ReviewView(state="none")
    if item.spec.needs_approval:
        view = approval_view(ctx, cal, item)
    view.actions = actions(ctx, cal, item)
    return view


def approval_view(ctx: SiteContext, cal: ClientCalendar, item: AnyItem) -> ReviewView:
    approvers = list(cal.client.config.approvers)
    required = required_approvers(approvers, item.category)
    record = ctx.history.records.get(item.uid) if ctx.history is not None else None
    if item.status in BEFORE_REVIEW or item.status not in APPROVED | {"in_review"}:
        lines = approver_lines(approvers, item.category, None)
        if item.status in BEFORE_REVIEW:
            return ReviewView("draft", headline=ctx.t("rv_state.draft"), approvers=lines)
        return ReviewView("none")  # cancelled: nothing to approve
    if item.status == "in_review":
        return waiting_view(ctx, required, approvers, item.category)
    if record is None:
        return ReviewView(
            "unchecked",
            badge=ctx.t("rv_badge.unchecked"),
            headline=ctx.t("rv_state.unchecked"),
            approvers=approver_lines(approvers, item.category, None),
        )
    return recorded_view(ctx, cal, item, record, approvers)


def waiting_view(
    ctx: SiteContext, required: list[Approver], approvers: list[Approver], category: str
) -> ReviewView:
    who = either(ctx, required)
    return ReviewView(
        "waiting",
        badge=ctx.t("rv_badge.waiting", names=who) if who else ctx.t("rv_state.waiting_anyone"),
        headline=(
            ctx.t("rv_state.waiting", names=who) if who else ctx.t("rv_state.waiting_anyone")
        ),
        approvers=approver_lines(approvers, category, None),
    )


def recorded_view(
    ctx: SiteContext,
    cal: ClientCalendar,
    item: AnyItem,
    record: ApprovalRecord,
    approvers: list[Approver],
) -> ReviewView:
    """An approved, scheduled or published item, as its approval audit found it."""
    zone = ZoneInfo(cal.client.timezone)
    edits = [edit_line(ctx, change, zone) for change in record.edits_after]
    late = uncommitted_edits(record)
    if late:
        edits.append(EditLine(f"{fields_label(late, ctx.locale)} · {ctx.t('hist_uncommitted')}"))
    reasons = [reason(ctx, cal, item, record, rule) for rule in rules_of(record)]
    state: State = "edited" if edits else "invalid" if not record.ok else "valid"
    view = ReviewView(
        state,
        badge=ctx.t(f"rv_badge.{state}"),
        headline=ctx.t(f"rv_state.{state}"),
        approval=approval_line(record, zone, ctx.locale),
        reasons=[r for r in reasons if r],
        edits=edits,
        changes=record.changes,
    )
    view.approvers = approver_lines(approvers, item.category, record, current=not edits)
    return view


def approval_line(record: ApprovalRecord, zone: ZoneInfo, locale: str) -> ApprovalLine | None:
    """The approval as recorded, None when nothing records one."""
    why_not = "hist_not_approver" if record.approver is None else "hist_wrong_kind"
    role = record.approver.role if record.approver else None
    if record.declared_by:
        return ApprovalLine(
            ", ".join(record.declared_by), role, record.by_approver, why_not, declared=True
        )
    change = record.approval
    if change is None:
        return None
    return ApprovalLine(
        change.commit.author.name,
        role,
        record.by_approver,
        why_not,
        when=format_when(change.commit.authored_at, zone, locale),
        commit=change.commit.short,
        merge=change.merge.short if change.merge else None,
    )


def rules_of(record: ApprovalRecord) -> list[str]:
    """The approval problems other than edits (those have their own list), each once."""
    seen: list[str] = []
    for problem in record.problems:
        if problem.rule != "approval.edited-after" and problem.rule not in seen:
            seen.append(problem.rule)
    return seen


def reason(
    ctx: SiteContext, cal: ClientCalendar, item: AnyItem, record: ApprovalRecord, rule: str
) -> str:
    """Why an approval does not count (or is doubtful), as a sentence for the reviewer."""
    approvers = list(cal.client.config.approvers)
    person = record.approved_by
    name = person.name if person else ", ".join(record.declared_by)
    client = cal.client.name
    if rule == "approval.missing":
        # before git approvals, the front matter is the record, and it names nobody
        declared = any(p.rule == rule and p.field == "approved_by" for p in record.problems)
        return ctx.t("rv_why.missing_declared" if declared else "rv_why.missing")
    if rule == "approval.not-approver":
        return ctx.t("rv_why.not_approver", name=name, client=client, names=names(approvers))
    if rule == "approval.wrong-kind":
        category = category_word(item.category, ctx.locale)
        needed = either(ctx, required_approvers(approvers, item.category))
        return ctx.t("rv_why.wrong_kind", name=name, category=category, names=needed)
    if rule == "approval.no-approvers":
        return ctx.t("rv_why.no_approvers", client=client)
    if rule == "approval.claim-mismatch":
        claimed = ", ".join(str(c) for c in item.meta.approved_by)
        return ctx.t("rv_why.claim_mismatch", claimed=claimed, name=name)
    return ""


def edit_line(ctx: SiteContext, change: Change, zone: ZoneInfo) -> EditLine:
    when = format_when(change.commit.authored_at, zone, ctx.locale)
    fields = fields_label(edited(change.fields), ctx.locale)
    text = ctx.t("rv_edit_line", fields=fields, when=when, name=change.commit.author.name)
    return EditLine(text, change.commit.short, change.merge.short if change.merge else None)


def approver_lines(
    approvers: list[Approver],
    category: str,
    record: ApprovalRecord | None,
    current: bool = True,
) -> list[ApproverLine]:
    """The client's approvers concerned by this category, and where each one stands."""
    lines = []
    for approver in approvers:
        if approver.categories and category not in approver.categories:
            continue
        if record is not None and record.approver == approver and record.by_approver:
            says = "rv_approved" if current else "rv_approved_earlier"
        else:
            says = "must_approve" if category in approver.categories else "may_approve"
        lines.append(ApproverLine(approver, says))
    return lines


def actions(ctx: SiteContext, cal: ClientCalendar, item: AnyItem) -> Actions:
    """Request changes on the forge or by email (pre-filled), and the open pull requests."""
    forge = ctx.forge
    file = forge.file_path(item.source.rel) if forge else item.source.rel
    title = ctx.t("rv_issue_title", title=item.title, client=cal.client.name)
    body = ctx.t(
        # a client's site names no file of the workspace: the page address says which item
        "rv_issue_body_client" if ctx.client_site else "rv_issue_body",
        title=item.title,
        client=cal.client.name,
        file=file,
        when=when_text(ctx, cal, item),
        page=page_address(ctx, item),
    )
    mail = f"mailto:?subject={quote(title)}&body={quote(body)}"
    if forge is None:
        return Actions(mail=mail)
    return Actions(
        request=forge.new_issue(title, body),
        mail=mail,
        pull_requests=forge.pull_requests(file.rsplit("/", 1)[-1]),
    )


def when_text(ctx: SiteContext, cal: ClientCalendar, item: AnyItem) -> str:
    when = item.when
    if when is None:
        return ctx.t("unscheduled")
    return format_moment(when.astimezone(ZoneInfo(cal.client.timezone)), ctx.locale)


def page_address(ctx: SiteContext, item: AnyItem) -> str:
    """The item's page on the published site, or its path when the site has no address."""
    path = page_url(ctx.item_page(item))
    anchor = ctx.item_anchor(item)
    base = ctx.model.workspace.settings.site_url
    address = f"{base.rstrip('/')}/{path}" if base else path
    return address + (f"#{anchor}" if anchor else "")
