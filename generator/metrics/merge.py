"""Merging imported rows into the canonical ones: same key replaces, same values change nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from typing import TypeVar

from generator.metrics.store import AccountDay, ClientMetrics, PostMetrics

Row = TypeVar("Row", AccountDay, PostMetrics)


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


def value_fields(row: AccountDay | PostMetrics) -> tuple[str, ...]:
    """The figures of a row (not its key or source), computed once per row type."""
    kind = type(row)
    if kind not in _FIELDS:
        keys = {"platform", "date", "post_id", "source"}
        _FIELDS[kind] = tuple(f.name for f in fields(row) if f.name not in keys)
    return _FIELDS[kind]


def combine(old: Row, new: Row) -> Row:
    """The new row's values win; a value the new file lacks (empty) keeps the old one, and
    the source then names both files."""
    kept = {name: getattr(old, name) for name in value_fields(new)
            if getattr(new, name) is None and getattr(old, name) is not None}
    if not kept:
        return new
    sources = sorted({*old.source.split("; "), new.source} - {""})
    return replace(new, **kept, source="; ".join(sources))


def same_values(one: AccountDay | PostMetrics, other: AccountDay | PostMetrics) -> bool:
    """Equal figures; which file they came from does not count as a change."""
    return all(getattr(one, name) == getattr(other, name) for name in value_fields(one))


def merge_rows(existing: dict[tuple[str, str], Row], rows: Iterable[Row]) -> MergeCount:
    count = MergeCount()
    for row in rows:
        old = existing.get(row.key)
        if old is None:
            existing[row.key] = row
            count.added += 1
            continue
        merged = combine(old, row)
        if same_values(merged, old):
            count.unchanged += 1
        else:
            existing[row.key] = merged
            count.replaced += 1
    return count


def merge_metrics(base: ClientMetrics, account: list[AccountDay],
                  posts: list[PostMetrics]) -> tuple[ClientMetrics, MergeCount]:
    """A new ClientMetrics with the rows merged in (base is left as it was)."""
    days = {row.key: row for row in base.account}
    by_post = {row.key: row for row in base.posts}
    count = merge_rows(days, account)
    count += merge_rows(by_post, posts)
    return ClientMetrics(account=list(days.values()), posts=list(by_post.values())), count
