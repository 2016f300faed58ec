"""A post as it will look on each network: caption and its length, hashtags, media, comment."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from generator.captions import network_caption, network_name
from generator.content.model import ClientData, Item
from generator.schema import Post
from generator.schema.common import Platform
from generator.schema.items import Media
from generator.site_pages.context import SiteContext
from generator.site_pages.html import esc, file_href, link, render_caption
from generator.site_pages.labels import format_moment, icon, t

MEDIA_FIRST = {"instagram", "tiktok", "pinterest", "youtube"}
VIDEO = (".mp4", ".webm", ".mov", ".m4v")


def render_media(ctx: SiteContext, client: str, media: list[Media], page: str) -> str:
    """Images with their alt text and credit; a file the site does not publish is named only."""
    figures = []
    for medium in media:
        path = ctx.media_file(client, medium.file)
        alt = medium.alt or ""
        if path is None:
            shown = (
                f'<div class="al-media-missing">{esc(medium.file)} — '
                f"{esc(t('media_unpublished', ctx.locale))}</div>"
            )
        elif path.lower().endswith(VIDEO):
            shown = (
                f'<video controls preload="none" src="{file_href(page, path)}" '
                f'aria-label="{esc(alt)}"></video>'
            )
        else:
            shown = f'<img src="{file_href(page, path)}" alt="{esc(alt)}" loading="lazy">'
        notes = [
            f"<span>{esc(t('alt', ctx.locale))}: {esc(alt)}</span>"
            if alt
            else f'<span class="al-warn">{esc(t("no_alt", ctx.locale))}</span>'
        ]
        if medium.credit:
            notes.append(f"<span>{esc(t('credit', ctx.locale))}: {esc(medium.credit)}</span>")
        figures.append(f"<figure>{shown}<figcaption>{' · '.join(notes)}</figcaption></figure>")
    if not figures:
        return ""
    return f'<div class="al-media al-media-{min(len(figures), 3)}">{"".join(figures)}</div>'


def render_meter(ctx: SiteContext, platform: str, length: int, tags: int) -> str:
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
    state = "al-over" if over else "al-ok"
    return (
        f'<div class="al-meter {state}" data-search-exclude><span class="al-bar">'
        f'<span style="width:{bar}%"></span></span><span>{esc(text)}</span></div>'
    )


def render_mockup(
    ctx: SiteContext, client: ClientData, item: Item[Post], platform: str, page: str
) -> str:
    """One network's preview of a post."""
    meta = item.meta
    caption = network_caption(item, platform)
    account = client.config.platforms.get(Platform(platform))
    handle = account.handle if account else ""
    zone = ZoneInfo(client.timezone)
    head = (
        f"<header>{icon(platform, page)}<strong>{esc(client.name)}</strong> "
        f'<span class="al-handle">{esc(handle)}</span>'
        f"<time>{esc(format_moment(meta.publish_at.astimezone(zone), ctx.locale))}"
        "</time></header>"
    )
    text = f'<div class="al-caption">{render_caption(caption.text)}</div>'
    if caption.appended:
        text += (
            '<div class="al-caption al-hashtags">'
            f"{render_caption(' '.join(caption.appended))}</div>"
        )
    media = render_media(ctx, client.slug, meta.media, page)
    body = media + text if platform in MEDIA_FIRST else text + media
    variant = meta.variants.get(Platform(platform))
    if variant is not None and variant.first_comment:
        body += (
            f'<div class="al-comment"><strong>{esc(t("first_comment", ctx.locale))}</strong>'
            f" {render_caption(variant.first_comment)}</div>"
        )
    if meta.link:
        body += f'<div class="al-link">↪ {link(meta.link)}</div>'
    return (
        f'<article class="al-mockup al-net-{platform}" data-platform="{platform}">'
        f'<h3 class="al-sr">{esc(network_name(platform))}</h3>'
        f"{head}{body}{render_meter(ctx, platform, caption.length, len(caption.hashtags))}"
        "</article>"
    )
