"""Cadence rules: how often and when a client posts on each network (from `client.yml`)."""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from generator.content.model import AnyItem
from generator.problems import Severity
from generator.rules.registry import Entry, FieldPath, Finding, Option, RuleContext, rule
from generator.schema.client import Account
from generator.schema.common import parse_clock


def time_field(item: AnyItem) -> FieldPath:
    """The field that puts an item on the calendar."""
    return (item.spec.date_field,) if item.spec.date_field else ()


def planned_on(
    ctx: RuleContext, items: Iterable[AnyItem], days: Container[date]
) -> Iterator[tuple[AnyItem, date]]:
    """The items still ahead whose local day is one of `days`, each with that day."""
    for item in items:
        when = item.when
        if when is None or not ctx.plan.ahead(when):
            continue
        day = ctx.plan.local(when).date()
        if day in days:
            yield item, day


def accounts(ctx: RuleContext) -> Iterator[tuple[str, Account]]:
    for platform, account in ctx.client.config.platforms.items():
        yield platform.value, account


def at(entry: Entry, message: str) -> Finding:
    return Finding(entry.item.source, time_field(entry.item), message, entry.item)


def _first(own: Any, default: Any) -> Any:
    """The network's own cadence setting wins over the rule's client-wide default."""
    return own if own is not None else default


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def group_weeks(entries: list[Entry]) -> dict[date, list[Entry]]:
    weeks: dict[date, list[Entry]] = {}
    for entry in entries:
        weeks.setdefault(week_start(entry.local.date()), []).append(entry)
    return weeks


@rule(
    "cadence.per-week",
    Severity.WARNING,
    Option(
        "min", None, int, "Fewest posts a week on networks whose cadence sets no `min_per_week`."
    ),
    Option("max", None, int, "Most posts a week on networks whose cadence sets no `max_per_week`."),
)
def check_per_week(ctx: RuleContext) -> Iterator[Finding]:
    """A week (Monday to Sunday) with fewer or more posts on a network than the client's cadence.

    Regularity is what the algorithms and the audience reward: a burst of posts followed by
    an empty week loses reach both times. Bounds are `min_per_week` and `max_per_week` under
    the network's `cadence` in `client.yml`. Only the current week and later ones are checked,
    up to the last week with anything planned.
    """
    this_week = week_start(ctx.plan.local(ctx.today).date())
    for platform, account in accounts(ctx):
        low = _first(account.cadence.min_per_week, ctx.options["min"])
        high = _first(account.cadence.max_per_week, ctx.options["max"])
        weeks = group_weeks(ctx.plan.feeds.get(platform, []))
        if high is not None:
            for start, group in sorted(weeks.items()):
                if start >= this_week and len(group) > high:
                    yield at(
                        group[high],
                        f"{len(group)} posts on {platform} in the week of "
                        f"{start}; the cadence allows {high}: move this one",
                    )
        if low is not None and weeks:
            yield from _thin_weeks(ctx, platform, weeks, this_week, low)


def _thin_weeks(
    ctx: RuleContext, platform: str, weeks: dict[date, list[Entry]], first: date, low: int
) -> Iterator[Finding]:
    field: FieldPath = ("platforms", platform, "cadence", "min_per_week")
    start, last = first, max(weeks)
    while start <= last:
        count = len(weeks.get(start, []))
        if count < low:
            yield Finding(
                ctx.client.source,
                field,
                f"only {count} post(s) on {platform} in "
                f"the week of {start}; the cadence asks for {low}",
            )
        start += timedelta(days=7)


@rule(
    "cadence.min-gap",
    Severity.WARNING,
    Option(
        "hours", None, float, "Shortest gap for networks whose cadence sets no `min_gap_hours`."
    ),
)
def check_min_gap(ctx: RuleContext) -> Iterator[Finding]:
    """Two posts on the same network closer together than the client's minimum gap.

    Two posts an hour apart compete with each other: the second eats the first one's reach.
    The gap is `min_gap_hours` under the network's `cadence` in `client.yml`.
    """
    for platform, account in accounts(ctx):
        gap = _first(account.cadence.min_gap_hours, ctx.options["hours"])
        if gap is None:
            continue
        entries = ctx.plan.feeds.get(platform, [])
        for before, entry in zip(entries, entries[1:], strict=False):
            hours = (entry.when - before.when).total_seconds() / 3600
            if hours < gap and ctx.plan.ahead(entry.when):
                yield at(
                    entry,
                    f"only {hours:g} h after `{before.item.slug}` on {platform}; "
                    f"the cadence asks for {gap:g} h between posts",
                )


