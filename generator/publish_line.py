"""Editing one `publish_at:` line of a file in place, byte for byte.

An urgency moves half a week; the change must be reviewable as a small diff. So the file is edited
as bytes: only the value on the `publish_at:` line changes. Its quoting, its trailing comment, the
line ending (LF or CRLF), a byte-order mark, the key order and every other line stay as they were.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from generator.content.kinds import POST

assert POST.date_field is not None  # posts are on the calendar
FIELD: str = POST.date_field  # the field that dates a post, from the kind registry
# key, opening quote, value, closing quote, then spaces, an optional comment and the line end
_LINE = re.compile(
    rb"^(?P<key>" + FIELD.encode() + rb"[ \t]*:[ \t]*)"
    rb"(?P<quote>['\"]?)(?P<value>[0-9][0-9T:+\- ]*?[0-9Z])(?P=quote)"
    rb"(?P<rest>[ \t]*(?:#[^\r\n]*)?)(?P<end>\r?\n|\r)?$"
)
_VALUE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?P<sep>[ T])\d{2}:\d{2}(?P<seconds>:\d{2})?"
    r"(?P<offset>Z|[+-]\d{2}:?\d{2})?$"
)


def line_span(raw: bytes, line: int) -> tuple[int, int]:
    """Byte offsets of line `line` (1-based, the BOM belongs to line 1) within `raw`."""
    start = 0
    for _ in range(line - 1):
        found = raw.find(b"\n", start)
        if found < 0:
            raise ValueError(f"the file has fewer than {line} lines")
        start = found + 1
    if line == 1 and raw.startswith(b"\xef\xbb\xbf"):
        start = 3
    end = raw.find(b"\n", start)
    return start, len(raw) if end < 0 else end + 1


def format_like(old_text: str, moment: datetime) -> str:
    """`moment` written in the same shape as `old_text`: separator, seconds, offset."""
    shape = _VALUE.match(old_text)
    if shape is None:
        raise ValueError(f"`{old_text}` is not a date and time this command can rewrite")
    text = moment.strftime(f"%Y-%m-%d{shape['sep']}%H:%M")
    if shape["seconds"]:
        text += moment.strftime(":%S")
    offset = shape["offset"]
    if offset:
        delta = moment.utcoffset() or timedelta(0)
        if offset == "Z" and not delta:
            return text + "Z"
        minutes = int(delta.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        hours, rest = divmod(abs(minutes), 60)
        text += (
            f"{sign}{hours:02d}:{rest:02d}"
            if ":" in offset or offset == "Z"
            else (f"{sign}{hours:02d}{rest:02d}")
        )
    return text


def rewrite_publish_at(raw: bytes, line: int, moment: datetime) -> bytes:
    """`raw` with the value of the `publish_at:` line at `line` replaced by `moment`."""
    start, end = line_span(raw, line)
    match = _LINE.match(raw[start:end])
    if match is None:
        raise ValueError(
            f"line {line} is not a plain `{FIELD}: YYYY-MM-DD HH:MM` line this command can edit"
        )
    new_value = format_like(match["value"].decode("ascii"), moment).encode("ascii")
    value_start = start + match.start("value")
    return raw[:value_start] + new_value + raw[start + match.end("value") :]
