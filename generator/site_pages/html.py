"""HTML building blocks: escaping, safe titles and URLs, sanitised Markdown, relative links."""

from __future__ import annotations

import functools
import html
import posixpath
import re
from urllib.parse import quote

from markupsafe import Markup

from generator.sanitise import markdown_to_html

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "del",
    "s",
    "sub",
    "sup",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
# Characters that mean something in HTML, swapped for look-alikes in titles the theme prints raw
_TITLE_SAFE = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "'": "’", "`": "ʼ"})
_TAG_OR_MENTION = re.compile(r"(?<![\w&#])([#@][\w.-]*\w)")


VIDEO = (".mp4", ".webm", ".mov", ".m4v")


def is_video(path: str) -> bool:
    """A media file the site shows in a <video> element (by its name)."""
    return path.lower().endswith(VIDEO)


def safe_title(text: str) -> str:
    """A title MkDocs/Zensical templates may print unescaped (they do not autoescape)."""
    return " ".join(text.translate(_TITLE_SAFE).split())


def render_markdown(text: str) -> Markup:
    """People's Markdown as sanitised HTML: comments (internal notes) dropped, allow-list only."""
    # Markup: the sanitiser's allow-list output is the HTML a template may print unescaped
    return Markup(
        keep_lines(
            markdown_to_html(
                text, ALLOWED_TAGS, ALLOWED_ATTRIBUTES, link_rel="noopener noreferrer nofollow"
            )
        )
    )


def keep_lines(html_text: str) -> str:
    """Line breaks as character references: a blank line would end MkDocs' raw HTML block."""
    return html_text.replace("\r", "").replace("\n", "&#10;")


def render_caption(text: str) -> Markup:
    """A caption as the network shows it: plain text, hashtags and mentions highlighted."""
    parts = _TAG_OR_MENTION.split(text)
    out = []
    for index, part in enumerate(parts):
        if index % 2 == 1:
            kind = "tag" if part.startswith("#") else "mention"
            out.append(f'<span class="al-{kind}">{html.escape(part)}</span>')
        else:
            out.append(html.escape(part))
    # Markup: every piece of the text was escaped above; only the highlight spans are ours
    return Markup(keep_lines("".join(out)))


_BLOCK_END = re.compile(
    r"(</(?:div|p|li|ul|ol|dd|dt|dl|h[1-6]|figcaption|figure|header|section|"
    r"article|time|tr|td|th|table|nav)>)"
)


def spaced(html_text: str) -> str:
    """A line break after each closing block tag, so search does not glue words together."""
    # str(): on Markup, re.sub would join the pieces with Markup.join and escape the tags
    return _BLOCK_END.sub(r"\1\n", str(html_text))


def page_url(page: str) -> str:
    """The directory URL of a docs page path (`a/index` -> `a/`, `a/b` -> `a/b/`, `index` -> ``)."""
    if page == "index":
        return ""
    if page.endswith("/index"):
        return page[: -len("index")]
    return page + "/"


def href(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative link between two pages, so the site works under any sub-path."""
    return (
        relative(from_page, page_url(to_page) or ".")
        + ("/" if to_page else "")
        + (f"#{anchor}" if anchor else "")
    )


@functools.lru_cache(maxsize=65536)  # pages link to the same few folders and icons many times
def relative(from_page: str, target: str) -> str:
    """The relative path from a page's folder to a site path, as posixpath.relpath gives it.

    Computed on the path parts alone: relpath asks the operating system for the current
    folder on every call, a fifth of the time spent rendering 10,000 pages.
    """
    base = [part for part in page_url(from_page).split("/") if part and part != "."]
    path = [part for part in target.rstrip("/").split("/") if part and part != "."]
    if ".." in base or ".." in path:  # not a plain site path: let the library decide
        return quote(posixpath.relpath(target.rstrip("/") or ".", "/".join(base) or "."))
    common = 0
    while common < min(len(base), len(path)) and base[common] == path[common]:
        common += 1
    return quote("/".join([".."] * (len(base) - common) + path[common:]) or ".")


def file_href(from_page: str, path: str) -> str:
    """Relative link from a page to a file of the site (asset, media, feed)."""
    return relative(from_page, path)
