"""OPML in and out: a watch list as feed readers (Feedly, Inoreader, NetNewsWire) exchange it.

Readers export their folders as nested outlines; a folder named after a kind of source
(Médias, Experts, Concurrents…, in French or English) gives the sources in it that kind.
The XML is read with defusedxml: no DTD, no entity expansion from a file someone sent.
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from generator.problems import AlmanacError
from generator.schema.watchlist import SourceKind, WatchSource
from generator.vocabulary import WORDS, word

OUTLINE_TYPES = ("rss", "atom", "")


@dataclass(frozen=True)
class OpmlSource:
    """One feed of an OPML file."""

    name: str
    feed: str
    site: str | None
    kind: SourceKind


def folded(text: str) -> str:
    """Lower case without accents or trailing s: `Médias` and `media` compare equal."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return plain.strip().rstrip("s")


def kind_of_folder(title: str) -> SourceKind | None:
    """The kind a reader folder stands for, by its name in any of Almanac's languages."""
    wanted = folded(title)
    for kind in SourceKind:
        names = {kind.value, *WORDS[f"source_kind.{kind.value}"]}
        if wanted in {folded(name) for name in names}:
            return kind
    return None


def read_opml(data: bytes, name: str) -> list[OpmlSource]:
    """Every feed outline of an OPML file, or an AlmanacError at the line that breaks."""
    try:
        root = SafeET.fromstring(data)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else 1
        raise AlmanacError(f"not well-formed XML: {exc.msg}", path=name, line=line) from None
    except DefusedXmlException as exc:
        raise AlmanacError(f"refused: {exc}", path=name, line=1) from None
    if root.tag != "opml" or root.find("body") is None:
        raise AlmanacError("not an OPML file (no <opml> with a <body>)", path=name, line=1)
    found: list[OpmlSource] = []
    walk(root.find("body"), None, found)
    return found


def walk(node: Any, kind: SourceKind | None, found: list[OpmlSource]) -> None:
    """The feeds under `node`; a folder named after a kind passes it to what it holds."""
    for outline in node.findall("outline"):
        title = outline.get("title") or outline.get("text") or ""
        feed = outline.get("xmlUrl")
        if feed:
            if outline.get("type", "rss").lower() not in OUTLINE_TYPES:
                continue  # a link or an include, not a feed
            category = kind_of_folder(outline.get("category", "").split(",")[0].strip("/"))
            chosen = category or kind or SourceKind.OTHER
            found.append(OpmlSource(title.strip() or feed, feed, outline.get("htmlUrl"), chosen))
        walk(outline, kind_of_folder(title) or kind, found)


def write_opml(title: str, sources: list[WatchSource], locale: str) -> bytes:
    """The watch list as OPML 2.0, one folder per kind of source, feeds in list order."""
    opml = ET.Element("opml", version="2.0")
    head = ET.SubElement(opml, "head")
    ET.SubElement(head, "title").text = title
    body = ET.SubElement(opml, "body")
    for kind in SourceKind:
        members = [s for s in sources if s.kind is kind and s.feed]
        if not members:
            continue
        label = word(f"source_kind.{kind.value}", locale)
        folder = ET.SubElement(body, "outline", text=label, title=label)
        for source in members:
            attrs = {"type": "rss", "text": source.name, "title": source.name}
            attrs["xmlUrl"] = source.feed or ""
            if source.site:
                attrs["htmlUrl"] = source.site
            ET.SubElement(folder, "outline", attrs)
    ET.indent(opml, space="  ")
    return ET.tostring(opml, encoding="utf-8", xml_declaration=True) + b"\n"
