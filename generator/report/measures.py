"""The report's metric definitions, written once: which rows each figure is computed on.

Every figure of a report comes from one of the functions below, and the sentences DEFINITIONS
names (words in vocabulary.py; printed on the report's last page and in the README) describe
exactly them.
The rule they share: a figure never combines bases. An engagement rate divides the
engagements and the impressions of the same post rows; a paid result counts the rows of the
boosted networks only; account-level figures (reach, impressions, followers) are never put
over post-level ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from generator.metrics.store import AccountDay, PostMetrics
from generator.months import Month
from generator.vocabulary import word

ENGAGEMENT_PARTS = ("likes", "comments", "shares", "saves", "clicks")


def engagements_of(row: PostMetrics) -> int | None:
    """The network's own engagement count, or else likes + comments + shares + saves + clicks."""
    if row.engagements is not None:
        return row.engagements
    parts = [getattr(row, name) for name in ENGAGEMENT_PARTS if getattr(row, name) is not None]
    return sum(parts) if parts else None


@dataclass(frozen=True)
class Rate:
    """Engagements over impressions of the same post rows, with what it was computed on."""

    engagements: int = 0
    impressions: int = 0
    posts: int = 0
    platforms: tuple[str, ...] = ()

    @property
    def value(self) -> float | None:
        return self.engagements / self.impressions if self.impressions else None


def rated_rows(rows: Iterable[PostMetrics]) -> list[PostMetrics]:
    """The post rows an engagement rate is computed on: those with engagements and impressions.

    A row without impressions (TikTok exports views, not impressions) is left out of both
    sides of the division instead of adding its engagements over nothing."""
    return [r for r in rows if engagements_of(r) is not None and r.impressions]


def engagement_rate(rows: Iterable[PostMetrics]) -> Rate:
    """The weighted rate over the rated rows: Σ engagements ÷ Σ impressions (no mean of rates)."""
    rated = rated_rows(rows)
    return Rate(
        engagements=sum(engagements_of(r) or 0 for r in rated),
        impressions=sum(r.impressions or 0 for r in rated),
        posts=len(rated),
        platforms=tuple(sorted({r.platform for r in rated})),
    )


def paid_rows(rows: Iterable[PostMetrics], boosted: Iterable[str]) -> list[PostMetrics]:
    """A boosted post's rows on the networks it was boosted on: the only ones paid results
    (spend, impressions, clicks, engagements, cost per result) are computed from."""
    networks = set(boosted)
    return [r for r in rows if r.platform in networks]


# --- coverage: which days each network has account-level data for -------------------------


@dataclass(frozen=True)
class Coverage:
    """The days of a month each network has account-level rows for."""

    month: Month
    days: dict[str, frozenset[date]]

    def missing(self, platform: str) -> list[date]:
        have = self.days.get(platform, frozenset())
        return [d for d in self.month.days() if d not in have]

    def last_day(self, platform: str) -> date | None:
        have = self.days.get(platform)
        return max(have) if have else None

    @property
    def incomplete(self) -> tuple[str, ...]:
        """Networks with at least one day of the month without data."""
        return tuple(p for p in sorted(self.days) if self.missing(p))

    @property
    def complete(self) -> bool:
        return not self.incomplete

    @property
    def until(self) -> date | None:
        """The last day every incomplete network has data up to (None for a complete month)."""
        ends = [self.last_day(p) or self.month.first - timedelta(days=1) for p in self.incomplete]
        return min(ends) if ends else None

    def missing_spans(self) -> list[tuple[date, date]]:
        """Runs of consecutive days at least one network has no data for."""
        missing = sorted({d for p in self.incomplete for d in self.missing(p)})
        spans: list[tuple[date, date]] = []
        for day in missing:
            if spans and spans[-1][1] + timedelta(days=1) == day:
                spans[-1] = (spans[-1][0], day)
            else:
                spans.append((day, day))
        return spans

    def has_day(self, platform: str, day: date) -> bool:
        """Whether `platform` has data for `day`; a network without account rows is not judged."""
        return platform not in self.days or day in self.days[platform]

    def same_days_in(self, other: Month) -> Coverage:
        """The same days of the month in `other` (1-20 Nov -> 1-20 Oct), for like-for-like."""
        shifted = {
            platform: frozenset(
                other.first + timedelta(days=d.day - 1) for d in days if d.day <= other.last.day
            )
            for platform, days in self.days.items()
        }
        return Coverage(other, shifted)


def coverage_of(account: Iterable[AccountDay], month: Month) -> Coverage:
    """Days with account rows per network, for every network that has account rows at all
    (a network that stopped being exported shows as a month with every day missing)."""
    days: dict[str, set[date]] = {}
    for row in account:
        days.setdefault(row.platform, set())
        if month.contains(row.date):
            days[row.platform].add(row.date)
    return Coverage(month, {p: frozenset(d) for p, d in days.items()})


def full_coverage(coverage: Coverage) -> Coverage:
    """Every day of the month for every network: the previous month compared as a whole."""
    every = frozenset(coverage.month.days())
    return Coverage(coverage.month, {p: every for p in coverage.days})


# --- partnerships ---------------------------------------------------------------------------


def cost_per_engagement(cost: float, rows: Iterable[PostMetrics]) -> float | None:
    """A partnership's fee and gifts ÷ the engagements of its sponsored posts' rows (None when
    they have none): what one reaction bought."""
    engagements = sum(engagements_of(r) or 0 for r in rows)
    return cost / engagements if engagements else None


# --- the definitions as printed -------------------------------------------------------------

# the vocabulary keys of the sentences, in printing order (the words live in vocabulary.py)
DEFINITIONS = (
    "d_followers",
    "d_reach",
    "d_er",
    "d_posts",
    "d_cost",
    "d_coverage",
)


PARTNERSHIP_DEFINITION = "d_partnership"  # printed when the report has a partnerships section


def definitions(locale: str, partnerships: bool = False) -> list[str]:
    """The definitions in the report's language ("fr" or "en"), in printing order."""
    keys = (*DEFINITIONS, PARTNERSHIP_DEFINITION) if partnerships else DEFINITIONS
    return [word(key, locale) for key in keys]
