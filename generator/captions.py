"""Captions as each network shows them: variant or body, no private notes, hashtags added."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.content.kinds import POST, variants_of
from generator.content.model import AnyItem
from generator.sanitise import strip_comments
from generator.schema.common import Platform
from generator.x_length import x_length

# same hashtag pattern as generator.rules.platform, so the text exported is the text counted
_HASHTAG = re.compile(r"(?<![\w&#])#(\w+)")

NETWORK_NAMES = {
    Platform.INSTAGRAM: "Instagram",
    Platform.FACEBOOK: "Facebook",
    Platform.LINKEDIN: "LinkedIn",
    Platform.X: "X",
    Platform.TIKTOK: "TikTok",
    Platform.YOUTUBE: "YouTube",
    Platform.MASTODON: "Mastodon",
    Platform.THREADS: "Threads",
    Platform.BLUESKY: "Bluesky",
    Platform.PINTEREST: "Pinterest",
}


def network_name(platform: str) -> str:
    """How a network is written for people: `linkedin` -> LinkedIn."""
    try:
        return NETWORK_NAMES[Platform(platform)]
    except ValueError:
        return platform


def plain_caption(item: AnyItem, platform: str | None = None) -> str:
    """The caption of `item` on `platform`: its variant caption, else the body; no comments."""
    if platform is not None:
        variant = variants_of(item).get(Platform(platform))
        if variant is not None and variant.caption:
            return strip_comments(variant.caption)
    return strip_comments(item.body)


def hashtags_for(item: AnyItem, platform: str | None = None) -> list[str]:
    """The post's hashtags then the network's own, each once, written with a leading #."""
    post = POST.narrow(item)
    if post is None:
        return []
    tags = list(post.meta.hashtags)
    if platform is not None:
        variant = post.meta.variants.get(Platform(platform))
        if variant is not None:
            tags.extend(variant.hashtags)
    seen: dict[str, str] = {}
    for tag in tags:
        word = "#" + tag.strip().lstrip("#")
        if len(word) > 1:
            seen.setdefault(word.casefold(), word)
    return list(seen.values())


def caption_with_hashtags(item: AnyItem, platform: str | None = None) -> str:
    """The caption as it is posted: text, a blank line, then the hashtags not already in it."""
    caption = plain_caption(item, platform)
    present = {"#" + word.casefold() for word in _HASHTAG.findall(caption)}
    missing = [tag for tag in hashtags_for(item, platform) if tag.casefold() not in present]
    if not missing:
        return caption
    return f"{caption}\n\n{' '.join(missing)}" if caption else " ".join(missing)


@dataclass(frozen=True)
class NetworkCaption:
    """The caption on one network, the hashtags appended to it, all it carries, its length."""

    text: str
    appended: tuple[str, ...]
    hashtags: tuple[str, ...]
    length: int


_URL = re.compile(r"(?:https?://|www\.)[^\s<>()]+", re.IGNORECASE)
_BARE_DOMAIN = re.compile(
    r"(?<![@\w.])[a-z0-9-]+\.(?:com|fr|org|net|io|co\.uk|eu|shop)"
    r"(?:/[^\s]*)?\b",
    re.IGNORECASE,
)


def caption_link(text: str) -> str | None:
    """The first web address written in a caption (`https://…`, `www.…` or `shop.fr/…`).

    Instagram shows it as plain text: the rule warns, the preview says it in place.
    """
    match = _URL.search(text) or _BARE_DOMAIN.search(text)
    return match.group(0) if match else None


def with_link(text: str, item: AnyItem) -> str:
    """The text with the post's `link` after it, unless the text already holds it."""
    post = POST.narrow(item)
    link = post.meta.link if post is not None else None
    return f"{text} {link}" if link and link not in text else text


def network_caption(item: AnyItem, platform: str) -> NetworkCaption:
    """What goes out on `platform` and its length as the network counts it.

    One definition for the rules (limits), the site (the length shown under each preview) and
    the exports, so the figure a reviewer sees is the one `almanac check` judges.
    """
    text = plain_caption(item, platform)
    typed = [f"#{tag}" for tag in _HASHTAG.findall(text)] if "#" in text else []
    typed_keys = {tag.casefold() for tag in typed}
    appended = tuple(t for t in hashtags_for(item, platform) if t.casefold() not in typed_keys)
    published = text + ("\n\n" + " ".join(appended) if appended else "")
    # X counts twitter-text's weighted length (a link is 23, with or without https://), and
    # a post's `link` goes out inside the text, as the scheduler adds it
    length = x_length(with_link(published, item)) if platform == "x" else len(published)
    every: dict[str, str] = {}
    for tag in (*typed, *appended):
        every.setdefault(tag.casefold(), tag)
    return NetworkCaption(text, appended, tuple(every.values()), length)
