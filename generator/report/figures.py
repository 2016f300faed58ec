"""A month's figures from the canonical metrics and the plan: the definitions live here.

Definitions (also printed at the end of every report):
- followers gained: per network, the last follower count of the month minus the last count
  before the month (or else the first count of the month); summed over networks. A network
  with no counts but daily `follower_change` values uses their sum.
- reach, impressions: sums of the accounts' daily figures; a network without account-level
  figures for the month falls back to the totals of its posts published in the month.
- engagement rate: engagements ÷ impressions of the posts published in the month (rows of
  posts.csv with both values); `engagements` is the network's figure, or else likes + comments
  + shares + saves + clicks.
- posts published: plan posts with status `published` whose publication day is in the month.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from generator.content.model import Item
from generator.metrics.store import AccountDay, ClientMetrics, PostMetrics
from generator.months import Month, Week, local_day
from generator.schema import Post
from generator.schema.client import Objective
from generator.schema.common import Status

METRIC_KEYS = ("followers_gained", "reach", "impressions", "engagement_rate", "posts_published")
ENGAGEMENT_PARTS = ("likes", "comments", "shares", "saves", "clicks")


def engagement_rate(engagements: int, impressions: int | None) -> float | None:
    """The report's one definition: engagements ÷ impressions (None without impressions)."""
    return engagements / impressions if impressions else None


@dataclass(frozen=True)
class NetworkFigures:
    """One network's figures for a month."""

    platform: str
    followers_gained: int | None = None
    followers_end: int | None = None
    reach: int | None = None
    impressions: int | None = None
    engagements: int = 0
    rated_impressions: int = 0
    series: tuple[tuple[date, int], ...] = ()

    @property
    def series_is_gain(self) -> bool:
        return bool(self.series) and self.followers_end is None

    @property
    def engagement_rate(self) -> float | None:
        return engagement_rate(self.engagements, self.rated_impressions)


@dataclass(frozen=True)
class MonthFigures:
    """All networks' figures for one month, plus the plan's published count."""

    month: Month
    networks: tuple[NetworkFigures, ...]
    posts_published: int
    published_by_platform: dict[str, int] = field(default_factory=dict)

    @property
    def has_metrics(self) -> bool:
        return any(
            n.followers_gained is not None
            or n.reach is not None
            or n.impressions is not None
            or n.rated_impressions
            for n in self.networks
        )

    def total(self, name: str) -> int | None:
        values = [getattr(n, name) for n in self.networks if getattr(n, name) is not None]
        return sum(values) if values else None

    @property
    def engagement_rate(self) -> float | None:
        return engagement_rate(
            sum(n.engagements for n in self.networks),
            sum(n.rated_impressions for n in self.networks),
        )

    def value(self, metric: str, platform: str | None = None) -> float | None:
        """The figure an objective names, for all networks or one."""
        if metric == "posts_published":
            return float(
                self.published_by_platform.get(platform, 0) if platform else self.posts_published
            )
        if platform is None:
            return self.engagement_rate if metric == "engagement_rate" else self.total(metric)
        network = next((n for n in self.networks if n.platform == platform), None)
        return getattr(network, metric) if network is not None else None


def engagements_of(row: PostMetrics) -> int | None:
    if row.engagements is not None:
        return row.engagements
    parts = [getattr(row, name) for name in ENGAGEMENT_PARTS if getattr(row, name) is not None]
    return sum(parts) if parts else None


def posts_in_month(metrics: ClientMetrics, month: Month, zone: str) -> list[PostMetrics]:
    return [
        row
        for row in metrics.posts
        if (day := local_day(row.published_at, zone)) is not None and month.contains(day)
    ]


def build_followers(
    rows: list[AccountDay], month: Month
) -> tuple[int | None, int | None, tuple[tuple[date, int], ...]]:
    """Gained, last count and daily series of one network (rows sorted by date).

    Without counts, the series is the running total of the daily changes (a gain, not a count).
    """
    counted = [(r.date, r.followers) for r in rows if r.followers is not None]
    series = tuple((d, n) for d, n in counted if month.contains(d))
    if series:
        before = [n for d, n in counted if d < month.first]
        baseline = before[-1] if before else series[0][1]
        return series[-1][1] - baseline, series[-1][1], series
    changes = [
        (r.date, r.follower_change)
        for r in rows
        if month.contains(r.date) and r.follower_change is not None
    ]
    running = tuple((d, sum(c for _, c in changes[: i + 1])) for i, (d, _) in enumerate(changes))
    return (running[-1][1] if running else None), None, running


def sum_field(rows: list[AccountDay] | list[PostMetrics], name: str) -> int | None:
    values = [getattr(r, name) for r in rows if getattr(r, name) is not None]
    return sum(values) if values else None


def build_network(
    platform: str, account: list[AccountDay], posts: list[PostMetrics], month: Month
) -> NetworkFigures:
    days = [r for r in account if month.contains(r.date)]
    gained, end, series = build_followers(account, month)
    rated = [(engagements_of(r), r.impressions) for r in posts]
    rated_pairs = [(e, i) for e, i in rated if e is not None and i]
    return NetworkFigures(
        platform=platform,
        followers_gained=gained,
        followers_end=end,
        reach=sum_field(days, "reach")
        if sum_field(days, "reach") is not None
        else sum_field(posts, "reach"),
        impressions=sum_field(days, "impressions")
        if sum_field(days, "impressions") is not None
        else sum_field(posts, "impressions"),
        engagements=sum(e for e, _ in rated_pairs),
        rated_impressions=sum(i for _, i in rated_pairs),
        series=series,
    )


