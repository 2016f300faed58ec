"""Reading every artifact Almanac writes as text, and finding what must never be in it.

An artifact is one file of a built site (pages, search index, sitemap, feeds, CSV, CSS) or one
view of a report PDF (its text, its metadata, its link targets). HTML is parsed, so a payload
shown as text (`&lt;script&gt;`) is told apart from one that became markup.
"""

from __future__ import annotations

import gzip
import json
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from pypdf import PdfReader

# Link schemes that run code or embed content when clicked
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text", "file:")
# Files of the theme, copied unchanged: they hold no content but are scanned for markers too
THEME_PREFIXES = ("assets/javascripts/", "assets/stylesheets/", "assets/images/")


@dataclass
class Artifact:
    """The text of one artifact, named after the file (and view) it comes from."""

    name: str
    text: str


def site_artifacts(site: Path) -> list[Artifact]:
    """Every file of a built site, decoded as text (gzip opened)."""
    out = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        out.append(Artifact(path.relative_to(site).as_posix(), data.decode("utf-8", "replace")))
    return out


def pdf_artifacts(pdf: Path) -> list[Artifact]:
    """A report's text (pdftotext), metadata and link targets (pypdf)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    reader = PdfReader(pdf)
    metadata = json.dumps({k: str(v) for k, v in (reader.metadata or {}).items()})
    return [
        Artifact(f"{pdf.name}#text", text),
        Artifact(f"{pdf.name}#metadata", metadata),
        Artifact(f"{pdf.name}#links", "\n".join(pdf_links(reader))),
    ]


def pdf_links(reader: PdfReader) -> list[str]:
    links = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                links.append(str(action["/URI"]))
    return links


@dataclass
class MarkupFinding:
    """Markup that a payload turned into: a script, a handler, a dangerous address."""

    artifact: str
    what: str


@dataclass
class _Scanner(HTMLParser):
    """Collects the dangerous markup of one HTML document."""

    markers: tuple[str, ...] = ()
    found: list[str] = field(default_factory=list)
    in_script: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag in ("script", "style")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction", "xlink:href", "srcset") and (
                value.startswith(BAD_SCHEMES) or value == "x"
            ):
                self.found.append(f"<{tag} {name}={value[:30]}>")
            if name == "style" and "url(" in value:
                self.found.append(f"<{tag} style=url(…)>")
        if tag in ("iframe", "object", "embed"):
            self.found.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and any(m in data for m in self.markers):
            self.found.append("a script or style holding written text")


def dangerous_markup(artifact: Artifact, markers: tuple[str, ...]) -> list[MarkupFinding]:
    """What in this HTML (page or search-index text) is markup made from people's text."""
    texts = [artifact.text]
    if artifact.name.endswith("search_index.json"):
        docs = json.loads(artifact.text)["docs"]
        texts = [f"{d.get('title', '')} {d.get('text', '')}" for d in docs]
    found = []
    for text in texts:
        scanner = _Scanner(markers)
        scanner.feed(text)
        scanner.close()
        found += [MarkupFinding(artifact.name, what) for what in scanner.found]
    return found
