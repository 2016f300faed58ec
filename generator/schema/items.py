"""Schemas of the planned items: posts, contests and curated (third-party) items."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any, ClassVar

from pydantic import Field, ValidationInfo, field_validator

from generator.schema.common import (
    Address,
    CuratedStatus,
    Currency,
    Day,
    LocalDateTime,
    Money,
    Networks,
    Platform,
    PostFormat,
    Slug,
    Status,
    Strict,
    Text,
    WebAddress,
    doc,
)


class Rights(str, Enum):
    """On what grounds an image or video may be used."""

    OWNED = "owned"
    LICENSED = "licensed"
    PERMISSION = "permission"
    PUBLIC_DOMAIN = "public_domain"


class Permission(Strict):
    """A request to use someone's work or name, and its answer."""

    requested_at: Day | None = doc("When permission was asked.", default=None)
    granted_at: Day | None = doc("When permission was given.", default=None)
    proof: str | None = doc(
        "Where the written consent is kept (mail, DM link, file).", default=None
    )


class Media(Strict):
    """An image or video attached to an item."""

    file: Text = doc("File path relative to the client folder, e.g. media/cake.jpg.")
    alt: str | None = doc("Alternative text read by screen readers.", default=None)
    credit: str | None = doc("Author to credit, e.g. © Jeanne Martin.", default=None)
    rights: Rights | None = doc("owned, licensed, permission or public_domain.", default=None)
    permission: Permission | None = doc(
        "Request and grant, when rights is permission.", default=None
    )
    retouched: bool = doc(
        "Retouched to change a silhouette or a face (the caption must then say so: "
        '"Images retouchées" under French law).',
        default=False,
    )
    ai_generated: bool = doc(
        'Made by artificial intelligence (the caption must then say so: "Images virtuelles" '
        "under French law).",
        default=False,
    )


class Cited(Strict):
    """A person or brand named in an item, who must validate it."""

    name: Text = doc("Who is named.")
    handle: str | None = doc("Their account, e.g. @chef.dupont.", default=None)
    validated: bool = doc("Whether they validated the item.", default=False)
    validated_at: Day | None = doc("When they validated.", default=None)
    proof: str | None = doc("Where the validation is kept.", default=None)


class Variant(Strict):
    """What changes on one network."""

    caption: str | None = doc("Caption for this network (default: the body).", default=None)
    hashtags: list[str] = doc("Hashtags for this network, without or with #.", default_factory=list)
    first_comment: str | None = doc("First comment posted right after.", default=None)
    format: PostFormat | None = doc(
        "Format on this network when it differs from the post's (e.g. `short` on YouTube for "
        "a reel).",
        default=None,
    )


class Boost(Strict):
    """Paid promotion of an item."""

    budget: Money = doc("Budget, in the currency below.")
    currency: Currency = doc("ISO 4217 currency code, e.g. EUR, GBP, USD.", default="EUR")
    start: Day | None = doc("First day of the boost.", default=None)
    end: Day | None = doc("Last day of the boost.", default=None)
    objective: str | None = doc("Ad objective: reach, traffic, engagement…", default=None)
    platforms: Networks = doc("Networks the boost runs on.", default_factory=list)

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: date | None, info: ValidationInfo) -> date | None:
        return not_before(end, info, "end", "start")


class Published(Strict):
    """Where an item went live on one network; joins it to its metrics."""

    url: WebAddress | None = doc("Address of the live post.", default=None)
    id: str | None = doc("The network's id of the post.", default=None)


class ItemBase(Strict):
    """Fields every planned item has."""

    title: Text = doc("Short internal title.")
    client: Slug | None = doc("Client slug; must match the folder if given.", default=None)
    platforms: Networks = doc("Networks it goes on.", min_length=1)
    tags: list[str] = doc("Free tags, searchable on the site.", default_factory=list)
    campaign: str | None = doc("Campaign it belongs to.", default=None)
    internal: str | None = doc("Notes for the agency only; never published.", default=None)
    ignore: dict[str, str | None] = doc(
        "Rules silenced for this item, each with a reason.", default_factory=dict
    )
    approved_by: list[str] = doc(
        "Who approved it: names, emails or GitHub names of the "
        "client's `approvers` (checked by the approval policy rule; "
        "`almanac approvals` audits it against git).",
        default_factory=list,
    )


class Post(ItemBase):
    """A post (`posts/*.md`); the body is the default caption."""

    renamed_fields: ClassVar[dict[str, str]] = {"kind": "category"}

    publish_at: LocalDateTime = doc(
        "When it goes live; local time of the client unless an offset is given."
    )
    status: Status = doc("idea, draft, in_review, approved, scheduled, published or cancelled.")
    category: Text = doc(
        "Editorial category: promo, education, entertainment, community, news, curated, contest…"
    )
    format: PostFormat | None = doc(
        "Format: image, carousel, video, reel, short, story, live, text, link, document, poll "
        "or article. Its media are checked against each network's limits for it (count, "
        "duration, aspect ratio, width, file size). Without it, the format is inferred from "
        "the media for the content mix only.",
        default=None,
    )
    author: str | None = doc("Who wrote it.", default=None)
    hashtags: list[str] = doc("Hashtags on every network.", default_factory=list)
    media: list[Media] = doc("Images and videos.", default_factory=list)
    cited: list[Cited] = doc(
        "People and brands named, with their validation.", default_factory=list
    )
    variants: dict[Platform, Variant] = doc(
        "Per-network caption, hashtags, first comment.", default_factory=dict
    )
    link: Address | None = doc("Link promoted by the post.", default=None)
    boost: Boost | None = doc("Ad budget, dates and objective.", default=None)
    published: dict[Platform, Published] = doc("Live url and id per network.", default_factory=dict)
    contest: Slug | None = doc(
        "Contest this post belongs to (launch, reminder, results).", default=None
    )
    sponsored: bool = doc(
        "Paid for or given in exchange by a brand: the caption must carry the commercial "
        'mention ("Publicité", "Collaboration commerciale", "#ad"…).',
        default=False,
    )
    partnership: Slug | None = doc(
        "The partnership it delivers (file name in partnerships/ without .md); it is then "
        "sponsored.",
        default=None,
    )

    @property
    def is_sponsored(self) -> bool:
        """Sponsored as written, or because it delivers a partnership."""
        return self.sponsored or self.partnership is not None


