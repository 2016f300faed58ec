"""The typed content of one client's monthly report, built from validated data only."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.content.kinds import CONTEST, CURATED, POST
from generator.content.model import AnyItem, ClientData, Item, MonthNote, PlanSource
from generator.metrics.audience import latest_shares
from generator.metrics.store import ClientMetrics, PostMetrics
from generator.months import Month, Week, local_day
from generator.report.figures import (
    KeyFigure,
    MonthFigures,
    ObjectiveResult,
    WeekValue,
    build_key_figures,
    build_month_figures,
    build_objectives,
    build_weekly_audience,
    build_weekly_posts,
)
from generator.report.measures import (
    Coverage,
    Rate,
    coverage_of,
    engagement_rate,
    engagements_of,
    full_coverage,
    paid_rows,
)
from generator.report.partnership_section import PartnershipRow, build_partnerships
from generator.sanitise import strip_comments
from generator.schema import Post
from generator.schema.common import CuratedStatus, Status

TOP_POSTS = 5
EXCERPT_CHARS = 170
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"}
NOT_PLANNED = {Status.IDEA, Status.CANCELLED}


@dataclass(frozen=True)
class TopPost:
    """A post of the month with its figures summed over networks; its rate is computed on
    the networks that export both engagements and impressions (named in `rate.platforms`)."""

    title: str
    day: date
    category: str
    platforms: tuple[str, ...]
    excerpt: str
    thumbnail: Path | None
    impressions: int | None
    reach: int | None
    engagements: int
    rate: Rate = Rate()

    @property
    def engagement_rate(self) -> float | None:
        return self.rate.value


@dataclass(frozen=True)
class AudienceProfile:
    """A network's latest audience snapshot in the month: top territories, gender split."""

    platform: str
    day: date
    territories: tuple[tuple[str, float], ...]
    gender: tuple[tuple[str, float], ...]


TOP_TERRITORIES = 5


def build_audience_profiles(metrics: ClientMetrics, month: Month) -> list[AudienceProfile]:
    """Per network with audience breakdowns: the latest snapshot on or before the month's
    end (a snapshot taken after the month is not shown: the report stays as it was)."""
    profiles = []
    for platform in sorted({row.platform for row in metrics.audience}):
        territories = latest_shares(metrics.audience, platform, "territory", month.last)
        gender = latest_shares(metrics.audience, platform, "gender", month.last)
        days = [found[0] for found in (territories, gender) if found is not None]
        if not days:
            continue
        profiles.append(
            AudienceProfile(
                platform,
                max(days),
                tuple(territories[1][:TOP_TERRITORIES]) if territories else (),
                tuple(gender[1]) if gender else (),
            )
        )
    return profiles


@dataclass(frozen=True)
class ContestRow:
    title: str
    platforms: tuple[str, ...]
    starts: date
    ends: date
    draw: date | None
    participants: int | None
    winners: tuple[str, ...]
    prize: str | None
    prize_quantity: int
    shipping: str | None


@dataclass(frozen=True)
class CuratedRow:
    title: str
    day: date | None
    platforms: tuple[str, ...]
    source: str | None
    author: str | None
    why: str | None


@dataclass(frozen=True)
class BoostRow:
    """One boosted post: budget, and what the ad report says was spent and bought (paid
    impressions, link clicks, results), on the boosted networks only."""

    title: str
    platforms: tuple[str, ...]
    start: date
    end: date
    objective: str | None
    currency: str
    budget: float
    spend: float | None
    impressions: int | None
    clicks: int | None
    results: int | None

    @property
    def result(self) -> tuple[str, float | None]:
        """Kind of result bought and its cost: per link click, per result of an engagement
        boost (the post engagements the ad report counts), per 1,000 paid impressions."""
        goal = (self.objective or "").lower()
        if goal in {"traffic", "clicks", "trafic", "link_clicks"}:
            return "result_click", _ratio(self.spend, self.clicks)
        if goal in {"engagement", "engagements", "interactions"}:
            return "result_engagement", _ratio(self.spend, self.results)
        per_view = _ratio(self.spend, self.impressions)
        return "result_thousand", per_view * 1000 if per_view is not None else None


