"""Workflow rules: deadlines relative to the reference time (`almanac check --today`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from generator.content.kinds import CONTEST
from generator.content.model import AnyItem, Item
from generator.problems import Severity
from generator.rules.cadence import time_field
from generator.rules.registry import Finding, Option, RuleContext, rule
from generator.schema import Contest
from generator.schema.common import APPROVED_OR_LATER, CuratedStatus, Status
from generator.schema.items import ShippingStatus


def is_ready(item: AnyItem) -> bool:
    """Approved or later (posts, contests), or picked for sharing (curated)."""
    status = item.meta.status
    return status in APPROVED_OR_LATER or status in (CuratedStatus.SELECTED, CuratedStatus.SHARED)


def is_out(item: AnyItem) -> bool:
    return item.meta.status in (Status.PUBLISHED, CuratedStatus.SHARED)


@rule(
    "workflow.review-due",
    Severity.ERROR,
    Option(
        "lead_hours",
        None,
        float,
        "Hours before publication by which an item must be "
        "approved (default: the client's `review_lead_hours`, 48 unless set).",
    ),
)
def check_review_due(ctx: RuleContext) -> Iterator[Finding]:
    """An item goes out within the review lead time and is still not approved.

    Reviewers (the account lead, the brand, the people cited) need time; a post approved in
    a hurry the night before is how mistakes get published. Curated items must be `selected`.
    """
    hours = ctx.options["lead_hours"]
    lead = timedelta(hours=ctx.client.config.review_lead_hours if hours is None else hours)
    for item in ctx.plan.live_items:
        when = item.when
        if not item.spec.workflow or when is None or is_ready(item):
            continue
        if not ctx.today <= when <= ctx.today + lead:
            continue
        left = (when - ctx.today).total_seconds() / 3600
        yield Finding(
            item.source,
            ("status",),
            f"goes out in {left:.0f} h and is still "
            f"`{item.status}`: it needed approval {lead.total_seconds() / 3600:g} h "
            "ahead",
            item,
        )


@rule(
    "workflow.missed",
    Severity.ERROR,
    Option(
        "grace_hours",
        24,
        float,
        "Hours after the planned time before an item not marked published counts as missed.",
    ),
)
def check_missed(ctx: RuleContext) -> Iterator[Finding]:
    """An item's time has passed but it is not marked published (or shared).

    Either it went out and the calendar is wrong (its metrics will not join, the report will
    under-count), or it never went out and someone should know. Mark it `published` (with
    its `published` url and id) or `cancelled`, or move it.
    """
    grace = timedelta(hours=ctx.options["grace_hours"])
    for item in ctx.plan.live_items:
        when = item.when
        if not item.spec.workflow or when is None or is_out(item) or when + grace > ctx.today:
            continue
        if CONTEST.narrow(item) is not None and item.meta.status in APPROVED_OR_LATER:
            continue  # a launched contest stays `scheduled` until its results are out
        due = f"{ctx.plan.local(when):%Y-%m-%d %H:%M}"
        yield Finding(
            item.source,
            time_field(item),
            f"was due {due} and is still "
            f"`{item.status}`: mark it published or cancelled, or reschedule it",
            item,
        )


def contests(ctx: RuleContext) -> Iterator[tuple[Item[Contest], Contest]]:
    for item in CONTEST.items(ctx.plan.live_items):
        yield item, item.meta


@rule("workflow.contest-no-winners", Severity.ERROR)
def check_contest_winners(ctx: RuleContext) -> Iterator[Finding]:
    """A contest's draw date has passed and no winner is recorded.

    Participants wait for the result in public; a late draw costs the brand trust and, in
    France, breaks the contest's own rules. Record the `winners` once drawn.
    """
    for item, contest in contests(ctx):
        if contest.draw_at is not None and contest.draw_at < ctx.today and not contest.winners:
            yield Finding(
                item.source,
                ("draw_at",),
                f"the draw was due "
                f"{ctx.plan.local(contest.draw_at):%Y-%m-%d} and no `winners` are "
                "recorded",
                item,
            )


@rule(
    "workflow.prize-not-shipped",
    Severity.WARNING,
    Option("days", 14, int, "Days after the draw by which the prize must have left."),
)
def check_prize_shipped(ctx: RuleContext) -> Iterator[Finding]:
    """A prize is still not shipped N days after the draw.

    Winners who wait for their prize say so in the comments, in front of everyone who did not
    win. Set `shipping.status` (shipped, delivered or handed_over) once it has left.
    """
    delay = timedelta(days=ctx.options["days"])
    for item, contest in contests(ctx):
        if contest.draw_at is None or contest.draw_at + delay > ctx.today:
            continue
        shipping = contest.shipping
        if shipping is None or shipping.status is ShippingStatus.PENDING:
            field = ("shipping", "status") if shipping else ("draw_at",)
            yield Finding(
                item.source,
                field,
                f"drawn on "
                f"{ctx.plan.local(contest.draw_at):%Y-%m-%d} and the prize is still "
                f"not shipped after {delay.days} days",
                item,
            )
