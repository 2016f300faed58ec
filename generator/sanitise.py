"""Making people's text safe in HTML: an address allow-list and Markdown cleaned by nh3.

The site, the feeds and the reports all publish text written by people; one place decides
which addresses become links and which HTML survives.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Set
from urllib.parse import urlsplit

import markdown
import nh3

# An unclosed comment hides everything after it: better to drop text than to leak a note.
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_BLANK_RUNS = re.compile(r"\n{3,}")
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# a quote or an angle bracket would let an address break out of its attribute
_UNSAFE_IN_URL = frozenset("\"'<>")


def strip_comments(text: str) -> str:
    """Remove HTML comments (internal notes) and tidy the blank lines they leave."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _COMMENT.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def safe_url(url: str | None, schemes: Set[str] = URL_SCHEMES) -> str | None:
    """The address if its scheme is allowed and it has no space, control or quote; else None.

    `javascript:`, `data:` and friends never become links.
    """
    if not url:
        return None
    text = url.strip()
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return None
    if scheme not in schemes:
        return None
    if any(c.isspace() or ord(c) < 32 or c in _UNSAFE_IN_URL for c in text):
        return None
    return text


def markdown_to_html(
    text: str,
    tags: Set[str],
    attributes: Mapping[str, Set[str]],
    link_rel: str | None = "noopener noreferrer",
) -> str:
    """People's Markdown as HTML holding only `tags`; HTML comments (internal notes) dropped."""
    rendered = markdown.markdown(strip_comments(text), extensions=["sane_lists"])
    return nh3.clean(
        rendered,
        tags=set(tags),
        attributes={k: set(v) for k, v in attributes.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=link_rel,
        strip_comments=True,
        attribute_filter=_absolute_addresses,
    )


def _absolute_addresses(tag: str, name: str, value: str) -> str | None:
    """Keep an address only when it is absolute: a relative one would be resolved against
    the page or, in a PDF, against the agency's folder (`file:///home/…`)."""
    if name in ("href", "src"):
        return safe_url(value)
    return value


def plain_text(text: str) -> str:
    """Text with no markup at all, for places that may render HTML (calendar descriptions).

    Tags are removed (with the content of scripts and styles) and entities decoded, until
    nothing changes: an escaped `&lt;script&gt;` cannot come back as a tag.
    """
    for _attempt in range(8):
        cleaned = html.unescape(nh3.clean(text, tags=set(), strip_comments=True))
        if cleaned == text:
            return cleaned
        text = cleaned
    return text.replace("<", "‹").replace(">", "›")