def _ratio(top: float | None, bottom: int | None) -> float | None:
    return top / bottom if top is not None and bottom else None


@dataclass(frozen=True)
class PlanEntry:
    day: date
    title: str
    category: str
    platforms: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class PlanWeek:
    week: Week
    entries: tuple[PlanEntry, ...]


@dataclass
class Community:
    """What the month's notes say about the community."""

    summary: str
    body: str
    tone: dict[str, int]
    quotes: list[tuple[str, str | None, str | None, str]]
    screenshots: list[tuple[Path, str | None]]
    actions: list[str]
    next_month: str | None


@dataclass
class Report:
    """Everything one report shows; templates and charts read only this."""

    client: ClientData
    agency: str
    month: Month
    figures: MonthFigures
    previous: MonthFigures
    comparable: bool
    key_figures: list[KeyFigure]
    objectives: list[ObjectiveResult]
    audience_name: str
    audience_weeks: list[WeekValue]
    planned_weeks: list[int]
    published_weeks: list[int]
    content_mix: list[tuple[str, int]]
    top_posts: list[TopPost]
    contests: list[ContestRow]
    curated: list[CuratedRow]
    boosts: list[BoostRow]
    community: Community | None
    plan: list[PlanWeek]
    logo: Path | None = None
    currency: str = "EUR"
    plan_source: PlanSource | None = None
    audience_profiles: list[AudienceProfile] = field(default_factory=list)
    partnerships: list[PartnershipRow] = field(default_factory=list)

    @property
    def colour(self) -> str:
        return self.client.config.brand.colour

    @property
    def accent(self) -> str | None:
        return self.client.config.brand.accent

    @property
    def coverage(self) -> Coverage | None:
        return self.figures.coverage

    @property
    def until(self) -> date | None:
        """The last day with data of every network, when some days of the month have none."""
        return self.coverage.until if self.coverage is not None else None

    @property
    def promo_share(self) -> float | None:
        total = sum(count for _, count in self.content_mix)
        promo = sum(count for category, count in self.content_mix if category == "promo")
        return promo / total if total else None


# --- plan items ----------------------------------------------------------------------------


def post_day(item: AnyItem, zone: str) -> date | None:
    return local_day(item.when, zone)


def posts_of_month(client: ClientData, month: Month) -> list[Item[Post]]:
    return [
        i
        for i in POST.items(client.items)
        if (day := post_day(i, client.timezone)) is not None and month.contains(day)
    ]


