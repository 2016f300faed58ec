"""Strict YAML reading: a tree built from parser events, with a line for every field.

PyYAML's resolvers guess (`no` becomes False, `12:30` becomes 750) and its loaders allow
anchors, aliases and tags. Here only the parser's events are used, and the tree is built
by hand: duplicate keys, anchors, aliases and tags are refused, ambiguous plain scalars are
refused with a hint to quote them, and every value remembers the line it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml's parser is much faster; the pure-Python one gives the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is in the PyYAML wheels
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
# YAML 1.1 booleans that YAML 1.2 reads as text: tools disagree, so we refuse to guess
_AMBIGUOUS_BOOL = {
    "yes",
    "Yes",
    "YES",
    "no",
    "No",
    "NO",
    "on",
    "On",
    "ON",
    "off",
    "Off",
    "OFF",
    "y",
    "Y",
    "n",
    "N",
}
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")
_STR_TAGS = {"tag:yaml.org,2002:str", "!"}
# No field of the data contract is nested more than a few levels: deeper is a mistake or an
# attack, refused before it can exhaust the stack.
MAX_DEPTH = 32
# No count, amount or threshold has more digits; longer is an id or a typo (and Python refuses
# to read integers of over 4,300 digits).
MAX_DIGITS = 30
_NODE_START = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_NODE_END = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


@dataclass(frozen=True)
class YamlIssue:
    """A problem in the YAML text itself, at a line (1-based) and a field path."""

    line: int
    field: str
    message: str


@dataclass
class YamlDoc:
    """The data of one YAML document and the line each field path starts on."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    issues: list[YamlIssue] = field(default_factory=list)

    def line_of(self, path: Path_) -> int:
        """The line of a field, or of its nearest parent that has one."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, self.lines.get((), 1))


def field_name(path: Path_) -> str:
    """`media[0].credit` from ('media', 0, 'credit')."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Builder:
    """Turns a stream of parser events into plain Python values, recording lines."""

    def __init__(self, events: Any, first_line: int) -> None:
        self.events = events
        self.offset = first_line - 1
        self.doc = YamlDoc(data=None)

    def line(self, event: Any) -> int:
        return int(event.start_mark.line) + 1 + self.offset

    def issue(self, event: Any, path: Path_, message: str) -> None:
        self.doc.issues.append(YamlIssue(self.line(event), field_name(path), message))

    def build(self) -> YamlDoc:
        next(self.events)  # StreamStart
        event = next(self.events)
        if isinstance(event, yaml.StreamEndEvent):
            return self.doc
        self.doc.lines[()] = self.line(event)
        self.doc.data = self.node(next(self.events), ())
        next(self.events)  # DocumentEnd
        extra = next(self.events)
        if not isinstance(extra, yaml.StreamEndEvent):
            self.issue(extra, (), "only one YAML document is allowed here (remove the extra `---`)")
        return self.doc

    def node(self, event: Any, path: Path_) -> Any:
        if isinstance(event, yaml.AliasEvent):
            self.issue(event, path, "aliases (`*name`) are not allowed: write the value out")
            return None
        if getattr(event, "anchor", None):
            self.issue(event, path, "anchors (`&name`) are not allowed: write the value out")
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event, path)
        if event.tag and not event.implicit:
            self.issue(event, path, f"YAML tags such as `{event.tag}` are not allowed")
        if len(path) >= MAX_DEPTH:
            self.issue(
                event,
                path[:1],
                f"the data is nested more than {MAX_DEPTH} levels deep: no field needs that many "
                "(check the indentation and the brackets)",
            )
            self.skip()
            return None
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(path)
        return self.mapping(path)

    def skip(self) -> None:
        """Consume the events of the list or mapping just opened, without building it."""
        depth = 1
        while depth:
            event = next(self.events)
            depth += isinstance(event, _NODE_START) - isinstance(event, _NODE_END)

    def sequence(self, path: Path_) -> list[Any]:
        out: list[Any] = []
        for event in iter(lambda: next(self.events), None):
            if isinstance(event, yaml.SequenceEndEvent):
                return out
            child = (*path, len(out))
            self.doc.lines[child] = self.line(event)
            out.append(self.node(event, child))
        return out  # pragma: no cover - the parser always closes sequences

    def mapping(self, path: Path_) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for event in iter(lambda: next(self.events), None):
            if isinstance(event, yaml.MappingEndEvent):
                return out
            key = self.key(event, path)
            child = (*path, key)
            value = self.node(next(self.events), child)
            if key in out:
                self.issue(event, child, f"the field `{key}` appears twice; keep only one")
                continue
            self.doc.lines[child] = self.line(event)
            out[key] = value
        return out  # pragma: no cover

    def key(self, event: Any, path: Path_) -> str:
        if not isinstance(event, yaml.ScalarEvent):
            self.issue(event, path, "a key must be plain text")
            self.node(event, path)
            return f"<invalid key line {self.line(event)}>"
        if event.anchor or (event.tag and event.tag not in _STR_TAGS and not event.implicit[0]):
            self.issue(event, path, "anchors and tags are not allowed on keys")
        return str(event.value)

    def scalar(self, event: Any, path: Path_) -> Any:
        value: str = event.value
        plain = bool(event.implicit[0]) and not event.style
        if event.tag and not (event.implicit[0] or event.implicit[1]):
            if event.tag not in _STR_TAGS:
                self.issue(event, path, f"YAML tags such as `{event.tag}` are not allowed")
                return None
            return value
        if not plain:
            return value
        return self.resolve(event, path, value)

    def resolve(self, event: Any, path: Path_, value: str) -> Any:
        if value in _NULL:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if value in _AMBIGUOUS_BOOL:
            self.issue(
                event,
                path,
                f"`{value}` is ambiguous (YAML tools read it as true/false "
                f'or as text): write "{value}" in quotes for text, or true/false',
            )
            return value
        if _SEXAGESIMAL.match(value):
            self.issue(
                event,
                path,
                f"`{value}` without quotes is read by YAML tools as a "
                f'number in base 60: write "{value}" in quotes',
            )
            return value
        if _INT.match(value):
            return self.integer(event, path, value)
        if _FLOAT.match(value):
            return float(value)
        return value

    def integer(self, event: Any, path: Path_, value: str) -> Any:
        digits = len(value.lstrip("+-"))
        if digits > MAX_DIGITS:
            self.issue(
                event,
                path,
                f"this number has {digits:,} digits, more than the {MAX_DIGITS} any count or "
                "amount needs: write it in quotes if it is text (an id, a code)",
            )
            return None
        return int(value)


