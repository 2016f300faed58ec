"""The platform limits table (as of 2026-11), and its per-workspace overrides."""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.schema.common import Platform
from generator.schema.settings import Settings

LIMITS_AS_OF = "2026-12-02"

# Where each kind of figure comes from. Networks document what they refuse (caption, hashtags,
# media, image ratios) but not where the app folds a caption: those figures are what the apps
# showed on the day above, as widely reported, and move with their layouts.
SOURCES = {
    "meta-api": "Instagram Graph API, IG User Media reference: "
    "https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media",
    "twitter-text": "X's counting library and its conformance suite: "
    "https://github.com/twitter/twitter-text",
    "help": "the network's help pages for an ordinary account",
    "observed": "the app as seen on the table's date (folds are not documented)",
}


@dataclass(frozen=True)
class PlatformLimits:
    """What one network accepts in one post, and what a reader sees of it.

    None means no limit worth checking. The fold is where the network cuts a caption in the
    feed ("… more"): after about `fold_chars` characters or `fold_lines` lines, whichever
    comes first. `show_limit` is False where the limit never matters to a writer (Facebook's
    63,206 characters): the preview then shows the length alone. Pictures (ratios, sizes) are
    in the post formats table, generator.format_table.
    """

    caption_max: int | None
    hashtags_max: int | None
    media_max: int | None
    media_min: int = 0
    note: str = ""
    fold_chars: int | None = None
    fold_lines: int | None = None
    show_limit: bool = True
    sources: tuple[str, ...] = ()


# Published limits of each network's own pages, for an ordinary (non-premium) account.
# Networks change them: a workspace overrides any value in almanac.yml `platform_limits`.
LIMITS: dict[str, PlatformLimits] = {
    Platform.X.value: PlatformLimits(
        280,
        None,
        4,
        note="280 for non-Premium accounts, counted as X counts (twitter-text): every link 23, "
        "emoji and CJK 2; a post's `link` goes out in the text.",
        sources=("twitter-text", "help"),
    ),
    Platform.INSTAGRAM.value: PlatformLimits(
        2200,
        30,
        20,
        1,
        note="Feed caption; carousels take up to 20 images or videos (10 before August 2024); "
        "links in captions are not clickable. The feed folds the caption after about 125 "
        "characters or 2 lines.",
        fold_chars=125,
        fold_lines=2,
        sources=("meta-api", "observed"),
    ),
    Platform.FACEBOOK.value: PlatformLimits(
        63206,
        None,
        None,
        note="Page post text; the limit never matters to a writer, so previews show the "
        "length alone.",
        show_limit=False,
        sources=("help",),
    ),
    Platform.LINKEDIN.value: PlatformLimits(
        3000,
        None,
        20,
        note="Post commentary; about 210 characters or 3 lines show before “…see more”.",
        fold_chars=210,
        fold_lines=3,
        sources=("help", "observed"),
    ),
    Platform.TIKTOK.value: PlatformLimits(
        4000,
        None,
        35,
        1,
        note="Caption (2,200 until 2023); photo mode takes up to 35 images.",
        sources=("help",),
    ),
    Platform.YOUTUBE.value: PlatformLimits(
        5000,
        60,
        1,
        1,
        note="Video description; more than 60 hashtags are all ignored.",
        sources=("help",),
    ),
    Platform.MASTODON.value: PlatformLimits(
        500,
        None,
        4,
        note="Default server setting; some servers allow more.",
        sources=("help",),
    ),
    Platform.THREADS.value: PlatformLimits(
        500, 1, 20, note="One topic tag per post.", sources=("help",)
    ),
    Platform.BLUESKY.value: PlatformLimits(300, None, 4, sources=("help",)),
    Platform.PINTEREST.value: PlatformLimits(
        500, 20, 5, 1, note="Pin description.", sources=("help",)
    ),
}


def build_limits(settings: Settings) -> dict[str, PlatformLimits]:
    """The table with the workspace's `platform_limits` overrides applied."""
    table = dict(LIMITS)
    for name, override in settings.platform_limits.items():
        if name not in table:
            continue  # reported by validate_limit_names
        changes = override.model_dump(exclude_none=True)
        table[name] = replace(table[name], **changes)
    return table


def unknown_limit_names(settings: Settings) -> list[str]:
    return sorted(name for name in settings.platform_limits if name not in LIMITS)
