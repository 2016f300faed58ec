"""Mix rules: alternate post types, keep promotion and curated shares within the client's bounds."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from datetime import timedelta

from generator.post_format import holds_video, shape_on
from generator.problems import Severity
from generator.rules.cadence import at
from generator.rules.registry import Entry, Finding, Option, RuleContext, rule
from generator.schema.common import PostFormat

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
    ctx: RuleContext, counts: Callable[[str, Entry], bool], low: float, high: float, label: str
) -> Iterator[Finding]:
    """The first post of each stretch where the share of counted posts leaves [low, high]."""
    window = timedelta(days=ctx.options["window_days"])
    for platform, entries in feeds(ctx):
        reported = False
        on_network = functools.partial(counts, platform)
        for entry, total, counted in rolling_shares(entries, window, on_network):
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
            # a stretch begun in the past is still reported, at its first post ahead
            reported = wrong and (reported or ctx.plan.ahead(entry.when))


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
        ctx,
        lambda _p, e: e.category in promotional,
        0.0,
        ctx.options["max_share"],
        "promotional",
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
        lambda _p, e: e.category == "curated",
        ctx.options["min_share"],
        ctx.options["max_share"],
        "curated",
    )


@rule(
    "mix.format-streak",
    Severity.WARNING,
    Option("max", 5, int, "Most posts of one format in a row on one network.", 1),
    Option(
        "formats",
        [],
        list,
        "Formats whose runs are judged (empty: every format).",
        choices=tuple(f.value for f in PostFormat),
    ),
)
def check_format_streak(ctx: RuleContext) -> Iterator[Finding]:
    """More than N posts of the same format in a row on one network.

    Networks show more of what keeps people watching, and followers scroll past the fifth
    identical square in a row: alternate single pictures with carousels, reels, stories and
    lives. A post without a `format` counts as the shape of its media (text, image, carousel,
    video, document); an idea or draft without media is left out until it has some. The post
    that makes the run too long is reported.
    """
    limit, judged = ctx.options["max"], set(ctx.options["formats"])
    for platform, entries in feeds(ctx):
        streak, previous = 0, ""
        for entry in entries:
            shape = shape_on(entry.item, platform, ctx.client.media)
            if shape is None:
                continue  # no visuals yet: its shape is not decided, the run goes on around it
            streak = streak + 1 if shape == previous else 1
            previous = shape
            counted = not judged or shape in judged
            if counted and streak == limit + 1 and ctx.plan.ahead(entry.when):
                yield at(
                    entry,
                    f"{streak} posts in a row are a {shape} on {platform} (at most {limit}): "
                    "put another format in between",
                )


@rule(
    "mix.video-share",
    Severity.WARNING,
    Option(
        "min_share",
        0.0,
        float,
        "Floor of video posts (videos, reels, shorts, lives, and stories or carousels "
        "holding a video) over the window; 0 until the client sets a target.",
        0,
        1,
    ),
    WINDOW,
    MIN_POSTS,
)
def check_video_share(ctx: RuleContext) -> Iterator[Finding]:
    """Fewer video posts than the client's target over a rolling 4 weeks on one network.

    Networks push video to people who do not follow the account yet; a client that wants to
    grow sets a share of video (e.g. `min_share: 0.3`) and the plan is judged against it.
    """
    yield from _share_findings(
        ctx,
        lambda platform, e: holds_video(e.item, platform, ctx.client.media),
        ctx.options["min_share"],
        1.0,
        "video",
    )
