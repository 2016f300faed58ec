"""Splitting a Markdown file into its YAML front matter and its body, safely.

Accepts what Windows editors write (a UTF-8 byte-order mark, CRLF line endings) and refuses
what would make the front matter unreadable: non-UTF-8 bytes, a file over the size limit, a
missing opening or closing `---`.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from generator.yamlread import YamlDoc, parse_yaml

MAX_BYTES = 1_000_000  # a post is a few kB; a megabyte is a pasted image or a mistake
LIMIT_VARIABLE = "ALMANAC_MAX_FILE_BYTES"  # raises the limit for a workspace that needs it


class SourceError(Exception):
    """A file that cannot be read at all; carries the line where reading stopped."""

    def __init__(self, line: int, message: str, field: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Split:
    """Front matter text, the line it starts on, and the body with its first line."""

    front: str
    front_line: int
    body: str
    body_line: int


@dataclass(frozen=True)
class FrontMatter:
    """A Markdown file read: its split parts and its front matter as the strict reader sees it."""

    split: Split
    doc: YamlDoc


def max_file_bytes() -> int:
    """The size limit of a content file: MAX_BYTES, or ALMANAC_MAX_FILE_BYTES when set."""
    value = os.environ.get(LIMIT_VARIABLE, "")
    return int(value) if value.isdigit() and int(value) > 0 else MAX_BYTES


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise SourceError(
            1,
            f"the file is over the limit of {max_bytes:,} bytes (a post is a few kB: keep "
            f"images in media/ and text short); to raise the limit, set {LIMIT_VARIABLE}, e.g. "
            f"{LIMIT_VARIABLE}={max_bytes * 4}",
        )


def read_text(path: Path, max_bytes: int | None = None) -> str:
    """Read a UTF-8 text file (BOM allowed) with LF line endings, or raise SourceError."""
    limit = max_bytes or max_file_bytes()
    return decode_text(read_bytes(path, limit), limit)


def decode_text(raw: bytes, max_bytes: int | None = None) -> str:
    """The text of a file's bytes (UTF-8, BOM allowed), LF line endings, or raise SourceError."""
    _check_size(len(raw), max_bytes or max_file_bytes())
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(
            line, "the file is not UTF-8 text: save it as UTF-8 in your editor"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_front_matter(text: str) -> FrontMatter:
    """Split a Markdown file and read its front matter with the strict YAML reader.

    The loader and the git history both read items through here, so a version the loader
    refuses is one the history cannot read either.
    """
    split = split_front_matter(text)
    return FrontMatter(split, parse_yaml(split.front, split.front_line))


def read_bytes(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of a regular file; a device, pipe or socket is refused unread.

    The file is opened without blocking and checked through its open handle, so a pipe cannot
    hang the run and /dev/zero cannot fill the memory, even if it replaced a file meanwhile.
    """
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(handle, "rb") as source:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            raise SourceError(
                1,
                f"this is not an ordinary file but {kind_of(mode)}: Almanac reads only "
                "ordinary text files here; replace it with one",
            )
        raw = source.read(limit + 1)  # one byte more: over the limit is then refused
    return raw


def kind_of(mode: int) -> str:
    """Plain words for a file type that is not an ordinary file."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a special file"


def split_front_matter(text: str) -> Split:
    """Separate `---` front matter from the Markdown body."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise SourceError(
            1,
            "the file must start with a line `---` that opens the front matter (the item's fields)",
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return Split(front, 2, body, index + 2)
    raise SourceError(
        1,
        "the front matter opened by `---` on line 1 is never closed: add a "
        "line `---` after the last field",
    )
