"""Merging imported rows into the canonical ones: same key replaces, same values change nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from operator import attrgetter, eq
from typing import Any, TypeVar

from generator.metrics.audience import AudienceRow, merge_audience
from generator.metrics.store import PAID_COUNTS, AccountDay, ClientMetrics, PostMetrics

Row = TypeVar("Row", AccountDay, PostMetrics)
# post ids of ad spend that names no post (Ads Manager rows without a post id)
AD_PREFIX = "ad:"


@dataclass
class MergeCount:
    """What one import did to the canonical rows."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0

    def __iadd__(self, other: MergeCount) -> MergeCount:
        self.added += other.added
        self.replaced += other.replaced
        self.unchanged += other.unchanged
        return self


_FIELDS: dict[type, tuple[str, ...]] = {}
_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def value_fields(row: AccountDay | PostMetrics) -> tuple[str, ...]:
    """The figures of a row (not its key or source), computed once per row type."""
    kind = type(row)
    if kind not in _FIELDS:
        keys = {"platform", "date", "post_id", "source", "line"}
        _FIELDS[kind] = tuple(f.name for f in fields(row) if f.name not in keys)
    return _FIELDS[kind]


def values_of(row: AccountDay | PostMetrics) -> tuple[Any, ...]:
    """The figures of a row in value_fields order, read in one call (merges read every row
    of the canonical files)."""
    kind = type(row)
    if kind not in _GETTERS:
        _GETTERS[kind] = attrgetter(*value_fields(row))
    return _GETTERS[kind](row)


def combine(old: Row, new: Row) -> Row:
    """The new row's values win; a value the new file lacks (empty) keeps the old one, and
    the source then names both files."""
    kept = {
        name: old_value
        for name, new_value, old_value in zip(
            value_fields(new), values_of(new), values_of(old), strict=True
        )
        if new_value is None and old_value is not None
    }
    if not kept:
        return new
    return replace(new, **kept, source=both_sources(old, new))


def both_sources(old: AccountDay | PostMetrics, new: AccountDay | PostMetrics) -> str:
    """The `source` of a row made of two: every file named once, in name order."""
    return "; ".join(sorted({*old.source.split("; "), new.source} - {""}))


def same_values(one: AccountDay | PostMetrics, other: AccountDay | PostMetrics) -> bool:
    """Equal figures; which file they came from does not count as a change."""
    # each pair compared with ==, as a tuple comparison would take a NaN for equal to itself
    return all(map(eq, values_of(one), values_of(other)))


def merge_rows(
    existing: dict[tuple[str, str], Row],
    rows: Iterable[Row],
    merge: Callable[[Row, Row], Row] = combine,
) -> MergeCount:
    """Each row added under its key, or merged with the row already there by `merge` (the
    new row wins by default); a merge that changes no figure keeps the old row as it was."""
    count = MergeCount()
    for row in rows:
        old = existing.get(row.key)
        if old is None:
            existing[row.key] = row
            count.added += 1
            continue
        merged = merge(old, row)
        if merged is old or same_values(merged, old):
            count.unchanged += 1
        else:
            existing[row.key] = merged
            count.replaced += 1
    return count


def fill_gaps(old: AccountDay, new: AccountDay) -> AccountDay:
    """A summed breakdown's day on a known day: it only fills the figures the day lacks."""
    gaps = {
        name: value
        for name, value, old_value in zip(
            value_fields(new), values_of(new), values_of(old), strict=True
        )
        if old_value is None and value is not None
    }
    if not gaps:
        return old
    return replace(old, **gaps, source=both_sources(old, new))


def fill_spend(old: PostMetrics, new: PostMetrics) -> PostMetrics:
    """An ad report's row on a known post: its spend and paid figures replace the old ones
    (the ad report is their only source); the organic figures are left as they are, even
    empty ones, since paid figures are not organic ones. When nothing changes, merge_rows
    keeps the old row, sources and all."""
    paid = {name: getattr(new, name) for name in PAID_COUNTS}
    return replace(old, ad_spend=new.ad_spend, **paid, source=both_sources(old, new))


def resolve_post(existing: dict[tuple[str, str], PostMetrics], row: PostMetrics) -> PostMetrics:
    """The row under the id its post already has (`pageid_postid` and `postid` are the same
    post), so spend lands on the organic row."""
    if row.key in existing or row.post_id.startswith(AD_PREFIX):
        return row
    from generator.metrics.joining import id_variants

    wanted = set(id_variants(row.post_id))
    for platform, post_id in existing:
        if platform == row.platform and wanted & set(id_variants(post_id)):
            return replace(
                row,
                post_id=post_id,
                post_url=row.post_url or existing[(platform, post_id)].post_url,
            )
    return row


def adopt_spend(existing: dict[tuple[str, str], PostMetrics], posts: Iterable[PostMetrics]) -> None:
    """Spend imported before its post's organic row, under another form of the post's id,
    moves to the id the organic row brings (so the import order does not matter)."""
    from generator.metrics.joining import id_variants

    incoming: dict[tuple[str, str], str] = {}
    for row in posts:
        for variant in id_variants(row.post_id):
            incoming.setdefault((row.platform, variant), row.post_id)
    for key, row in list(existing.items()):
        if (
            row.ad_spend is None
            or row.published_at is not None
            or row.post_id.startswith(AD_PREFIX)
        ):
            continue
        target = next(
            (
                incoming[(row.platform, v)]
                for v in id_variants(row.post_id)
                if (row.platform, v) in incoming
            ),
            None,
        )
        if target is not None and target != row.post_id and (row.platform, target) not in existing:
            del existing[key]
            existing[(row.platform, target)] = replace(row, post_id=target)


def merge_metrics(
    base: ClientMetrics,
    account: list[AccountDay],
    posts: list[PostMetrics],
    spend: Iterable[PostMetrics] = (),
    fill: Iterable[AccountDay] = (),
    audience: Iterable[AudienceRow] = (),
) -> tuple[ClientMetrics, MergeCount]:
    """A new ClientMetrics with the rows merged in (base is left as it was)."""
    days = {row.key: row for row in base.account}
    by_post = {row.key: row for row in base.posts}
    by_figure = {row.row_key: row for row in base.audience}
    count = merge_rows(days, account)
    count += merge_rows(days, fill, fill_gaps)
    count += MergeCount(*merge_audience(by_figure, audience))
    adopt_spend(by_post, posts)
    count += merge_rows(by_post, posts)
    count += merge_rows(by_post, (resolve_post(by_post, row) for row in spend), fill_spend)
    merged = ClientMetrics(
        account=list(days.values()),
        posts=list(by_post.values()),
        audience=list(by_figure.values()),
    )
    return merged, count