def parse_yaml(text: str, first_line: int = 1) -> YamlDoc:
    """Parse one YAML document strictly; syntax errors come back as issues, never raised."""
    try:
        return _Builder(iter(yaml.parse(text, Loader=_Loader)), first_line).build()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark else first_line
        reason = exc.problem or "this is not valid YAML"
        return YamlDoc(None, {}, [YamlIssue(line, "", f"YAML syntax error: {reason}")])
    except yaml.reader.ReaderError as exc:
        return YamlDoc(None, {}, [_reader_issue(exc, text, first_line)])
    except yaml.YAMLError as exc:
        return YamlDoc(None, {}, [YamlIssue(first_line, "", f"YAML error: {exc}")])


def find_control_character(text: str) -> tuple[int, str] | None:
    """The first character YAML calls non-printable (a control character): the number of
    lines before it and a sentence naming it; None when the text has none."""
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if found is None:
        return None
    code = ord(found.group()[0])
    message = (
        f"the character U+{code:04X} (a control character) is not allowed: remove it "
        "(it is often pasted along with text)"
    )
    return text[: found.start()].count("\n"), message


def _reader_issue(exc: yaml.reader.ReaderError, text: str, first_line: int) -> YamlIssue:
    """A character YAML refuses (a control character), on the line where it is."""
    # libyaml counts in bytes, the pure-Python reader in characters: find the character again
    found = find_control_character(text)
    if found is None:
        return YamlIssue(first_line, "", f"YAML error: {exc}")
    return YamlIssue(first_line + found[0], "", found[1])