def build_content_mix(posts: list[Item[Post]]) -> list[tuple[str, int]]:
    """Posts published (or planned, if none is marked published) per category, largest first."""
    counted = [i for i in posts if i.meta.status is Status.PUBLISHED] or [
        i for i in posts if i.meta.status not in NOT_PLANNED
    ]
    counts: dict[str, int] = {}
    for item in counted:
        counts[item.category] = counts.get(item.category, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The caption as plain text, cut at a word boundary; its line breaks are kept (a list
    of products or a signature reads as the client wrote it), blank lines are squeezed."""
    plain = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", strip_comments(text))  # internal notes
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", plain)
    plain = re.sub(r"[*_`>#]+", "", plain)
    lines = [" ".join(line.split()) for line in plain.splitlines()]
    plain = "\n".join(line for line in lines if line)
    if len(plain) <= limit:
        return plain
    return re.sub(r"\s+\S*$", "", plain[:limit]).rstrip(",;:.") + "…"


def thumbnail_of(client: ClientData, meta: Post) -> Path | None:
    for medium in meta.media:
        path = client.folder / medium.file
        if path.suffix.lower() in IMAGE_SUFFIXES:
            return path
    return None


def index_metrics(rows: list[PostMetrics]) -> dict[tuple[str, str], PostMetrics]:
    """Post metrics by (platform, id) and (platform, url), for joining plan posts."""
    index: dict[tuple[str, str], PostMetrics] = {}
    for row in rows:
        index[(row.platform, row.post_id)] = row
        if row.post_url:
            index[(row.platform, row.post_url)] = row
    return index


def metrics_of(meta: Post, index: dict[tuple[str, str], PostMetrics]) -> list[PostMetrics]:
    found = []
    for platform, where in sorted(meta.published.items(), key=lambda kv: kv[0].value):
        row = (index.get((platform.value, where.id)) if where.id else None) or (
            index.get((platform.value, where.url)) if where.url else None
        )
        if row is not None:
            found.append(row)
    return found


def _total(values: list[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def build_top_posts(
    client: ClientData, posts: list[Item[Post]], index: dict[tuple[str, str], PostMetrics]
) -> list[TopPost]:
    ranked = []
    for item in posts:
        meta = item.meta
        rows = metrics_of(meta, index)
        if meta.status is not Status.PUBLISHED or not rows:
            continue
        day = post_day(item, client.timezone)
        assert day is not None
        ranked.append(
            TopPost(
                meta.title,
                day,
                item.category,
                tuple(item.platforms),
                excerpt(item.body),
                thumbnail_of(client, meta),
                _total([r.impressions for r in rows]),
                _total([r.reach for r in rows]),
                sum(engagements_of(r) or 0 for r in rows),
                engagement_rate(rows),
            )
        )
    ranked.sort(key=lambda p: (-p.engagements, -(p.engagement_rate or 0), p.day, p.title))
    return ranked[:TOP_POSTS]


def build_contests(client: ClientData, month: Month) -> list[ContestRow]:
    rows = []
    zone = client.timezone
    for item in CONTEST.items(client.items):
        meta = item.meta
        starts, ends = local_day(meta.starts, zone), local_day(meta.ends, zone)
        draw = local_day(meta.draw_at or meta.announce_at, zone)
        assert starts is not None and ends is not None
        last = max(ends, draw or ends)
        if meta.status is Status.CANCELLED or starts > month.last or last < month.first:
            continue
        rows.append(
            ContestRow(
                meta.title,
                tuple(item.platforms),
                starts,
                ends,
                draw,
                meta.participants,
                tuple(w.name for w in meta.winners),
                meta.prize.description if meta.prize else None,
                meta.prize.quantity if meta.prize else 1,
                meta.shipping.status.value if meta.shipping else None,
            )
        )
    return sorted(rows, key=lambda r: (r.starts, r.title))


def build_curated(client: ClientData, month: Month) -> list[CuratedRow]:
    rows = []
    for item in CURATED.items(client.items):
        meta = item.meta
        day = local_day(meta.share_at, client.timezone)
        if meta.status is CuratedStatus.SHARED and day is not None and month.contains(day):
            rows.append(
                CuratedRow(
                    meta.title,
                    day,
                    tuple(item.platforms),
                    meta.source_name,
                    meta.source_author,
                    meta.why,
                )
            )
    return sorted(rows, key=lambda r: (r.day or month.first, r.title))


def build_boosts(
    client: ClientData, index: dict[tuple[str, str], PostMetrics], month: Month
) -> list[BoostRow]:
    rows = []
    for item in POST.items(client.items):
        meta = item.meta
        day = post_day(item, client.timezone)
        if meta.boost is None or day is None or meta.status is Status.CANCELLED:
            continue
        start = meta.boost.start or day
        end = meta.boost.end or start
        if start > month.last or end < month.first:
            continue
        platforms = meta.boost.platforms or meta.platforms
        found = paid_rows(metrics_of(meta, index), (p.value for p in platforms))
        spends = [r.ad_spend for r in found if r.ad_spend is not None]
        rows.append(
            BoostRow(
                meta.title,
                tuple(p.value for p in platforms),
                start,
                end,
                meta.boost.objective,
                meta.boost.currency,
                meta.boost.budget,
                sum(spends) if spends else None,
                _total([r.paid_impressions for r in found]),
                _total([r.paid_clicks for r in found]),
                _total([r.paid_results for r in found]),
            )
        )
    return sorted(rows, key=lambda r: (r.start, r.title))


def build_community(client: ClientData, note: MonthNote | None) -> Community | None:
    if note is None:
        return None
    meta = note.meta
    return Community(
        summary=meta.summary,
        body=note.body.strip(),
        tone={
            "positive": meta.tone.positive,
            "neutral": meta.tone.neutral,
            "negative": meta.tone.negative,
        },
        quotes=[
            (q.text, q.author, q.platform.value if q.platform else None, q.tone.value)
            for q in meta.quotes
        ],
        screenshots=[(client.folder / s.file, s.caption) for s in meta.screenshots],
        actions=list(meta.actions),
        next_month=meta.next_month,
    )


def build_plan(client: ClientData, month: Month) -> list[PlanWeek]:
    """What is scheduled next month (everything but ideas, cancelled and rejected), by week."""
    entries = []
    for item in client.items:
        day = post_day(item, client.timezone)
        status = item.meta.status
        if (
            day is None
            or not month.contains(day)
            or status in NOT_PLANNED
            or status is CuratedStatus.REJECTED
        ):
            continue
        entries.append(
            PlanEntry(day, item.title, item.category, tuple(item.platforms), status.value)
        )
    entries.sort(key=lambda e: (e.day, e.title))
    weeks = [PlanWeek(w, tuple(e for e in entries if w.contains(e.day))) for w in month.weeks()]
    return [w for w in weeks if w.entries]


def main_currency(boosts: list[BoostRow]) -> str:
    return boosts[0].currency if boosts else "EUR"


def compared_coverage(metrics: ClientMetrics, coverage: Coverage) -> tuple[Coverage, bool]:
    """The days of the previous month to compare with: the same days as this month has
    (all of them when this month is complete), and whether the previous month has them all."""
    before = coverage.month.previous()
    wanted = full_coverage(coverage_of(metrics.account, before))
    if not coverage.complete:
        wanted = coverage.same_days_in(before)
    have = coverage_of(metrics.account, before)
    comparable = all(days <= have.days.get(p, frozenset()) for p, days in wanted.days.items())
    return wanted, comparable


def build_report(
    client: ClientData,
    agency: str,
    metrics: ClientMetrics,
    month: Month,
    today: date | None = None,
) -> Report:
    """The whole report of `client` for `month`: a recipe, section by section.

    A month is closed (objectives met or missed) when it ended before `today`; without
    `today` every month is taken as closed. Next month's plan is the one the load stage put
    on the client for this month (as it stood when the month ended), else the current one."""
    plan_from = client.plans.get(month.key)
    zone = client.timezone
    posts = POST.items(client.items)
    closed = today is None or month.last < today
    coverage = coverage_of(metrics.account, month)
    figures = build_month_figures(metrics, posts, month, zone, coverage)
    compared, comparable = compared_coverage(metrics, coverage)
    previous = build_month_figures(metrics, posts, month.previous(), zone, compared)
    objectives = build_objectives(client.config.objectives, figures, closed)
    audience_name, audience = build_weekly_audience(metrics, month, zone, coverage)
    month_posts = posts_of_month(client, month)
    planned, published = build_weekly_posts(month_posts, month.weeks(), zone)
    index = index_metrics(metrics.posts)
    boosts = build_boosts(client, index, month)
    logo = client.folder / client.config.brand.logo if client.config.brand.logo else None
    return Report(
        client=client,
        agency=agency,
        month=month,
        figures=figures,
        previous=previous,
        comparable=comparable,
        key_figures=build_key_figures(figures, previous, objectives, closed, comparable),
        objectives=objectives,
        audience_name=audience_name,
        audience_weeks=audience,
        planned_weeks=planned,
        published_weeks=published,
        content_mix=build_content_mix(month_posts),
        top_posts=build_top_posts(client, month_posts, index),
        contests=build_contests(client, month),
        curated=build_curated(client, month),
        boosts=boosts,
        community=build_community(client, client.months.get(month.key)),
        plan=build_plan(plan_from.client if plan_from else client, month.next()),
        plan_source=plan_from,
        audience_profiles=build_audience_profiles(metrics, month),
        partnerships=build_partnerships(client, index, month),
        logo=logo,
        currency=main_currency(boosts),
    )
