"""Schema of the month's notes (`months/YYYY-MM.md`): summary, community and its tone."""

from __future__ import annotations

from enum import Enum

from generator.schema.common import Platform, Strict, Text, doc

COUNT_CEILING = 1_000_000_000  # a billion messages: above it, a typo


class Tone(str, Enum):
    """The tone of what the community said."""

    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class Quote(Strict):
    """Something a member of the community said."""

    text: Text = doc("The words, as written.")
    author: str | None = doc("Who said it (handle or first name).", default=None)
    platform: Platform | None = doc("Where.", default=None)
    tone: Tone = doc("positive, neutral or negative.", default=Tone.NEUTRAL)


class Screenshot(Strict):
    """A screenshot for the report, relative to the client folder."""

    file: Text = doc("Image path, e.g. media/2026-10-comments.png.")
    caption: str | None = doc("What it shows.", default=None)


class ToneCounts(Strict):
    """How many comments and messages of each tone were counted."""

    positive: int = doc("Positive messages.", default=0, ge=0, le=COUNT_CEILING)
    neutral: int = doc("Neutral messages.", default=0, ge=0, le=COUNT_CEILING)
    negative: int = doc("Negative messages.", default=0, ge=0, le=COUNT_CEILING)


class MonthNotes(Strict):
    """The month's notes; the body is the narrative for the report."""

    month: str | None = doc("YYYY-MM; must match the file name if given.", default=None)
    summary: Text = doc("One-paragraph summary of the month.")
    tone: ToneCounts = doc("Counts of messages by tone.", default_factory=ToneCounts)
    quotes: list[Quote] = doc("Quotes from the community.", default_factory=list)
    screenshots: list[Screenshot] = doc("Screenshots for the report.", default_factory=list)
    actions: list[str] = doc(
        "Actions of the month (moderation, partnerships, crisis…).", default_factory=list
    )
    next_month: str | None = doc("What is planned next month, in a sentence.", default=None)
    internal: str | None = doc("Notes for the agency only; never published.", default=None)
