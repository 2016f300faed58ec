"""What a post says on one network, and its length as the network counts it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.captions import hashtags_for, plain_caption
from generator.content.model import Item

_URL = re.compile(r"(?:https?://|www\.)[^\s<>()]+", re.IGNORECASE)
_TYPED_TAG = re.compile(r"(?<![\w&#])#(\w+)")
X_LINK_LENGTH = 23  # X shortens every link to a t.co address of this length


@dataclass(frozen=True)
class NetworkCaption:
    """The caption on one network, the hashtags appended to it, all the hashtags it carries."""

    text: str
    appended: list[str]
    hashtags: list[str]
    length: int


def build_caption(item: Item, platform: str) -> NetworkCaption:
    """Variant caption or body (internal comments removed), hashtags not typed in it appended."""
    text = plain_caption(item, platform)
    typed = [f"#{tag}" for tag in _TYPED_TAG.findall(text)]
    typed_keys = {tag.casefold() for tag in typed}
    appended = [tag for tag in hashtags_for(item, platform) if tag.casefold() not in typed_keys]
    published = text + ("\n\n" + " ".join(appended) if appended else "")
    if platform == "x":
        published = _URL.sub("x" * X_LINK_LENGTH, published)
    every = list(dict.fromkeys([*typed, *appended]))
    return NetworkCaption(text, appended, every, len(published))
