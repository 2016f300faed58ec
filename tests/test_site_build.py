"""`almanac build`: real MkDocs and Zensical builds of a fixture workspace, checked file by file."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import threading
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import pytest

from generator.checking import parse_today
from generator.cli import main
from generator.commands.serve import serve
from generator.problems import AlmanacError
from generator.site_build import BuildOptions, build_site

FIXTURE = Path(__file__).parent / "fixtures" / "site_ws"
TODAY = "2026-11-21"
SECRETS = [
    "SECRET-CLIENT-NOTE",
    "SECRET-ITEM-NOTE",
    "SECRET-COMMENT-NOTE",
    "SECRET-CONTEST-NOTE",
    "SECRET-CONTEST-COMMENT",
    "SECRET-MONTH-NOTE",
    "SECRET-MONTH-COMMENT",
]
OTHER_CLIENT = [
    "velo-vert",
    "Vélo Vert",
    "V&eacute;lo Vert",
    "velovert",
    "Repair workshop",
    "velo.png",
    "#1f7a4d",
]


def copy_fixture(target: Path) -> Path:
    shutil.copytree(FIXTURE, target)
    shutil.copytree(Path(__file__).parent.parent / "calendar", target / "calendar")
    return target


def build(root: Path, out: Path, **kwargs: object) -> Path:
    build_site(BuildOptions(root=root, today=parse_today(TODAY), output=out, **kwargs))  # type: ignore[arg-type]
    return out


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_fixture(tmp_path_factory.mktemp("site") / "ws")


@pytest.fixture(scope="module")
def site(workspace: Path) -> Path:
    return build(workspace, workspace / "site")


@pytest.fixture(scope="module")
def client_site(workspace: Path) -> Path:
    return build(workspace, workspace.parent / "client-site", client="pain-doux")


def files_of(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def text_files(root: Path) -> dict[str, str]:
    return {
        name: data.decode("utf-8", "replace")
        for name, data in files_of(root).items()
        if not name.endswith((".png", ".gz", ".map"))
    }


class Links(HTMLParser):
    """Collects every tag with its attributes, and script bodies."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_pages_exist_for_home_clients_months_and_items(site: Path) -> None:
    for page in [
        "index.html",
        "pain-doux/index.html",
        "pain-doux/2026-11/index.html",
        "pain-doux/2026-12/index.html",
        "velo-vert/2026-11/index.html",
        "pain-doux/items/2026-11-20-brioche/index.html",
        "pain-doux/items/concours-noel/index.html",
        "pain-doux/items/article-pain/index.html",
    ]:
        assert (site / page).is_file(), page


def test_month_grid_has_seven_columns_and_marks_today(site: Path) -> None:
    html = (site / "pain-doux/2026-11/index.html").read_text(encoding="utf-8")
    assert html.count('class="al-weekday"') == 7
    assert html.count('data-day="') == 42  # Oct 26 .. Dec 6: six weeks
    assert 'class="al-day al-today' in html and 'data-day="2026-11-21"' in html
    assert 'rel="next"' in html and "Fermeture exceptionnelle" in html


def assert_internal_links_resolve(site: Path) -> None:
    for page in site.rglob("*.html"):
        if page.name == "404.html" or "assets" in page.parts:
            continue
        for tag, attrs in parse(page).tags:
            target = attrs.get("href") if tag == "a" else attrs.get("src")
            if not target or target.startswith(("http", "#", "mailto:", "data:")):
                continue
            resolved = (page.parent / target.split("#")[0]).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            assert resolved.is_file(), f"{page.relative_to(site)} links to missing {target}"


def test_every_internal_link_resolves(site: Path) -> None:
    assert_internal_links_resolve(site)


