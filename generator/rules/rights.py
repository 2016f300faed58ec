"""Rights rules: credit, rights and permissions for media and curated (third-party) content."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.content.kinds import CURATED
from generator.problems import Severity
from generator.rules.registry import Finding, RuleContext, rule
from generator.schema.common import CuratedStatus
from generator.schema.items import Permission, Rights

THIRD_PARTY = {Rights.LICENSED, Rights.PERMISSION}


@rule("rights.credit-missing", Severity.ERROR)
def check_credit(ctx: RuleContext) -> Iterator[Finding]:
    """Media whose author is unknown, or third-party media without a credit.

    A photo used without credit is the most common rights complaint a brand receives, and a
    photographer's invoice usually follows. Every medium says its `rights` (owned, licensed,
    permission, public_domain) or at least its `credit`; licensed and permission media always
    carry a `credit`.
    """
    for item in ctx.plan.live_items:
        for index, medium in enumerate(item.media):
            credit = (medium.credit or "").strip()
            if medium.rights is None and not credit:
                yield Finding(
                    item.source,
                    ("media", index),
                    f"`{medium.file}` has neither `rights` nor `credit`: say whose it is",
                    item,
                )
            elif medium.rights in THIRD_PARTY and not credit:
                yield Finding(
                    item.source,
                    ("media", index, "rights"),
                    f"`{medium.file}` is "
                    f"{medium.rights.value} and has no `credit`: name its author",
                    item,
                )


def _granted_late(permission: Permission | None, day: date | None) -> str | None:
    """Why a permission does not cover an item going out on `day`, or None if it does."""
    if permission is None or permission.granted_at is None:
        asked = permission.requested_at if permission else None
        return f"was asked on {asked} and is not granted" if asked else "was never asked"
    if day is not None and permission.granted_at > day:
        return f"is granted on {permission.granted_at}, after the item goes out ({day})"
    return None


@rule("rights.permission-pending", Severity.ERROR)
def check_permission(ctx: RuleContext) -> Iterator[Finding]:
    """Permission to use someone's work is requested but not granted before the publish date.

    "I asked" is not "they said yes": publishing before the answer uses the work without
    consent. Record `permission.granted_at` (and where the proof is kept) once they agree.
    """
    for item in ctx.plan.live_items:
        when = item.when
        day = ctx.plan.local(when).date() if when else None
        for index, medium in enumerate(item.media):
            if medium.rights is Rights.PERMISSION:
                why = _granted_late(medium.permission, day)
                if why:
                    yield Finding(
                        item.source,
                        ("media", index, "permission"),
                        f"permission for `{medium.file}` {why}",
                        item,
                    )
        curated = CURATED.narrow(item)
        if curated is not None and curated.meta.permission is not None:
            why = _granted_late(curated.meta.permission, day)
            if why:
                yield Finding(item.source, ("permission",), f"permission to share {why}", item)


@rule("rights.curated-source", Severity.ERROR)
def check_curated_source(ctx: RuleContext) -> Iterator[Finding]:
    """A curated item without its source address, or picked for sharing without a credit.

    Sharing without naming and linking the original is taking someone's work; it also makes
    the agency's veille impossible to trace back. Candidates need a `source_url`; selected
    and shared items also a `credit`.
    """
    for item in CURATED.items(ctx.plan.live_items):
        meta = item.meta
        if not (meta.source_url or "").strip():
            yield Finding(item.source, ("title",), "no `source_url`: link the original", item)
        if meta.status is not CuratedStatus.CANDIDATE and not (meta.credit or "").strip():
            yield Finding(
                item.source,
                ("status",),
                f"`{meta.status.value}` without a "
                "`credit`: say how the source is credited in the share",
                item,
            )
