"""Schema of a partnership (`partnerships/*.md`): an influencer, creator or brand working with
the client, what they deliver and when, what they are paid, and the contract that binds them."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from pydantic import ValidationInfo, field_validator

from generator.schema.common import (
    Currency,
    Day,
    LocalDateTime,
    Money,
    Platform,
    PostFormat,
    Slug,
    Strict,
    Text,
    doc,
)
from generator.schema.items import ItemBase, not_before


class PartnerKind(str, Enum):
    """Who the partner is."""

    INFLUENCER = "influencer"
    CREATOR = "creator"
    BRAND = "brand"


class PartnershipStatus(str, Enum):
    """Where the partnership stands, from the first contact to its end."""

    PROPOSED = "proposed"
    NEGOTIATING = "negotiating"
    SIGNED = "signed"
    RUNNING = "running"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class Partner(Strict):
    """The influencer, creator or brand."""

    name: Text = doc("Their name, as the client knows them.")
    kind: PartnerKind = doc("influencer, creator or brand.", default=PartnerKind.INFLUENCER)
    handles: dict[Platform, Text] = doc(
        'Their accounts per network, e.g. `instagram: "@lyon.gourmande"`.', default_factory=dict
    )
    audience: dict[Platform, int] = doc(
        "Their followers per network when the partnership was agreed.", default_factory=dict
    )

    @field_validator("audience")
    @classmethod
    def _counts(cls, value: dict[Platform, int]) -> dict[Platform, int]:
        wrong = [p.value for p, n in value.items() if not 0 <= n <= 10_000_000_000]
        if wrong:
            raise ValueError(f"the audience on {wrong[0]} should be a number of followers")
        return value


class Deliverable(Strict):
    """One piece of content the partner owes, and the posts that deliver it."""

    format: PostFormat = doc("Its format: reel, story, image, carousel, live, article…")
    platform: Platform = doc("The network it goes on.")
    due: Day = doc("The day it is due.")
    posts: list[Slug] = doc(
        "The posts that deliver it (file names in posts/ without .md); it is done when one of "
        "them is published.",
        default_factory=list,
    )
    delivered_on: Day | None = doc(
        "The day the partner delivered it, when it goes out on the partner's own account "
        "rather than as one of the client's posts.",
        default=None,
    )
    note: str | None = doc("What it shows, or where the partner posts it.", default=None)


class Gift(Strict):
    """Products or services given instead of (or on top of) a fee."""

    description: Text = doc("What is given.")
    value: Money | None = doc("Its value, in the partnership's currency.", default=None)


class Contract(Strict):
    """The written contract (French law requires one above a yearly value: see the rules)."""

    written: bool = doc("Whether there is a written contract.", default=False)
    signed_on: Day | None = doc("The day both parties signed it.", default=None)
    signed_by: list[str] = doc("Who signed, for each party.", default_factory=list)
    where: str | None = doc("Where the signed copy is kept.", default=None)


class Partnership(ItemBase):
    """A partnership with an influencer, creator or brand (`partnerships/*.md`); the body is
    the brief given to the partner."""

    status: PartnershipStatus = doc(
        "proposed, negotiating, signed, running, completed or cancelled."
    )
    partner: Partner = doc("The influencer, creator or brand: name, kind, handles, audience.")
    starts: LocalDateTime = doc("When the partnership begins (on the calendar).")
    ends: LocalDateTime | None = doc("When it ends.", default=None)
    promotes: Text = doc(
        "What is promoted, as a category: bakery, outdoor-gear, cosmetics… (the law forbids "
        "some: see `influence.forbidden-category`)."
    )
    deliverables: list[Deliverable] = doc(
        "What the partner delivers, by format, network and due date.", default_factory=list
    )
    fee: Money | None = doc("The fee paid to the partner.", default=None)
    currency: Currency = doc("ISO 4217 currency code of the fee and gifts.", default="EUR")
    gifted: list[Gift] = doc("Products or services given.", default_factory=list)
    contract: Contract = doc("The written contract.", default_factory=Contract)

    @field_validator("ends")
    @classmethod
    def _ends_after_start(cls, ends: datetime | None, info: ValidationInfo) -> datetime | None:
        return not_before(ends, info, "ends", "starts")

    @property
    def value(self) -> float:
        """What the partner receives: the fee plus the value of the gifts."""
        return (self.fee or 0) + sum(gift.value or 0 for gift in self.gifted)