class Prize(Strict):
    """What the winners get."""

    description: Text = doc("What the prize is.")
    value: Money | None = doc("Value of one prize.", default=None)
    currency: Currency = doc("ISO 4217 currency code, e.g. EUR, GBP, USD.", default="EUR")
    quantity: int = doc("How many prizes.", default=1, ge=1, le=1_000_000)


class Winner(Strict):
    """A winner of a contest."""

    name: Text = doc("Winner's name or handle.")
    handle: str | None = doc("Winner's account.", default=None)
    notified_at: Day | None = doc("When they were told.", default=None)


class ShippingStatus(str, Enum):
    """Where the prize is."""

    PENDING = "pending"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    HANDED_OVER = "handed_over"


class Shipping(Strict):
    """Prize delivery."""

    status: ShippingStatus = doc(
        "pending, shipped, delivered or handed_over.", default=ShippingStatus.PENDING
    )
    shipped_at: Day | None = doc("When it left.", default=None)
    tracking: str | None = doc("Carrier tracking number.", default=None)


class Visuals(Strict):
    """The contest's images, relative to the client folder."""

    launch: str | None = doc("Launch visual.", default=None)
    reminder: str | None = doc("Reminder visual.", default=None)
    results: str | None = doc("Results visual.", default=None)


class Contest(ItemBase):
    """A contest or giveaway (`contests/*.md`); the body is the announcement text."""

    status: Status = doc("Workflow status, as for posts.")
    starts: LocalDateTime = doc("When entries open.")
    ends: LocalDateTime = doc("When entries close.")
    draw_at: LocalDateTime | None = doc("When the winners are drawn.", default=None)
    announce_at: LocalDateTime | None = doc("When winners are announced.", default=None)
    organizers: list[str] = doc("Who runs it (legal organiser first).", default_factory=list)
    partners: list[str] = doc("Partner brands.", default_factory=list)
    prize: Prize | None = doc("Description, value, quantity.", default=None)
    rules: str | None = doc("Rules: address or text.", default=None)
    eligibility: str | None = doc("Who may enter.", default=None)
    mechanics: str | None = doc("How to enter.", default=None)
    draw_method: str | None = doc("How winners are picked.", default=None)
    participants: int | None = doc(
        "Number of entries, once closed.", default=None, ge=0, le=1_000_000_000
    )
    winners: list[Winner] = doc("Winners, once drawn.", default_factory=list)
    shipping: Shipping | None = doc("Prize delivery.", default=None)
    visuals: Visuals = doc("Launch, reminder and results visuals.", default_factory=Visuals)
    media: list[Media] = doc("Other images.", default_factory=list)

    @field_validator("ends")
    @classmethod
    def _ends_after_start(cls, ends: datetime, info: ValidationInfo) -> datetime:
        return not_before(ends, info, "ends", "starts")


class Curated(ItemBase):
    """A third-party item to share (`curated/*.md`); the body is our commentary."""

    renamed_fields: ClassVar[dict[str, str]] = {"kind": "category"}

    platforms: Networks = doc(
        "Networks it goes on; may stay empty while it is a candidate (or rejected).",
        default_factory=list,
    )
    status: CuratedStatus = doc("candidate, selected, rejected or shared.")
    source_url: Address | None = doc("Address of the original content.", default=None)
    source_name: str | None = doc("Publication or account it comes from.", default=None)
    source_author: str | None = doc("Author of the original.", default=None)
    published_on: Day | None = doc("When the original was published.", default=None)
    found_at: Day | None = doc("When it was found (veille).", default=None)
    found_via: str | None = doc(
        "The feed or watched source it was found in (written by `almanac curate`).", default=None
    )
    excerpt: str | None = doc(
        "The opening of the original, to decide without opening it.", default=None
    )
    share_at: LocalDateTime | None = doc("When to share it.", default=None)
    credit: str | None = doc("How the source is credited in the share.", default=None)
    permission: Permission | None = doc("Permission to reuse, when needed.", default=None)
    why: str | None = doc("Why it matters to the audience.", default=None)
    category: str = Field(default="curated", description="Always curated (for the content mix).")

    @field_validator("status")
    @classmethod
    def _networks_once_picked(cls, status: CuratedStatus, info: ValidationInfo) -> CuratedStatus:
        """A candidate is not planned yet; once selected or shared it goes somewhere."""
        undecided = (CuratedStatus.CANDIDATE, CuratedStatus.REJECTED)
        if "platforms" in info.data and not info.data["platforms"] and status not in undecided:
            raise ValueError(
                f"a {status.value} curated item needs `platforms`: the networks it is shared on"
            )
        return status


def not_before(value: Any, info: ValidationInfo, name: str, start_name: str) -> Any:
    """`value` (the end of a period) unless it comes before the period's start."""
    start = info.data.get(start_name)
    if value is not None and start is not None and value < start:
        raise ValueError(
            f"`{name}` ({value}) is before `{start_name}` ({start}): the period ends before "
            "it starts"
        )
    return value
