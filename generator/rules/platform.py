"""Platform rules: what each network accepts in one post (caption, hashtags, media, links)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.captions import caption_link, network_caption
from generator.content.kinds import variants_of
from generator.content.model import AnyItem
from generator.post_format import written_format
from generator.problems import Severity
from generator.rules.registry import ClientPlan, FieldPath, Finding, Option, RuleContext, rule
from generator.schema.common import APPROVED_OR_LATER
from generator.schema.items import Media


@dataclass(frozen=True)
class Caption:
    """The text going out on one network, where it was written, and its hashtags."""

    text: str
    field: FieldPath
    line: int
    tags: tuple[str, ...]
    length: int  # with the hashtags appended, counted as the network counts it


def normalise_tag(tag: str) -> str:
    return tag.strip().lstrip("#").casefold()


def caption_for(plan: ClientPlan, item: AnyItem, platform: str) -> Caption:
    """The network's variant caption if there is one, else the body (computed once)."""
    key = ("caption", id(item), platform)
    if key not in plan.memo:
        plan.memo[key] = _build_caption(item, platform)
    return plan.memo[key]


def _build_caption(item: AnyItem, platform: str) -> Caption:
    counted = network_caption(item, platform)
    variants = variants_of(item)
    variant = next((v for p, v in variants.items() if p.value == platform), None)
    if variant is not None and variant.caption:
        field: FieldPath = ("variants", platform, "caption")
        line = item.source.line_of(*field)
    else:
        field, line = ("body",), max(item.source.body_line, 1)
    tags = tuple(normalise_tag(t) for t in counted.hashtags)
    return Caption(counted.text, field, line, tags, counted.length)


def captioned(ctx: RuleContext) -> Iterator[tuple[AnyItem, str, Caption]]:
    for item in ctx.plan.live_items:
        if not item.spec.posted:
            continue
        for platform in ctx.plan.platforms_of(item):
            yield item, platform, caption_for(ctx.plan, item, platform)


@rule("platform.caption-too-long", Severity.ERROR)
def check_caption_length(ctx: RuleContext) -> Iterator[Finding]:
    """A caption (with its hashtags) is longer than the network accepts.

    The scheduler refuses the post or the network cuts it at the limit, usually at the very
    moment it should go out. Limits come from the platform limits table, overridable per
    workspace in `almanac.yml` (`platform_limits`). On X the length is X's own count
    (twitter-text): every link is 23 characters, with or without `https://`, and CJK
    characters and emoji count 2.
    """
    for item, platform, caption in captioned(ctx):
        limit = ctx.plan.limits.get(platform)
        if limit is None or limit.caption_max is None:
            continue
        length = caption.length
        if length > limit.caption_max:
            yield Finding(
                item.source,
                caption.field,
                f"the {platform} caption is {length} "
                f"characters with its hashtags; {platform} accepts "
                f"{limit.caption_max}: shorten it or write a `variants.{platform}."
                "caption`",
                item,
                caption.line,
            )


@rule(
    "platform.hashtags",
    Severity.ERROR,
    Option(
        "max",
        None,
        int,
        "Most hashtags per post on any network (stricter than the "
        "network's own limit), e.g. 5 for a sober brand.",
        0,
    ),
)
def check_hashtags(ctx: RuleContext) -> Iterator[Finding]:
    """More hashtags than the network allows (or than the client wants).

    Instagram refuses a caption with more than 30 hashtags and spam-like posts
    lose reach; a client may ask for fewer. Counts the post's `hashtags`, the network's
    variant hashtags and those typed in the caption, each once.
    """
    own_max = ctx.options["max"]
    for item, platform, caption in captioned(ctx):
        limit = ctx.plan.limits.get(platform)
        caps = [c for c in (limit.hashtags_max if limit else None, own_max) if c is not None]
        if not caps:
            continue
        tags = caption.tags
        if len(tags) > min(caps):
            field: FieldPath = (
                ("hashtags",) if "hashtags" in item.meta.model_fields_set else caption.field
            )
            yield Finding(
                item.source,
                field,
                f"{len(tags)} hashtags on {platform}; the "
                f"limit is {min(caps)}: keep the ones that bring the right audience",
                item,
            )


def _media(item: AnyItem) -> list[Media]:
    return item.media


@rule("platform.media-count", Severity.ERROR)
def check_media_count(ctx: RuleContext) -> Iterator[Finding]:
    """Too many images or videos for the network, or none where the network needs one.

    An Instagram carousel takes 20 items, X four images; Instagram and TikTok posts cannot go
    out without a visual. The missing-visual check applies from `approved` on, when the post
    is meant to be final. A post with a written `format` is counted by `format.media-count`
    instead, against that format's own range.
    """
    for item in ctx.plan.posts:
        count = len(_media(item))
        for platform in ctx.plan.platforms_of(item):
            limit = ctx.plan.limits.get(platform)
            if limit is None or written_format(item, platform) is not None:
                continue
            if limit.media_max is not None and count > limit.media_max:
                yield Finding(
                    item.source,
                    ("media",),
                    f"{count} media on {platform}, which "
                    f"takes at most {limit.media_max}: split the post or drop some",
                    item,
                )
            elif count < limit.media_min and item.meta.status in APPROVED_OR_LATER:
                yield Finding(
                    item.source,
                    ("status",),
                    f"{platform} needs an image or a "
                    "video, and this approved post has none: add it under `media`",
                    item,
                )


@rule("platform.alt-missing", Severity.WARNING)
def check_alt_text(ctx: RuleContext) -> Iterator[Finding]:
    """An image or video has no alternative text.

    Screen-reader users hear "image" and nothing else; every network has an alt text field
    and accessibility is part of the brand's image. Write what the picture shows in a sentence.
    """
    for item in ctx.plan.live_items:
        for index, medium in enumerate(_media(item)):
            if not (medium.alt or "").strip():
                yield Finding(
                    item.source,
                    ("media", index),
                    f"`{medium.file}` has no `alt` text: describe what it shows",
                    item,
                )


@rule("platform.instagram-link", Severity.WARNING)
def check_instagram_link(ctx: RuleContext) -> Iterator[Finding]:
    """A web address in an Instagram caption.

    Links in Instagram captions are not clickable: readers cannot follow them and the caption
    looks careless. Say "link in bio", use a link sticker in a story, or put the address in
    the first comment of another network's variant.
    """
    for item, platform, caption in captioned(ctx):
        if platform != "instagram":
            continue
        found = caption_link(caption.text)
        if found:
            yield Finding(
                item.source,
                caption.field,
                f'`{found}` in the Instagram caption is not clickable: write "link in bio" instead',
                item,
                caption.line,
            )


@rule("platform.variant-not-on-post", Severity.WARNING)
def check_variants(ctx: RuleContext) -> Iterator[Finding]:
    """A per-network variant for a network the post does not go on.

    Usually a network was removed from `platforms` and its caption stayed behind, or a typo:
    either the post should also go there, or the variant is dead text nobody will review.
    """
    for item in ctx.plan.posts:
        for platform in item.meta.variants:
            if platform.value not in item.platforms:
                yield Finding(
                    item.source,
                    ("variants", platform.value),
                    f"a variant for "
                    f"{platform.value}, but the post is not on {platform.value}: "
                    "add it to `platforms` or remove the variant",
                    item,
                )
