"""A month's figures from the canonical metrics and the plan.

Which rows each figure is computed on is defined once in generator.report.measures (and
printed from there at the end of every report); this module sums them per network and month.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from generator.content.model import Item
from generator.metrics.store import AccountDay, ClientMetrics, PostMetrics
from generator.months import Month, Week, local_day
from generator.report.measures import Coverage, Rate, coverage_of, engagement_rate
from generator.schema import Post
from generator.schema.client import OBJECTIVE_METRICS, Objective
from generator.schema.common import Status

METRIC_KEYS = OBJECTIVE_METRICS  # the schema refuses objectives on any other metric


@dataclass(frozen=True)
class NetworkFigures:
    """One network's figures for a month."""

    platform: str
    followers_gained: int | None = None
    followers_end: int | None = None
    reach: int | None = None
    impressions: int | None = None
    rate: Rate = Rate()
    series: tuple[tuple[date, int], ...] = ()
    last_day: date | None = None

    @property
    def series_is_gain(self) -> bool:
        return bool(self.series) and self.followers_end is None

    @property
    def engagement_rate(self) -> float | None:
        return self.rate.value


@dataclass(frozen=True)
class MonthFigures:
    """All networks' figures for one month, plus the plan's published count."""

    month: Month
    networks: tuple[NetworkFigures, ...]
    posts_published: int
    published_by_platform: dict[str, int] = field(default_factory=dict)
    coverage: Coverage | None = None

    @property
    def has_metrics(self) -> bool:
        return any(
            n.followers_gained is not None
            or n.reach is not None
            or n.impressions is not None
            or n.rate.posts
            for n in self.networks
        )

    def total(self, name: str) -> int | None:
        values = [getattr(n, name) for n in self.networks if getattr(n, name) is not None]
        return sum(values) if values else None

    @property
    def rate(self) -> Rate:
        """The month's weighted rate over the same post rows as the networks' rates."""
        rates = [n.rate for n in self.networks]
        return Rate(
            sum(r.engagements for r in rates),
            sum(r.impressions for r in rates),
            sum(r.posts for r in rates),
            tuple(p for r in rates for p in r.platforms),
        )

    @property
    def engagement_rate(self) -> float | None:
        return self.rate.value

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


def posts_in_month(metrics: ClientMetrics, month: Month, zone: str) -> list[PostMetrics]:
    return [
        row
        for row in metrics.posts
        if (day := local_day(row.published_at, zone)) is not None and month.contains(day)
    ]


