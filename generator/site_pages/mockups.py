"""A post as it will look on each network (mockups.html.j2): fold, crop, card, length, warnings."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal

from generator.captions import NetworkCaption, caption_link, network_caption, network_name
from generator.content.model import ClientData, Item
from generator.post_format import shape_on, written_format
from generator.schema import Post
from generator.schema.common import Platform
from generator.site_pages.context import SiteContext
from generator.site_pages.labels import format_moment
from generator.site_pages.previews import Fold, Frame, LinkCard, feed_frame, fold_caption, link_card
from generator.vocabulary import WORDS
from generator.vocabulary import word as t

MEDIA_FIRST = {"instagram", "tiktok", "pinterest", "youtube"}
CROPPING = {"instagram"}  # networks that crop a picture to their frame when it is posted


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
    fold: Fold = Fold("")  # the caption and hashtags as the feed shows them, folded
    more: str = ""  # the network's "… more" in the site's language
    frame: Frame | None = None  # how the feed frames the first picture (Instagram)
    card: LinkCard | None = None
    warnings: tuple[str, ...] = ()
    format: str | None = None  # its shape on this network (written or inferred): css and badge
    sponsored: bool = False


def meter(ctx: SiteContext, platform: str, length: int, tags: int) -> Meter:
    """Length against the limit; a limit no writer meets (Facebook's) is left out."""
    limits = ctx.limits.get(platform)
    cap = limits.caption_max if limits and limits.show_limit else None
    tag_cap = limits.hashtags_max if limits else None
    over = (cap is not None and length > cap) or (tag_cap is not None and tags > tag_cap)
    chars = format_decimal(length, locale=ctx.locale) + (
        f" / {format_decimal(cap, locale=ctx.locale)}" if cap else ""
    )
    text = f"{chars} {t('characters', ctx.locale)}"
    if tags or tag_cap:
        text += (
            f" · {tags}" + (f" / {tag_cap}" if tag_cap else "") + f" {t('hashtags', ctx.locale)}"
        )
    bar = min(100, round(100 * length / cap)) if cap else 0
    return Meter(over, bar, text)


def published_text(caption: NetworkCaption) -> str:
    """The caption with its appended hashtags, as the post reads in the feed."""
    tags = " ".join(caption.appended)
    return f"{caption.text}\n\n{tags}" if tags and caption.text else caption.text or tags


def warnings(
    ctx: SiteContext, item: Item[Post], platform: str, caption: NetworkCaption
) -> list[str]:
    """What will go wrong on this network, said where the reviewer looks: in the preview."""
    found = []
    name = network_name(platform)
    limits = ctx.limits.get(platform)
    if limits and limits.caption_max and caption.length > limits.caption_max:
        over = caption.length - limits.caption_max
        found.append(ctx.t("pv_warn.too_long", count=over, network=name))
    if platform == "instagram":
        if (written := caption_link(caption.text)) is not None:
            found.append(ctx.t("pv_warn.ig_link", link=written))
        elif item.meta.link:
            found.append(ctx.t("pv_warn.ig_link_field"))
    if limits and limits.media_min and not item.meta.media:
        found.append(ctx.t("pv_warn.no_media", network=name))
    if caption.text.strip() and written_format(item, platform) == "story":
        found.append(ctx.t("pv_warn.story_caption", network=name))
    client = item.client
    missing = [m.file for m in item.meta.media if ctx.media_file(client, m.file) is None]
    if missing:  # named in the post, but no such picture: the post would go out without it
        found.append(ctx.t("pv_warn.media_missing", files=", ".join(missing)))
    return found


def first_frame(
    ctx: SiteContext, client: ClientData, item: Item[Post], platform: str
) -> Frame | None:
    """How Instagram frames the post's first picture (a carousel follows it), once measured."""
    if platform not in CROPPING or not item.meta.media:
        return None
    found = client.media.get(item.meta.media[0].file)
    shape = shape_on(item, platform, client.media)
    entry = ctx.formats.lookup(platform, shape) if shape else None
    if found is None or not found.width or not found.height or entry is None:
        return None
    return feed_frame((found.width, found.height), entry[0], entry[1])


def mockup_view(
    ctx: SiteContext, client: ClientData, item: Item[Post], platform: str
) -> MockupView:
    meta = item.meta
    caption = network_caption(item, platform)
    account = client.config.platforms.get(Platform(platform))
    variant = meta.variants.get(Platform(platform))
    zone = ZoneInfo(client.timezone)
    limits = ctx.limits.get(platform)
    more_key = f"pv_more.{platform}"
    return MockupView(
        platform=platform,
        handle=account.handle if account else "",
        time=format_moment(meta.publish_at.astimezone(zone), ctx.locale),
        caption=caption,
        media_first=platform in MEDIA_FIRST,
        first_comment=variant.first_comment if variant is not None else None,
        meter=meter(ctx, platform, caption.length, len(caption.hashtags)),
        fold=fold_caption(published_text(caption), limits),
        more=ctx.t(more_key) if more_key in WORDS else ctx.t("pv_more"),
        frame=first_frame(ctx, client, item, platform),
        # with a picture, networks show the picture and the link stays in the text
        card=None if meta.media else link_card(meta.link, platform),
        warnings=tuple(warnings(ctx, item, platform, caption)),
        format=shape_on(item, platform, client.media),
        sponsored=meta.is_sponsored,
    )