def test_item_page_shows_mockups_caption_status_media_and_edit_link(site: Path) -> None:
    html = (site / "pain-doux/items/2026-11-20-brioche/index.html").read_text(encoding="utf-8")
    assert html.count('class="al-mockup al-net-') == 2
    assert "La brioche du week-end est là" in html
    assert "al-st-published" in html and "Publié" in html
    # caption with appended hashtags vs Instagram's limit, written as French writes numbers
    assert "97 / 2\u202f200" in html
    assert 'alt="Une brioche dorée sur une planche"' in html and "© Léa Durand" in html
    assert "Commandez en boutique" in html  # first comment
    assert (
        "https://forge.example.org/agence/plan/edit/main/content/pain-doux/posts/"
        "2026-11-20-brioche.md"
    ) in html
    assert (site / "pain-doux/media/brioche.png").is_file()


def test_contest_checklist_and_curated_source(site: Path) -> None:
    contest = (site / "pain-doux/items/concours-noel/index.html").read_text(encoding="utf-8")
    assert 'class="al-checklist"' in contest and "Une bûche pour 8" in contest
    assert "<strong>bûche</strong>" in contest
    assert "<strong>Règlement</strong>" in contest  # the site's language (fr)
    curated = (site / "pain-doux/items/article-pain/index.html").read_text(encoding="utf-8")
    assert 'href="https://journal.example/levain"' in curated and "Le Journal du Pain" in curated


def test_home_shows_the_queue_a_row_per_client_and_contests(site: Path) -> None:
    """The home answers "what needs me now" (issue 17): the queue, then one row per client.

    It used to list each client's next days and problems by rule id; the week is now on the
    client's page, and problems are counted in words (their rule ids stay in `almanac check`).
    """
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-action="awaiting_approval"' in html  # Galette: in review, out in 2 days
    assert "Galette des rois en avant-première" in html
    assert "Concours de Noël" in html  # running on 2026-11-21
    assert html.count('class="al-summary-row') == 2  # Pain Doux and Vélo Vert
    assert "Erreurs\u00a0: " in html  # calendar health from `check`, in words
    assert "validation.approval-policy" not in html


def test_search_index_finds_items_by_title_caption_and_tag(site: Path) -> None:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    text = json.dumps(index["docs"], ensure_ascii=False)
    for needle in ["Brioche du week-end", "beurre AOP", "viennoiserie"]:
        assert needle in text


def test_feeds_parse_and_are_linked(site: Path) -> None:
    for name in [
        "pain-doux.ics",
        "pain-doux-instagram.ics",
        "pain-doux-facebook.ics",
        "velo-vert-x.ics",
    ]:
        calendar = icalendar.Calendar.from_ical((site / "feeds" / name).read_bytes())
        assert calendar.walk("VEVENT"), name
    rows = list(
        csv.reader(io.StringIO((site / "exports/pain-doux.csv").read_text(encoding="utf-8-sig")))
    )
    assert rows[0][:2] == ["Date", "Message"]  # the layout is the feeds helper's to test
    client = (site / "pain-doux/index.html").read_text(encoding="utf-8")
    assert "../feeds/pain-doux.ics" in client and "../exports/pain-doux.csv" in client


def test_internal_notes_never_published(site: Path, client_site: Path) -> None:
    for root in (site, client_site):
        for name, text in text_files(root).items():
            for secret in SECRETS:
                assert secret not in text, f"{secret} leaked into {name}"


def is_encoded_query(name: str, value: str) -> bool:
    """A link whose pre-filled text (a new issue, an email) carries the title percent-encoded:
    data of an https or mailto address, with no raw character that could end the attribute."""
    return (
        name == "href"
        and value.startswith(("https://", "mailto:"))
        and not any(c in value for c in "<>\"' \n")
    )


