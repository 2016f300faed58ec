"""The report's partnerships section: each partnership of the month, what it delivered, what
its sponsored posts reached, and what a result cost (definitions in measures.py)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.kinds import PARTNERSHIP
from generator.content.model import ClientData, Item
from generator.metrics.store import PostMetrics
from generator.months import Month
from generator.partnerships import is_delivered, is_out_by, sponsored_posts
from generator.report.measures import Rate, cost_per_engagement, engagement_rate, engagements_of
from generator.schema.items import Post
from generator.schema.partnership import Partnership

SHOWN_STATUSES = {"signed", "running", "completed"}
Index = dict[tuple[str, str], PostMetrics]


@dataclass(frozen=True)
class PartnershipRow:
    """One partnership in one month's report."""

    partner: str
    title: str
    due: int  # deliverables due by the end of the month
    done: int  # of those, delivered by the end of the month
    posts: int  # sponsored posts published in the month
    reach: int | None
    impressions: int | None
    engagements: int | None
    rate: Rate
    cost: float  # fee + gifts
    currency: str
    per_engagement: float | None  # cost ÷ engagements of every sponsored post so far


def active_in(meta: Partnership, month: Month) -> bool:
    """Agreed, and its period (start to end, or to its last deliverable) meets the month."""
    first = meta.starts.date()
    ends = [meta.ends.date()] if meta.ends else [d.due for d in meta.deliverables]
    last = max(ends, default=first)
    return meta.status.value in SHOWN_STATUSES and first <= month.last and last >= month.first


def rows_of(posts: list[Item[Post]], index: Index) -> list[PostMetrics]:
    """The metric rows of these posts, joined as the rest of the report joins them."""
    from generator.report.report_model import metrics_of  # report_model builds this section

    return [row for post in posts for row in metrics_of(post.meta, index)]


def total(values: list[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def build_row(
    client: ClientData, item: Item[Partnership], index: Index, month: Month
) -> PartnershipRow:
    meta = item.meta
    posts = sponsored_posts(client, item.slug)
    found = {post.slug: post for post in posts}
    due = [d for d in meta.deliverables if d.due <= month.last]
    done = [
        d for d in due if is_delivered(d, [found[s] for s in d.posts if s in found], month.last)
    ]
    in_month = [
        p for p in posts if is_out_by(p, month.last) and month.contains(p.meta.publish_at.date())
    ]
    so_far = [p for p in posts if is_out_by(p, month.last)]
    rows = rows_of(in_month, index)
    return PartnershipRow(
        partner=meta.partner.name,
        title=meta.title,
        due=len(due),
        done=len(done),
        posts=len(in_month),
        reach=total([r.reach for r in rows]),
        impressions=total([r.impressions for r in rows]),
        engagements=total([engagements_of(r) for r in rows]),
        rate=engagement_rate(rows),
        cost=meta.value,
        currency=meta.currency,
        per_engagement=cost_per_engagement(meta.value, rows_of(so_far, index)),
    )


def build_partnerships(client: ClientData, index: Index, month: Month) -> list[PartnershipRow]:
    """The month's partnerships, in the order of their start."""
    items = [i for i in PARTNERSHIP.items(client.items) if active_in(i.meta, month)]
    items.sort(key=lambda i: (i.meta.starts, i.slug))
    return [build_row(client, item, index, month) for item in items]
