"""What changed in an item since it was approved, word by word, from the approved version in git.

An approver who reads "edited after approval: caption" still has to find what moved. Here the
version git holds at the approval is compared with the file as it is now, part by part (caption
and each network's variant, hashtags, date, networks, media, link), as a word diff: the words
removed and added, with a little unchanged text around them. Internal notes (HTML comments)
are dropped first, so they never reach a page.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from typing import Any, Literal

from generator.frontmatter import SourceError, parse_front_matter
from generator.repo.history import WHEN_FIELDS
from generator.sanitise import strip_comments

Op = Literal["same", "added", "removed", "gap"]
# whitespace-delimited words as `git diff --word-diff` has them, commas and marks apart:
# 12:30, an address or "dorée." stay whole
_TOKEN = re.compile(r"\s+|[^\s,;!?]+|[,;!?]")
CONTEXT = 8  # unchanged words kept on each side of a change; longer runs are shortened


@dataclass(frozen=True)
class Segment:
    """A run of text that is unchanged, added or removed (or a `gap`: unchanged, left out)."""

    op: Op
    text: str


@dataclass(frozen=True)
class PartDiff:
    """One part of the item that changed (`part` is caption, hashtags, when…; `network` for a
    variant), as segments in reading order."""

    part: str
    network: str | None
    segments: tuple[Segment, ...]


def tokens(text: str) -> list[str]:
    """Words, spaces and punctuation marks, so that a diff moves whole words."""
    return _TOKEN.findall(text)


def word_diff(before: str, after: str) -> tuple[Segment, ...]:
    """The segments that turn `before` into `after`, long unchanged runs shortened to a gap.

    Changes separated only by spaces read as one: "à réserver" → "sans réservation", not
    two replacements with a space between them.
    """
    old, new = tokens(before), tokens(after)
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    segments: list[Segment] = []
    removed: list[str] = []
    added: list[str] = []
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        run = old[i1:i2]
        between = 0 < index < len(opcodes) - 1 and all(t.isspace() for t in run)
        if op != "equal" or between:
            removed.extend(run)
            added.extend(new[j1:j2] if op != "equal" else run)
            continue
        segments.extend(_changed(removed, added))
        removed, added = [], []
        segments.extend(_unchanged(run, first=i1 == 0, last=i2 == len(old)))
    segments.extend(_changed(removed, added))
    return tuple(segments)


def _changed(removed: list[str], added: list[str]) -> list[Segment]:
    found = [Segment("removed", "".join(removed)), Segment("added", "".join(added))]
    return [s for s in found if s.text]


def _unchanged(run: list[str], first: bool, last: bool) -> list[Segment]:
    """An unchanged run: whole when short, else its ends next to the changes around it."""
    words = [i for i, token in enumerate(run) if not token.isspace()]
    keep_head = 0 if first else CONTEXT
    keep_tail = 0 if last else CONTEXT
    if len(words) <= keep_head + keep_tail + 2:
        return [Segment("same", "".join(run))]
    head_end = words[keep_head] if keep_head else 0
    tail_start = words[-keep_tail] if keep_tail else len(run)
    out = []
    if head_end:
        out.append(Segment("same", "".join(run[:head_end])))
    out.append(Segment("gap", "…"))
    if tail_start < len(run):
        out.append(Segment("same", "".join(run[tail_start:])))
    return out


def review_parts(text: str) -> dict[tuple[str, str | None], str]:
    """The parts of one version of an item that an approver reads, each as plain text."""
    try:
        front = parse_front_matter(text)
    except SourceError:
        return {("caption", None): strip_comments(text).strip()}
    data = front.doc.data if isinstance(front.doc.data, dict) else {}
    parts: dict[tuple[str, str | None], str] = {
        ("title", None): _plain(data.get("title")),
        ("when", None): next((_plain(data[k]) for k in WHEN_FIELDS if data.get(k)), ""),
        ("platforms", None): _plain(data.get("platforms")),
        ("caption", None): strip_comments(front.split.body).strip(),
        ("hashtags", None): _tags(data.get("hashtags")),
        ("media", None): _media(data.get("media")),
        ("link", None): _plain(data.get("link")),
    }
    variants = data.get("variants")
    for network, variant in sorted((variants if isinstance(variants, dict) else {}).items()):
        if isinstance(variant, dict):
            parts[("caption", str(network))] = strip_comments(_plain(variant.get("caption")))
            parts[("hashtags", str(network))] = _tags(variant.get("hashtags"))
            parts[("first_comment", str(network))] = strip_comments(
                _plain(variant.get("first_comment"))
            )
    return parts


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value).strip()


def _tags(value: Any) -> str:
    listed = value if isinstance(value, list) else [value] if value else []
    return " ".join("#" + str(tag).strip().lstrip("#") for tag in listed if str(tag).strip())


def _media(value: Any) -> str:
    """One line per file, with its alt text: what the approver saw under the picture."""
    lines = []
    for medium in value if isinstance(value, list) else []:
        if isinstance(medium, dict):
            alt = _plain(medium.get("alt"))
            lines.append(f"{_plain(medium.get('file'))}" + (f" — {alt}" if alt else ""))
        else:
            lines.append(_plain(medium))
    return "\n".join(lines)


def diff_versions(approved: str, current: str) -> list[PartDiff]:
    """Every part that differs between the approved text and the current one, as word diffs."""
    before, after = review_parts(approved), review_parts(current)
    keys = list(before) + [k for k in after if k not in before]
    return [
        PartDiff(part, network, word_diff(before.get(key, ""), after.get(key, "")))
        for key in keys
        for part, network in [key]
        if before.get(key, "") != after.get(key, "")
    ]
