"""Validation rules: people cited have validated, and the client's approval policy is met."""

from __future__ import annotations

from collections.abc import Iterator

from generator.content.kinds import POST
from generator.content.model import AnyItem
from generator.problems import Severity
from generator.rules.registry import Finding, Option, RuleContext, rule
from generator.schema.client import Approver
from generator.schema.common import APPROVED_OR_LATER


def approved_items(ctx: RuleContext) -> Iterator[AnyItem]:
    for item in ctx.plan.live_items:
        if item.spec.needs_approval and item.meta.status in APPROVED_OR_LATER:
            yield item


@rule("validation.cited", Severity.ERROR)
def check_cited(ctx: RuleContext) -> Iterator[Finding]:
    """A person or brand named in an approved item has not validated it.

    A chef, a partner shop or a customer quoted in a post must agree to how they appear
    before it goes out: it is their name and often their image. Set `validated: true` (with
    `validated_at` and `proof`) for each entry of `cited` before approving the item.
    """
    for item in POST.items(approved_items(ctx)):
        for index, person in enumerate(item.meta.cited):
            if not person.validated:
                yield Finding(
                    item.source,
                    ("cited", index),
                    f"{person.name} is named and has "
                    f"not validated, but the item is `{item.status}`",
                    item,
                )


def _keys(approver: Approver) -> set[str]:
    names = {approver.name, approver.email or "", (approver.github or "").lstrip("@")}
    return {n.strip().casefold() for n in names if n.strip()}


@rule(
    "validation.approval-policy",
    Severity.ERROR,
    Option(
        "require_any",
        False,
        bool,
        "Every approved item names at least one approver in `approved_by`.",
    ),
)
def check_approval_policy(ctx: RuleContext) -> Iterator[Finding]:
    """An approved item lacks an approval the client's policy requires.

    Each approver in `client.yml` lists the post `categories` they must approve (the brand manager
    for promotions, the legal team for contests). An approved item names its approvers in
    `approved_by`; a name there that is not one of the client's approvers is reported too.
    """
    approvers = ctx.client.config.approvers
    keys = [(a, _keys(a)) for a in approvers]
    for item in approved_items(ctx):
        given = [name.strip().lstrip("@").casefold() for name in item.meta.approved_by]
        category = item.category
        for index, name in enumerate(given):
            if not any(name in k for _, k in keys):
                yield Finding(
                    item.source,
                    ("approved_by", index),
                    f"`{name}` is not one of the client's approvers (client.yml `approvers`)",
                    item,
                )
        for approver, k in keys:
            if category in approver.categories and not k.intersection(given):
                yield Finding(
                    item.source,
                    ("status",),
                    f"`{category}` items need the approval "
                    f"of {approver.name}, who is not in `approved_by`",
                    item,
                )
        if ctx.options["require_any"] and not given:
            yield Finding(
                item.source, ("status",), "approved, but `approved_by` names nobody", item
            )
