"""Mix rules: alternate post types, keep promotion and curated shares within the client's bounds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

from generator.problems import Severity
from generator.rules.cadence import at
from generator.rules.registry import Entry, Finding, Option, RuleContext, rule

CATEGORIES = Option(
    "categories", ["promo"], list, "Post categories that count as promotional.", old_name="kinds"
)
WINDOW = Option("window_days", 28, int, "Length of the rolling window, in days.", 1)
MIN_POSTS = Option("min_posts", 4, int, "Fewest posts in the window before a share is judged.", 1)


def feeds(ctx: RuleContext) -> Iterator[tuple[str, list[Entry]]]:
    yield from sorted(ctx.plan.feeds.items())


@rule(
    "mix.promo-streak",
    Severity.WARNING,
    Option("max", 2, int, "Most promotional posts in a row on one network.", 1),
    CATEGORIES,
)
def check_promo_streak(ctx: RuleContext) -> Iterator[Finding]:
    """More than N promotional posts in a row on one network.

    An account that only sells stops being followed: alternate promotion with education,
    entertainment and community posts. The post that makes the streak too long is reported.
    """
    limit, promotional = ctx.options["max"], set(ctx.options["categories"])
    for platform, entries in feeds(ctx):
        streak = 0
        for entry in entries:
            streak = streak + 1 if entry.category in promotional else 0
            if streak == limit + 1 and ctx.plan.ahead(entry.when):
                yield at(
                    entry,
                    f"{streak} promotional posts in a row on {platform} (at most "
                    f"{limit}): put another kind of post in between",
                )


def rolling_shares(
    entries: list[Entry], window: timedelta, counts: Callable[[Entry], bool]
) -> Iterator[tuple[Entry, int, int]]:
    """For each entry: how many entries and how many counted ones in the window ending there."""
    start = counted = 0
    for index, entry in enumerate(entries):
        counted += counts(entry)
        while entries[start].when <= entry.when - window:
            counted -= counts(entries[start])
            start += 1
        yield entry, index - start + 1, counted


def _share_findings(
    ctx: RuleContext, counts: Callable[[Entry], bool], low: float, high: float, label: str
) -> Iterator[Finding]:
    window = timedelta(days=ctx.options["window_days"])
    for platform, entries in feeds(ctx):
        reported = False
        for entry, total, counted in rolling_shares(entries, window, counts):
            share = counted / total
            wrong = total >= ctx.options["min_posts"] and not low <= share <= high
            if wrong and not reported and ctx.plan.ahead(entry.when):
                bound = f"at most {high:.0%}" if share > high else f"at least {low:.0%}"
                yield at(
                    entry,
                    f"{label} share on {platform} reaches {share:.0%} over the "
                    f"{window.days} days ending with this post ({counted} of {total}); "
                    f"the client wants {bound}",
                )
            reported = wrong


@rule(
    "mix.promo-share",
    Severity.WARNING,
    Option("max_share", 0.4, float, "Ceiling of promotional posts over the window (0 to 1).", 0, 1),
    CATEGORIES,
    WINDOW,
    MIN_POSTS,
)
def check_promo_share(ctx: RuleContext) -> Iterator[Finding]:
    """Too many promotional posts over a rolling 4 weeks on one network.

    The classic balance is that most posts give (advice, stories, community) and few ask.
    The share is computed per network over `window_days`, at each post, once there are
    `min_posts` posts in the window; the first post of each stretch above the ceiling is
    reported.
    """
    promotional = set(ctx.options["categories"])
    yield from _share_findings(
        ctx, lambda e: e.category in promotional, 0.0, ctx.options["max_share"], "promotional"
    )


@rule(
    "mix.curated-share",
    Severity.WARNING,
    Option("min_share", 0.0, float, "Floor of curated (third-party) shares over the window.", 0, 1),
    Option("max_share", 0.5, float, "Ceiling of curated shares over the window.", 0, 1),
    WINDOW,
    MIN_POSTS,
)
def check_curated_share(ctx: RuleContext) -> Iterator[Finding]:
    """The share of curated (third-party) content over a rolling 4 weeks is out of bounds.

    Sharing others' work shows the brand listens to its field (veille), but an account made
    of reposts has no voice of its own. Curated items and posts of category `curated` count.
    """
    yield from _share_findings(
        ctx,
        lambda e: e.category == "curated",
        ctx.options["min_share"],
        ctx.options["max_share"],
        "curated",
    )