def test_injection_payloads_are_inert(site: Path) -> None:
    """No payload runs; and no theme widget asks a forge's API for repository facts."""
    for page in site.rglob("*.html"):
        parsed = parse(page)
        for tag, attrs in parsed.tags:
            assert tag not in ("iframe", "object", "embed"), page
            for name, value in attrs.items():
                assert not (name.startswith("on") and value), (page, name, value)
                assert "javascript:" not in (value or "").lower(), (page, name, value)
                assert (
                    "__pwned" not in (value or "")
                    or name in ("title", "alt", "aria-label", "content")
                    or is_encoded_query(name, value or "")
                ), (page, name)
        assert not any("__pwned" in script for script in parsed.scripts), page
        assert not any(attrs.get("data-md-component") == "source" for _, attrs in parsed.tags)
    title = (site / "pain-doux/items/2026-11-25-payload/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in title  # shown as text
    assert "<title>Payload ‹script›" in title  # the theme prints titles unescaped: defused


def test_client_build_has_no_trace_of_other_clients(client_site: Path) -> None:
    assert (client_site / "pain-doux/index.html").is_file()
    assert not (client_site / "velo-vert").exists()
    for name, text in text_files(client_site).items():
        if name.startswith("assets/javascripts/") or name.startswith("assets/stylesheets/"):
            continue  # the theme's own files, identical for every site
        for trace in OTHER_CLIENT:
            assert trace not in text, f"{trace} found in {name}"
    assert "<title>Pain Doux" in (client_site / "index.html").read_text(encoding="utf-8")


def test_two_builds_are_identical(workspace: Path, site: Path, tmp_path: Path) -> None:
    code = main(
        [
            "--workspace",
            str(workspace),
            "build",
            "--today",
            TODAY,
            "--output",
            str(tmp_path / "again"),
        ]
    )
    assert code == 0
    first, second = files_of(site), files_of(tmp_path / "again")
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert not different


def test_failed_build_keeps_previous_site(workspace: Path, tmp_path: Path) -> None:
    ws = copy_fixture(tmp_path / "ws")
    out = build(ws, tmp_path / "site")
    before = {n: hashlib.sha256(d).hexdigest() for n, d in files_of(out).items()}
    (ws / "calendar/mkdocs.yml").write_text("plugins:\n  - no-such-plugin\n", encoding="utf-8")
    with pytest.raises(AlmanacError, match="previous site is kept"):
        build(ws, out)
    after = {n: hashlib.sha256(d).hexdigest() for n, d in files_of(out).items()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-build")] == []


def test_zensical_builds_the_same_project(workspace: Path, tmp_path: Path) -> None:
    out = build(workspace, tmp_path / "zensical", engine="zensical")
    html = (out / "pain-doux/items/2026-11-20-brioche/index.html").read_text(encoding="utf-8")
    assert "La brioche du week-end est là" in html and "al-mockup" in html
    assert (out / "pain-doux/2026-11/index.html").is_file()
    # Zensical resolves raw-HTML links against the source file: pages are index.md files
    assert_internal_links_resolve(out)
    index = (out / "search.json").read_text(encoding="utf-8")
    assert "Brioche du week-end" in index
    for name, text in text_files(out).items():
        for secret in SECRETS:
            assert secret not in text, f"{secret} leaked into {name}"
        assert "fonts.googleapis" not in text, name


def test_unknown_client_is_a_clear_error(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "--workspace",
            str(workspace),
            "build",
            "--client",
            "nobody",
            "--output",
            str(tmp_path / "x"),
        ]
    )
    assert code == 2 and "no client `nobody`" in capsys.readouterr().err


def test_serve_rebuilds_when_a_post_changes(tmp_path: Path) -> None:
    ws = copy_fixture(tmp_path / "ws")
    options = BuildOptions(root=ws, today=parse_today(TODAY), output=tmp_path / "served")
    stop = threading.Event()
    port = free_port()
    thread = threading.Thread(target=serve, args=(options, port, stop), daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}/velo-vert/items/2026-11-22-atelier/"
    try:
        assert "Repair workshop Saturday" in fetch(url, timeout=60)
        post = ws / "content/velo-vert/posts/2026-11-22-atelier.md"
        post.write_text(
            post.read_text(encoding="utf-8").replace(
                "Repair workshop Saturday", "Repair cafe Sunday"
            ),
            encoding="utf-8",
        )
        deadline = time.monotonic() + 60
        while "Repair cafe Sunday" not in fetch(url) and time.monotonic() < deadline:
            time.sleep(0.3)
        assert "Repair cafe Sunday" in fetch(url)
    finally:
        stop.set()
        thread.join(timeout=30)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str, timeout: float = 5) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_example_workspace_builds(example_ws: Path, tmp_path: Path) -> None:
    out = build(example_ws, tmp_path / "site")
    from generator.content import load_workspace

    ws, _ = load_workspace(example_ws)
    for slug in ws.clients:
        assert (out / slug / "index.html").is_file()
    # the partnership's page, and previews in the posts' formats (issue 14)
    items = out / "fournil-des-halles" / "items"
    deal = (items / "chef-vidal-noel" / "index.html").read_text(encoding="utf-8")
    assert "Aurélien Vidal" in deal and "48\u202f200 abonnés" in deal and "Livrables" in deal
    assert "2026-12-21-brioche-vidal-story/" in deal  # a deliverable links to its post
    sponsored = (items / "2026-12-16-chef-vidal-brioche" / "index.html").read_text("utf-8")
    assert 'class="al-sponsored"' in sponsored
    for slug, shape in (
        ("2026-12-05-fete-des-lumieres-horaires", "story"),
        ("2026-12-08-lumignon-en-pain", "reel"),
        ("2026-12-19-nuit-des-buches", "carousel"),
    ):
        page = (items / slug / "index.html").read_text(encoding="utf-8")
        assert f"al-format-{shape}" in page, slug