def build_followers(
    rows: list[AccountDay], month: Month
) -> tuple[int | None, int | None, tuple[tuple[date, int], ...]]:
    """Gained, last count and daily series of one network (rows sorted by date; rows of the
    month's days outside the compared days are already left out).

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


def account_or_posts(days: list[AccountDay], posts: list[PostMetrics], name: str) -> int | None:
    """A network's total from its account days, or from its posts when the account rows
    have none (never a mix of both)."""
    total = sum_field(days, name)
    return total if total is not None else sum_field(posts, name)


def build_network(
    platform: str,
    account: list[AccountDay],
    posts: list[PostMetrics],
    month: Month,
    coverage: Coverage,
) -> NetworkFigures:
    """One network's figures over the days `coverage` keeps (every day, or the same days as
    the month compared with)."""
    kept = [r for r in account if not month.contains(r.date) or coverage.has_day(platform, r.date)]
    days = [r for r in kept if month.contains(r.date)]
    gained, end, series = build_followers(kept, month)
    return NetworkFigures(
        platform=platform,
        followers_gained=gained,
        followers_end=end,
        reach=account_or_posts(days, posts, "reach"),
        impressions=account_or_posts(days, posts, "impressions"),
        rate=engagement_rate(posts),
        series=series,
        last_day=coverage.last_day(platform),
    )


def is_published_in(item: Item[Post], month: Month, zone: str) -> bool:
    meta = item.meta
    if meta.status is not Status.PUBLISHED:
        return False
    day = local_day(meta.publish_at, zone)
    return day is not None and month.contains(day)


def build_month_figures(
    metrics: ClientMetrics,
    posts: list[Item[Post]],
    month: Month,
    zone: str,
    coverage: Coverage | None = None,
) -> MonthFigures:
    """Every network's figures for `month`, in platform order, over the days of `coverage`
    (default: the days the metrics have); posts count when published on a kept day."""
    if coverage is None:
        coverage = coverage_of(metrics.account, month)
    account: dict[str, list[AccountDay]] = defaultdict(list)
    for account_day in sorted(metrics.account, key=lambda r: (r.platform, r.date)):
        account[account_day.platform].append(account_day)
    by_post: dict[str, list[PostMetrics]] = defaultdict(list)
    for row in posts_in_month(metrics, month, zone):
        day = local_day(row.published_at, zone)
        if day is not None and coverage.has_day(row.platform, day):
            by_post[row.platform].append(row)
    networks = tuple(
        build_network(p, account.get(p, []), by_post.get(p, []), month, coverage)
        for p in sorted(set(account) | set(by_post))
    )
    published = [item for item in posts if is_published_in(item, month, zone)]
    per_platform: dict[str, int] = defaultdict(int)
    for item in published:
        for platform in item.platforms:
            per_platform[platform] += 1
    return MonthFigures(month, networks, len(published), dict(per_platform), coverage)


# --- weekly series -------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekValue:
    """One week's audience: None when no network has data for any of its days; `partial`
    when some of its days have no data (drawn differently, never as a fall)."""

    value: int | None
    partial: bool = False


def build_weekly_audience(
    metrics: ClientMetrics, month: Month, zone: str, coverage: Coverage | None = None
) -> tuple[str, list[WeekValue]]:
    """Reach per week (impressions when no reach was exported), summed over networks with the
    same rule as the month's total: account days, or else the network's posts by their week."""
    coverage = coverage or coverage_of(metrics.account, month)
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
    totals: list[int | None] = [None] * len(weeks)
    for day, value in dated:
        index = next(i for i, w in enumerate(weeks) if w.contains(day))
        totals[index] = (totals[index] or 0) + value
    return name, [
        WeekValue(total, total is not None and week_is_partial(week, coverage))
        for week, total in zip(weeks, totals, strict=True)
    ]


def week_is_partial(week: Week, coverage: Coverage) -> bool:
    day = week.start
    while day <= week.end:
        if any(not coverage.has_day(p, day) for p in coverage.days):
            return True
        day += timedelta(days=1)
    return False


def build_weekly_posts(
    posts: list[Item[Post]], weeks: list[Week], zone: str
) -> tuple[list[int], list[int]]:
    """Planned (every post of the week but ideas) and published posts per week."""
    planned = [0] * len(weeks)
    published = [0] * len(weeks)
    for item in posts:
        meta = item.meta
        day = local_day(meta.publish_at, zone)
        if day is None or meta.status is Status.IDEA:
            continue
        for index, week in enumerate(weeks):
            if week.contains(day):
                planned[index] += 1
                published[index] += meta.status is Status.PUBLISHED
    return planned, published


# --- objectives and key figures ------------------------------------------------------------

SUMMED = frozenset({"followers_gained", "reach", "impressions"})
FROM_METRICS = SUMMED | {"engagement_rate"}


def verdict(
    metric: str, actual: float | None, target: float | None, closed: bool, until: date | None
) -> str | None:
    """An objective's status: met/missed for a closed month, on_track/behind for the current
    one, `incomplete` when days of data are missing and the target is not reached yet (a sum
    that already passed its target is met whatever the missing days hold)."""
    if target is None or actual is None:
        return None
    reached = actual >= target
    if until is not None and metric in FROM_METRICS and not (reached and metric in SUMMED):
        return "incomplete"
    if closed:
        return "met" if reached else "missed"
    return "on_track" if reached else "behind"


@dataclass(frozen=True)
class KeyFigure:
    """One line of "the month in numbers"; `until` is the last day with data when the month's
    metrics stop early, and then `previous` covers the same days of the previous month."""

    key: str
    value: float | None
    previous: float | None
    target: float | None = None
    closed: bool = True
    until: date | None = None

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
    def status(self) -> str | None:
        return verdict(self.key, self.value, self.target, self.closed, self.until)


@dataclass(frozen=True)
class ObjectiveResult:
    """An objective of client.yml against the month's figure."""

    metric: str
    platform: str | None
    label: str | None
    target: float
    actual: float | None
    closed: bool = True
    until: date | None = None

    @property
    def status(self) -> str | None:
        return verdict(self.metric, self.actual, self.target, self.closed, self.until)

    @property
    def is_ratio(self) -> bool:
        return self.metric == "engagement_rate"


def objective_target(objective: Objective) -> float:
    """Engagement-rate targets may be written as a percentage (4.5) or a ratio (0.045)."""
    if objective.metric == "engagement_rate" and objective.target > 1:
        return objective.target / 100
    return objective.target


def figure_until(figures: MonthFigures, metric: str, platform: str | None = None) -> date | None:
    """The last day with data of a figure's networks, when some of its days have none."""
    coverage = figures.coverage
    if coverage is None or metric not in FROM_METRICS:
        return None
    gaps = [p for p in coverage.incomplete if platform is None or p == platform]
    ends = [coverage.last_day(p) for p in gaps]
    return min((d for d in ends if d is not None), default=figures.month.first) if gaps else None


def build_objectives(
    objectives: list[Objective], figures: MonthFigures, closed: bool = True
) -> list[ObjectiveResult]:
    results = []
    for o in objectives:
        if o.metric not in METRIC_KEYS:
            continue
        platform = o.platform.value if o.platform else None
        results.append(
            ObjectiveResult(
                o.metric,
                platform,
                o.label,
                objective_target(o),
                figures.value(o.metric, platform),
                closed,
                figure_until(figures, o.metric, platform),
            )
        )
    return results


def build_key_figures(
    current: MonthFigures,
    previous: MonthFigures,
    objectives: list[ObjectiveResult],
    closed: bool = True,
    comparable: bool = True,
) -> list[KeyFigure]:
    """The month's headline figures. Without a like-for-like comparison (`comparable` False:
    the previous month lacks some of the compared days) only the plan's count is compared."""
    targets = {o.metric: o.target for o in objectives if o.platform is None}
    figures = []
    for key in METRIC_KEYS:
        shown = previous.has_metrics and comparable if key in FROM_METRICS else True
        figures.append(
            KeyFigure(
                key,
                current.value(key),
                previous.value(key) if shown else None,
                targets.get(key),
                closed,
                figure_until(current, key),
            )
        )
    return figures
