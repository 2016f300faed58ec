"""A post as it will look on each network (mockups.html.j2): caption, length, media, comment."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from generator.captions import NetworkCaption, network_caption
from generator.content.model import ClientData, Item
from generator.schema import Post
from generator.schema.common import Platform
from generator.site_pages.context import SiteContext
from generator.site_pages.labels import format_moment
from generator.vocabulary import word as t

MEDIA_FIRST = {"instagram", "tiktok", "pinterest", "youtube"}


@dataclass(frozen=True)
class Meter:
    """A caption's length (and hashtags) against the network's limits."""

    over: bool
    bar: int  # percent of the limit, at most 100
    text: str


@dataclass(frozen=True)
class MockupView:
    """What one network's preview shows."""

    platform: str
    handle: str
    time: str
    caption: NetworkCaption
    media_first: bool
    first_comment: str | None
    meter: Meter


def meter(ctx: SiteContext, platform: str, length: int, tags: int) -> Meter:
    limits = ctx.limits.get(platform)
    cap = limits.caption_max if limits else None
    tag_cap = limits.hashtags_max if limits else None
    over = (cap is not None and length > cap) or (tag_cap is not None and tags > tag_cap)
    chars = f"{length:,}" + (f" / {cap:,}" if cap else "")
    text = f"{chars} {t('characters', ctx.locale)}"
    if tags or tag_cap:
        text += (
            f" · {tags}" + (f" / {tag_cap}" if tag_cap else "") + f" {t('hashtags', ctx.locale)}"
        )
    bar = min(100, round(100 * length / cap)) if cap else 0
    return Meter(over, bar, text)


def mockup_view(
    ctx: SiteContext, client: ClientData, item: Item[Post], platform: str
) -> MockupView:
    meta = item.meta
    caption = network_caption(item, platform)
    account = client.config.platforms.get(Platform(platform))
    variant = meta.variants.get(Platform(platform))
    zone = ZoneInfo(client.timezone)
    return MockupView(
        platform=platform,
        handle=account.handle if account else "",
        time=format_moment(meta.publish_at.astimezone(zone), ctx.locale),
        caption=caption,
        media_first=platform in MEDIA_FIRST,
        first_comment=variant.first_comment if variant is not None else None,
        meter=meter(ctx, platform, caption.length, len(caption.hashtags)),
    )