def is_published_in(item: Item, month: Month, zone: str) -> bool:
    meta = item.meta
    if not isinstance(meta, Post) or meta.status is not Status.PUBLISHED:
        return False
    day = local_day(meta.publish_at, zone)
    return day is not None and month.contains(day)


def build_month_figures(
    metrics: ClientMetrics, posts: list[Item], month: Month, zone: str
) -> MonthFigures:
    """Every network's figures for `month`, in platform order."""
    account: dict[str, list[AccountDay]] = defaultdict(list)
    for day in sorted(metrics.account, key=lambda r: (r.platform, r.date)):
        account[day.platform].append(day)
    by_post: dict[str, list[PostMetrics]] = defaultdict(list)
    for row in posts_in_month(metrics, month, zone):
        by_post[row.platform].append(row)
    networks = tuple(
        build_network(p, account.get(p, []), by_post.get(p, []), month)
        for p in sorted(set(account) | set(by_post))
    )
    published = [item for item in posts if is_published_in(item, month, zone)]
    per_platform: dict[str, int] = defaultdict(int)
    for item in published:
        for platform in item.platforms:
            per_platform[platform] += 1
    return MonthFigures(month, networks, len(published), dict(per_platform))


# --- weekly series -------------------------------------------------------------------------


def build_weekly_audience(metrics: ClientMetrics, month: Month, zone: str) -> tuple[str, list[int]]:
    """Reach per week (impressions when no reach was exported), summed over networks with the
    same rule as the month's total: account days, or else the network's posts by their week."""
    days = [r for r in metrics.account if month.contains(r.date)]
    posts = posts_in_month(metrics, month, zone)
    reach_known = any(r.reach is not None for r in days) or any(r.reach is not None for r in posts)
    name = "reach" if reach_known else "impressions"
    dated: list[tuple[date, int]] = []
    for platform in sorted({r.platform for r in days} | {r.platform for r in posts}):
        own = [
            (r.date, getattr(r, name))
            for r in days
            if r.platform == platform and getattr(r, name) is not None
        ]
        if not own:
            own = [
                (day, getattr(r, name))
                for r in posts
                if r.platform == platform
                and getattr(r, name) is not None
                and (day := local_day(r.published_at, zone)) is not None
            ]
        dated.extend(own)
    if not dated:
        return name, []
    weeks = month.weeks()
    totals = [0] * len(weeks)
    for day, value in dated:
        totals[next(i for i, w in enumerate(weeks) if w.contains(day))] += value
    return name, totals


def build_weekly_posts(
    posts: list[Item], weeks: list[Week], zone: str
) -> tuple[list[int], list[int]]:
    """Planned (every post of the week but ideas) and published posts per week."""
    planned = [0] * len(weeks)
    published = [0] * len(weeks)
    for item in posts:
        meta = item.meta
        assert isinstance(meta, Post)
        day = local_day(meta.publish_at, zone)
        if day is None or meta.status is Status.IDEA:
            continue
        for index, week in enumerate(weeks):
            if week.contains(day):
                planned[index] += 1
                published[index] += meta.status is Status.PUBLISHED
    return planned, published


# --- objectives and key figures ------------------------------------------------------------


@dataclass(frozen=True)
class KeyFigure:
    """One line of "the month in numbers"."""

    key: str
    value: float | None
    previous: float | None
    target: float | None = None

    @property
    def is_ratio(self) -> bool:
        return self.key == "engagement_rate"

    @property
    def change(self) -> float | None:
        """Relative change for counts, change in percentage points for the rate."""
        if self.value is None or self.previous is None:
            return None
        if self.is_ratio:
            return (self.value - self.previous) * 100
        return (self.value - self.previous) / abs(self.previous) if self.previous else None

    @property
    def on_track(self) -> bool | None:
        if self.target is None or self.value is None:
            return None
        return self.value >= self.target


@dataclass(frozen=True)
class ObjectiveResult:
    """An objective of client.yml against the month's figure."""

    metric: str
    platform: str | None
    label: str | None
    target: float
    actual: float | None

    @property
    def on_track(self) -> bool | None:
        return None if self.actual is None else self.actual >= self.target

    @property
    def is_ratio(self) -> bool:
        return self.metric == "engagement_rate"


def objective_target(objective: Objective) -> float:
    """Engagement-rate targets may be written as a percentage (4.5) or a ratio (0.045)."""
    if objective.metric == "engagement_rate" and objective.target > 1:
        return objective.target / 100
    return objective.target


def build_objectives(objectives: list[Objective], figures: MonthFigures) -> list[ObjectiveResult]:
    return [
        ObjectiveResult(
            o.metric,
            o.platform.value if o.platform else None,
            o.label,
            objective_target(o),
            figures.value(o.metric, o.platform.value if o.platform else None),
        )
        for o in objectives
        if o.metric in METRIC_KEYS
    ]


def build_key_figures(
    current: MonthFigures, previous: MonthFigures, objectives: list[ObjectiveResult]
) -> list[KeyFigure]:
    targets = {o.metric: o.target for o in objectives if o.platform is None}
    return [
        KeyFigure(
            key,
            current.value(key),
            previous.value(key) if (previous.has_metrics or key == "posts_published") else None,
            targets.get(key),
        )
        for key in METRIC_KEYS
    ]
