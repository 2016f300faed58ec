"""Reports on the site: a page per client listing its finished months, PDF links, previews."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from conftest import copy_workspace

from generator.checking import parse_today
from generator.cli import main
from generator.site_build import BuildOptions, build_site

TODAY = "2026-11-21"
CLIENT = "fournil-des-halles"
OTHERS = ["atelier-velo", "Atelier Vélo", "northwind-outdoor", "Northwind Outdoor"]
SECRETS = ["SECRET-REPORT-INTERNAL", "SECRET-REPORT-COMMENT", "SECRET-REPORT-CAPTION"]
FAKE_PDF = b"%PDF-1.4\n% OTHER-CLIENT-PDF-MARKER\n"


def plant_secrets(root: Path) -> None:
    """Internal notes in October's month notes and in the published October posts' captions."""
    folder = root / "content" / CLIENT
    notes = folder / "months" / "2026-10.md"
    text = re.sub(r"(?m)^internal: .*$", "internal: SECRET-REPORT-INTERNAL", notes.read_text())
    notes.write_text(
        text.replace("## Octobre en bref", "<!-- SECRET-REPORT-COMMENT -->\n\n## Octobre en bref"),
        encoding="utf-8",
    )
    for post in sorted((folder / "posts").glob("2026-10-*.md")):
        head, body = post.read_text(encoding="utf-8").split("\n---\n", 1)
        if "published:" in head:
            post.write_text(f"{head}\n---\n<!-- SECRET-REPORT-CAPTION -->{body}", encoding="utf-8")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_workspace(tmp_path_factory.mktemp("reports") / "ws")
    plant_secrets(root)
    code = main(
        [
            "--workspace",
            str(root),
            "report",
            "--month",
            "2026-10",
            "--client",
            CLIENT,
            "--today",
            TODAY,
            "--jobs",
            "1",
        ]
    )
    assert code == 0
    assert (root / "reports" / CLIENT / "2026-10.pdf").is_file()
    # another client's PDF: the full site copies it, the client's own site never does
    (root / "reports" / "atelier-velo").mkdir(parents=True, exist_ok=True)
    (root / "reports" / "atelier-velo" / "2026-10.pdf").write_bytes(FAKE_PDF)
    return root


def build(root: Path, out: Path, **kwargs: object) -> Path:
    options = BuildOptions(root=root, today=parse_today(TODAY), output=out, **kwargs)  # type: ignore[arg-type]
    build_site(options)
    return out


@pytest.fixture(scope="module")
def site(workspace: Path) -> Path:
    return build(workspace, workspace.parent / "site", reports=True)


@pytest.fixture(scope="module")
def client_site(workspace: Path) -> Path:
    return build(
        workspace, workspace.parent / "client-site", client=CLIENT, reports=True, engine="zensical"
    )


class Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def tags_of(page: Path) -> list[tuple[str, dict[str, str | None]]]:
    parser = Hrefs()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def resolve(site: Path, page: Path, link: str) -> Path:
    """The file a relative link of a built page points at (directory URLs end in index.html)."""
    base = "/" + page.parent.relative_to(site).as_posix() + "/"
    target = site / unquote(urljoin(base, link)).lstrip("/")
    return target / "index.html" if link.endswith("/") else target


def every_text(root: Path) -> str:
    return "\n".join(
        p.read_bytes().decode("utf-8", "replace")
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.suffix != ".gz"
    )


@pytest.mark.parametrize("which", ["site", "client_site"])
def test_reports_page_lists_months_with_pdf_and_preview(
    which: str, request: pytest.FixtureRequest
) -> None:
    built: Path = request.getfixturevalue(which)
    page = built / CLIENT / "reports" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert "Rapports" in text and "Octobre 2026" in text and "Septembre 2026" in text
    assert "Novembre 2026" not in text.split("al-reports")[1]  # not finished yet
    links = [a.get("href") or "" for tag, a in tags_of(page) if tag == "a"]
    pdfs = [link for link in links if link.endswith(".pdf")]
    assert pdfs == ["2026-10.pdf"]  # September has no PDF: the page gives the command instead
    assert resolve(built, page, pdfs[0]).read_bytes()[:5] == b"%PDF-"
    command = "almanac report --month 2026-09 --client fournil-des-halles"
    if which == "site":
        assert command in text
    else:  # a client is not asked to type commands (issue 17): the report is not ready yet
        assert command not in text and "Pas encore disponible." in text
    previews = [link for link in links if re.fullmatch(r"2026-\d\d/", link)]
    assert previews == ["2026-10/", "2026-09/"]
    for link in previews:
        preview = resolve(built, page, link)
        frames = [a for tag, a in tags_of(preview) if tag == "iframe"]
        assert len(frames) == 1 and frames[0]["sandbox"] == ""
        document = resolve(built, preview, frames[0]["src"] or "")
        html = document.read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in html
    october = (built / CLIENT / "reports" / "2026-10.html").read_text(encoding="utf-8")
    assert "octobre 2026" in october and "Le Fournil des Halles" in october
    assert "http://" not in october.replace('xmlns="http://www.w3.org', "")


@pytest.mark.parametrize("which", ["site", "client_site"])
def test_client_page_and_nav_link_to_the_reports(
    which: str, request: pytest.FixtureRequest
) -> None:
    built: Path = request.getfixturevalue(which)
    overview = built / CLIENT / "index.html"
    links = [a.get("href") for tag, a in tags_of(overview) if tag == "a"]
    assert "reports/" in links
    month = (built / CLIENT / "2026-10" / "index.html").read_text(encoding="utf-8")
    assert month.count('href="../reports/"') == 1  # one nav entry for the client's reports


def test_internal_notes_never_reach_the_site(site: Path, client_site: Path) -> None:
    for built in (site, client_site):
        text = every_text(built)
        assert "Octobre en bref" in text  # the month notes' body is in the preview
        for secret in SECRETS:
            assert secret not in text, secret


def test_client_site_has_no_trace_of_other_clients(site: Path, client_site: Path) -> None:
    assert (site / "atelier-velo" / "reports" / "2026-10.pdf").read_bytes() == FAKE_PDF
    assert (site / "northwind-outdoor" / "reports" / "2026-09.html").is_file()
    text = every_text(client_site)
    for trace in [*OTHERS, "OTHER-CLIENT-PDF-MARKER"]:
        assert trace not in text, trace
    assert not list(client_site.rglob("*.pdf"))[1:]  # only the client's one PDF
    tops = {p.name for p in client_site.iterdir() if p.is_dir()}
    assert not tops & {"atelier-velo", "northwind-outdoor"}


def test_previews_are_optional_and_pdf_links_are_not(workspace: Path, tmp_path: Path) -> None:
    """On the team site, which says how to add them (a client's site does not, issue 17)."""
    built = build(workspace, tmp_path / "plain")
    assert not list((built / CLIENT / "reports").glob("2026-*.html"))
    assert not (built / CLIENT / "reports" / "2026-10").exists()
    page = built / CLIENT / "reports" / "index.html"
    assert "almanac build --reports" in page.read_text(encoding="utf-8")
    pdf = [a["href"] for tag, a in tags_of(page) if tag == "a" and a.get("type")]
    assert pdf == ["2026-10.pdf"] and (built / CLIENT / "reports" / "2026-10.pdf").is_file()