def test_calendar_template_matches_the_repository_site_definition(repo_root: Path) -> None:
    ours = files_of(repo_root / "calendar")
    packaged = files_of(repo_root / "generator/templates/workspace/calendar")
    assert ours == packaged


def test_workspace_assets_replace_the_packaged_ones(workspace: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(workspace, ws)
    (ws / "calendar/assets").mkdir(parents=True, exist_ok=True)
    (ws / "calendar/assets/almanac.css").write_text(".al-ours { color: red }\n", encoding="utf-8")
    out = build(ws, tmp_path / "site")
    assert (out / "assets/almanac.css").read_text(encoding="utf-8") == ".al-ours { color: red }\n"
    assert (out / "assets/almanac.js").is_file() and (out / "assets/icons/x.svg").is_file()


def test_client_site_speaks_the_clients_language(example_ws: Path, tmp_path: Path) -> None:
    out = build(example_ws, tmp_path / "nw", client="northwind-outdoor")
    page = (out / "northwind-outdoor/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page and "This week" in page and "Cette semaine" not in page


def test_serve_command_serves_the_site(tmp_path: Path) -> None:
    """The `almanac serve` command itself (options, server, shutdown), as a user starts it."""
    import subprocess
    import sys

    ws = copy_fixture(tmp_path / "ws")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as sink:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "generator",
                "-w",
                str(ws),
                "serve",
                "--port",
                str(port),
                "--today",
                TODAY,
            ],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        page = ""
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                page = fetch(f"http://127.0.0.1:{port}/velo-vert/items/2026-11-22-atelier/")
                break
            except OSError:
                time.sleep(0.3)
        assert "Repair workshop Saturday" in page, log.read_text()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_contest_checklist_is_the_rules_checklist_in_both_languages() -> None:
    from generator.rules.contest import CHECKLIST_NAMES
    from generator.vocabulary import LOCALES, WORDS

    for name in CHECKLIST_NAMES:
        assert len(WORDS[f"ck_{name}"]) == len(LOCALES) and all(WORDS[f"ck_{name}"]), name


def test_search_index_is_written_from_the_model_one_entry_per_page(site: Path) -> None:
    """Search gets each item's captions from the model, not every section of every page."""
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = [entry["location"] for entry in docs]
    assert len(locations) == len(set(locations))  # one entry per page, no section anchors
    assert not any("#" in location for location in locations)
    brioche = next(e for e in docs if e["location"] == "pain-doux/items/2026-11-20-brioche/")
    assert "beurre AOP" in brioche["text"] and "viennoiserie" in brioche["tags"]
    assert "Aperçus" not in brioche["text"]  # the page's headings and previews are not indexed
