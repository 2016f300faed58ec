"""Schema of a client's mentions and reviews log (`mentions/YYYY-MM.md`), one file a month."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import ClassVar

from pydantic import ValidationInfo, field_validator

from generator.schema.common import LocalDateTime, Networks, Slug, Strict, Text, WebAddress, doc


class Tone(str, Enum):
    """What a mention says of the brand."""

    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class Site(str, Enum):
    """Where a mention or review was written: a network, a review site, or the web."""

    INSTAGRAM = "instagram"
    FACEBOOK = "facebook"
    LINKEDIN = "linkedin"
    X = "x"
    TIKTOK = "tiktok"
    YOUTUBE = "youtube"
    THREADS = "threads"
    BLUESKY = "bluesky"
    MASTODON = "mastodon"
    PINTEREST = "pinterest"
    REDDIT = "reddit"
    GOOGLE = "google"  # Google Business Profile (Maps) reviews
    TRIPADVISOR = "tripadvisor"
    YELP = "yelp"
    TRUSTPILOT = "trustpilot"
    PRESS = "press"  # news sites, print, broadcast
    BLOG = "blog"
    FORUM = "forum"
    WEB = "web"  # any other site


REVIEW_SITES = frozenset({Site.GOOGLE, Site.TRIPADVISOR, Site.YELP, Site.TRUSTPILOT})


class Mention(Strict):
    """One mention of the brand or one review, and whether it was answered."""

    at: LocalDateTime = doc("When it was written; local time of the client unless an offset.")
    site: Site = doc(
        "Where: a network (instagram, facebook, x…), a review site (google, tripadvisor, yelp, "
        "trustpilot), press, blog, forum, reddit or web."
    )
    excerpt: Text = doc("What it says (the opening, or the sentence naming the brand).")
    tone: Tone | None = doc(
        "positive, neutral or negative; empty while nobody has read it.", default=None
    )
    url: WebAddress | None = doc("Address of the mention or review.", default=None)
    author: str | None = doc("Who wrote it (name or handle).", default=None)
    reach: int | None = doc("People it may have reached (the tool's estimate).", default=None, ge=0)
    rating: int | None = doc("Stars, for a review: 1 to 5.", default=None, ge=1, le=5)
    needs_answer: bool | None = doc(
        "Whether it calls for an answer (empty: reviews and negative mentions do); the "
        "unanswered ones are checked against the client's response time.",
        default=None,
    )
    answered: bool = doc(
        "Whether it was answered (true by itself when answered_at is set).", default=False
    )
    answered_at: LocalDateTime | None = doc("When it was answered.", default=None)
    id: str | None = doc(
        "The listening tool's or review site's id (written by `almanac mentions import`, "
        "which re-imports it in place).",
        default=None,
    )
    internal: str | None = doc("Notes for the agency only; never published.", default=None)

    @field_validator("answered_at")
    @classmethod
    def _answered_after(cls, value: datetime | None, info: ValidationInfo) -> datetime | None:
        at = info.data.get("at")
        if value is not None and at is not None and value < at:
            raise ValueError(f"`answered_at` ({value}) is before the mention itself ({at})")
        return value

    @property
    def is_answered(self) -> bool:
        return self.answered or self.answered_at is not None

    @property
    def is_review(self) -> bool:
        return self.site in REVIEW_SITES or self.rating is not None

    @property
    def expects_answer(self) -> bool:
        """An explicit `needs_answer`, else: reviews and negative mentions call for one."""
        if self.needs_answer is not None:
            return self.needs_answer
        return self.is_review or self.tone is Tone.NEGATIVE


class LogStatus(str, Enum):
    """Whether the month is still being logged."""

    OPEN = "open"
    CLOSED = "closed"


class MentionLog(Strict):
    """A month of a client's mentions and reviews (`mentions/YYYY-MM.md`); the body is the
    month's note on the community's mood."""

    renamed_fields: ClassVar[dict[str, str]] = {}

    title: Text = doc("Title on the team site.", default="Mentions")
    client: Slug | None = doc("Client slug; must match the folder if given.", default=None)
    status: LogStatus = doc(
        "open while the month is logged, closed once reported.", default=LogStatus.OPEN
    )
    platforms: Networks = doc("Networks watched this month (informative).", default_factory=list)
    tags: list[str] = doc("Free tags.", default_factory=list)
    campaign: str | None = doc("Campaign it belongs to.", default=None)
    mentions: list[Mention] = doc("The month's mentions and reviews.", default_factory=list)
    internal: str | None = doc("Notes for the agency only; never published.", default=None)
    ignore: dict[str, str | None] = doc(
        "Rules silenced for this log, each with a reason.", default_factory=dict
    )
    approved_by: list[str] = doc(
        "Not used for logs (kept for the common item fields).", default_factory=list
    )
