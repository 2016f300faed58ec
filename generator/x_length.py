"""A post's length as X counts it: twitter-text's weighted length (links 23, CJK and emoji 2).

X does not count characters: it counts twitter-text's "weighted length" (version 3 of its
configuration). Every address, with or without `https://` (`atelier-velo.coop` too), counts
as 23 because X rewrites it to a t.co link; characters of most scripts count 1, CJK and
emoji count 2; the text is NFC-normalised first. The twitter-text-parser package is a port
of X's own library that passes its conformance suite, so the count here is the one X shows.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from twitter_text import parse_tweet
from twitter_text.config import config
from twitter_text.extract_urls import extract_urls_with_indices
from twitter_text.get_character_weight import get_character_weight

X_LINK_LENGTH = 23  # every link is shortened to a t.co address of this length
_OPTIONS = config["defaults"]
# Below U+2000 only © and ® can be emoji; other text there needs no emoji search, which is
# the slow part of twitter-text (about 1 ms a caption against 0.05 ms for the rest)
_EMOJI_BELOW_2000 = frozenset("\u00a9\u00ae")


@lru_cache(maxsize=8192)  # the rules and the site's previews count the same captions
def x_length(text: str) -> int:
    """The length X shows for `text` (its 280-character limit applies to this figure)."""
    normal = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if any(ord(c) >= 0x2000 or c in _EMOJI_BELOW_2000 for c in normal):
        return int(parse_tweet(text).weightedLength)
    return _length_without_emoji(normal)


def _length_without_emoji(normal: str) -> int:
    """parse_tweet's own sum for a normalised text that cannot hold an emoji.

    The same steps as twitter-text (each link counted as 23, the weight table for the rest);
    tests compare it with parse_tweet.
    """
    scale = int(_OPTIONS["scale"])
    link = int(_OPTIONS["transformed_url_length"]) * scale
    weighted = 0
    position = 0
    for found in extract_urls_with_indices(normal):
        start, end = found["indices"]
        weighted += sum(map(_weight, normal[position:start])) + link
        position = end
    weighted += sum(map(_weight, normal[position:]))
    return weighted // scale


@lru_cache(maxsize=4096)
def _weight(char: str) -> int:
    """twitter-text's weight of one character, remembered: the library scans its table each time."""
    return int(get_character_weight(char, _OPTIONS))