def _windows(account: Account) -> list[tuple[time, time]]:
    return [(parse_clock(w.split("-")[0]), parse_clock(w.split("-")[1])) for w in account.windows]


@rule("cadence.window", Severity.WARNING)
def check_window(ctx: RuleContext) -> Iterator[Finding]:
    """A post scheduled outside the client's posting windows for that network.

    The windows (e.g. early morning, lunch, evening) are when the client's audience is
    there; a post at 15:10 lands in an empty room. Windows are `windows` under each network in
    `client.yml`, in the client's local time; the end minute is inside the window.
    """
    for platform, account in accounts(ctx):
        windows = _windows(account)
        if not windows:
            continue
        for entry in ctx.plan.feeds.get(platform, []):
            clock = entry.local.time().replace(second=0, microsecond=0)
            if ctx.plan.ahead(entry.when) and not any(a <= clock <= b for a, b in windows):
                yield at(
                    entry,
                    f"{clock:%H:%M} is outside the {platform} posting windows "
                    f"({', '.join(account.windows)})",
                )


@rule(
    "cadence.silence",
    Severity.WARNING,
    Option(
        "days",
        None,
        int,
        "Longest silence for networks whose cadence sets no `max_silence_days`.",
        1,
    ),
    Option(
        "horizon_days",
        14,
        int,
        "How far ahead an open-ended silence (nothing planned after the last post) is reported.",
        1,
    ),
)
def check_silence(ctx: RuleContext) -> Iterator[Finding]:
    """More than N days without anything on a network, from the last post until the next one.

    An account that goes quiet for weeks loses followers and reach, and it usually means a
    hole in the plan nobody noticed. N is `max_silence_days` under the network's `cadence`.
    Silences that end before today are history and are not reported.
    """
    for platform, account in accounts(ctx):
        days = _first(account.cadence.max_silence_days, ctx.options["days"])
        if days is None:
            continue
        yield from _silences(
            ctx, platform, timedelta(days=days), timedelta(days=ctx.options["horizon_days"])
        )


def _silences(
    ctx: RuleContext, platform: str, limit: timedelta, horizon: timedelta
) -> Iterator[Finding]:
    entries = ctx.plan.feeds.get(platform, [])
    past = [e for e in entries if not ctx.plan.ahead(e.when)]
    ahead = entries[len(past) :]
    start: datetime = past[-1].when if past else ctx.today
    for entry in ahead:
        if entry.when - start > limit:
            yield at(
                entry,
                f"nothing on {platform} for {(entry.when - start).days} days "
                f"before this post (since {ctx.plan.local(start):%Y-%m-%d}); the "
                f"cadence allows {limit.days}",
            )
        start = entry.when
    if start + limit <= ctx.today + horizon:
        message = (
            f"nothing planned on {platform} after {ctx.plan.local(start):%Y-%m-%d}: "
            f"more than {limit.days} days of silence ahead"
        )
        if ahead:
            yield at(ahead[-1], message)
        else:
            yield Finding(ctx.client.source, ("platforms", platform), message)


@rule("cadence.blackout", Severity.ERROR)
def check_blackout(ctx: RuleContext) -> Iterator[Finding]:
    """Something is planned on one of the client's blackout days.

    Blackout days (mourning, strike, closure, a crisis) are days the brand stays silent; a
    cheerful scheduled post on such a day is how a crisis starts. Days are listed under
    `blackout` in `client.yml`.
    """
    days = {b.date: b.reason for b in ctx.client.config.blackout}
    if not days:
        return
    going_out = [item for item in ctx.plan.live_items if item.spec.workflow]
    for item, day in planned_on(ctx, going_out, days):
        yield Finding(
            item.source,
            time_field(item),
            f"{day} is a blackout day ({days[day]}): move or cancel this item",
            item,
        )
