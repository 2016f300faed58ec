"""RFC 5545 content lines: TEXT escaping, UTF-8-aware folding at 75 octets, CRLF."""

from __future__ import annotations

import re
from datetime import UTC, datetime

LINE_OCTETS = 75
CRLF = "\r\n"
# TEXT may not hold control characters other than tab (RFC 5545 3.3.11)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and newline; drop other controls."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROLS.sub("", value)
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def escape_list(values: list[str]) -> str:
    """A multi-valued TEXT (CATEGORIES): each value escaped, joined by bare commas."""
    return ",".join(escape_text(value) for value in values)


def fold_line(line: str) -> str:
    """Fold one content line so no physical line exceeds 75 octets, never inside a character."""
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return line
    parts: list[bytes] = []
    limit = LINE_OCTETS
    while len(data) > limit:
        cut = limit
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back off to its lead byte
            cut -= 1
        parts.append(data[:cut])
        data = data[cut:]
        limit = LINE_OCTETS - 1  # the leading space of a continuation line takes one octet
    parts.append(data)
    return (CRLF + " ").join(part.decode("utf-8") for part in parts)


def utc_stamp(moment: datetime) -> str:
    """A UTC DATE-TIME value: 20261026T080000Z."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def local_stamp(moment: datetime) -> str:
    """A local (floating, to be paired with TZID) DATE-TIME value: 20261026T090000."""
    return moment.strftime("%Y%m%dT%H%M%S")


def join_lines(lines: list[str]) -> str:
    """The calendar stream: every line folded, each ended by CRLF."""
    return "".join(fold_line(line) + CRLF for line in lines)
