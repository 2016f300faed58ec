"""The platform limits table (as of 2026-11), and its per-workspace overrides."""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.schema.common import Platform
from generator.schema.settings import Settings

LIMITS_AS_OF = "2026-11"


@dataclass(frozen=True)
class PlatformLimits:
    """What one network accepts in one post; None means no limit worth checking."""

    caption_max: int | None
    hashtags_max: int | None
    media_max: int | None
    media_min: int = 0
    note: str = ""


# Published limits of each network's own help pages, for an ordinary (non-premium) account.
# Networks change them: a workspace overrides any value in almanac.yml `platform_limits`.
LIMITS: dict[str, PlatformLimits] = {
    Platform.X.value: PlatformLimits(
        280, None, 4, note="280 characters for non-Premium accounts; a link counts as 23."
    ),
    Platform.INSTAGRAM.value: PlatformLimits(
        2200,
        30,
        20,
        1,
        note="Feed caption; carousels take up to 20 images or videos "
        "(10 before August 2024); links in captions are not clickable.",
    ),
    Platform.FACEBOOK.value: PlatformLimits(63206, None, None, note="Page post text."),
    Platform.LINKEDIN.value: PlatformLimits(
        3000, None, 20, note="Post commentary; about 210 characters show before “…see more”."
    ),
    Platform.TIKTOK.value: PlatformLimits(
        4000, None, 35, 1, note="Caption (2,200 until 2023); photo mode takes up to 35 images."
    ),
    Platform.YOUTUBE.value: PlatformLimits(
        5000, 60, 1, 1, note="Video description; more than 60 hashtags are all ignored."
    ),
    Platform.MASTODON.value: PlatformLimits(
        500, None, 4, note="Default server setting; some servers allow more."
    ),
    Platform.THREADS.value: PlatformLimits(500, 1, 20, note="One topic tag per post."),
    Platform.BLUESKY.value: PlatformLimits(300, None, 4),
    Platform.PINTEREST.value: PlatformLimits(500, 20, 5, 1, note="Pin description."),
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
