"""A client's own site (`build --client`) shows only what that client should see (issue 17).

Built from a copy of the example workspace seen three weeks after its own day (so posts are
missed and problems abound, all of them the agency's): the scan reads every text
file of the site (pages, search index, feeds, exports) for what a client must never read:
a rule id of the registry, a workspace file path, the title of an idea or a draft, the name
or folder of another client. A second build with `--include-drafts` shows the drafts again.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator.clock import parse_today
from generator.content.loader import load_workspace
from generator.content.model import Workspace
from generator.rules.engine import RULES
from generator.site_build import BuildOptions, build_site
from generator.vocabulary import WORDS
from tests.conftest import copy_workspace

TODAY = "2026-12-10T09:00:00+01:00"
CLIENT = "fournil-des-halles"
TEXT_SUFFIXES = {".html", ".json", ".ics", ".csv", ".xml", ".js", ".css", ".txt"}
TAG = re.compile(r"<[^>]+>")
URL_ATTRIBUTE = re.compile(r"\s(?:href|src)=\"[^\"]*\"")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_workspace(tmp_path_factory.mktemp("audience") / "ws")


@pytest.fixture(scope="module")
def loaded(workspace: Path) -> Workspace:
    ws, _problems = load_workspace(workspace)
    return ws


def build(ws: Path, out: Path, **options: object) -> Path:
    build_site(BuildOptions(root=ws, today=parse_today(TODAY), output=out, **options))  # type: ignore[arg-type]
    return out


@pytest.fixture(scope="module")
def client_site(workspace: Path) -> Path:
    return build(workspace, workspace.parent / "client-site", client=CLIENT)


def site_texts(site: Path) -> dict[str, str]:
    """Every text file of the built site, by its path in the site."""
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix in TEXT_SUFFIXES
    }


def shown(text: str) -> str:
    """What a reader can read: the text and attributes of a page, but not its link targets."""
    return html.unescape(URL_ATTRIBUTE.sub("", text))


def rule_ids() -> set[str]:
    """Every rule id the site could show: the registry's and the other checks' (approvals…)."""
    return set(RULES) | {key.removeprefix("problem.") for key in WORDS if key.count(".") >= 2}


def test_rule_ids_are_known(loaded: Workspace) -> None:
    """The scan below is only as good as its list: it must hold the rules that fire here."""
    ids = rule_ids()
    assert {"workflow.missed", "approval.edited-after", "cadence.window"} <= ids


def test_client_site_shows_no_rule_id_no_path_no_draft_no_other_client(
    client_site: Path, loaded: Workspace
) -> None:
    ids = rule_ids()
    paths = {item.source.rel for item in loaded.items()} | {
        f"content/{slug}/client.yml" for slug in loaded.clients
    }
    drafts = {
        item.title
        for item in loaded.clients[CLIENT].items
        if item.status in ("idea", "draft", "candidate", "rejected")
    }
    assert drafts, "the example has ideas and drafts to hide"
    others = [(c.slug, c.name) for slug, c in loaded.clients.items() if slug != CLIENT]
    found = []
    for name, text in site_texts(client_site).items():
        readable = shown(text)
        found += [(name, rule) for rule in ids if rule in readable]
        found += [(name, path) for path in paths if path in readable]
        found += [(name, title) for title in drafts if title in html.unescape(text)]
        for slug, client_name in others:
            found += [(name, n) for n in (slug, client_name) if n in html.unescape(text)]
    assert not found, found[:10]


def test_client_site_shows_no_internal_problem(client_site: Path) -> None:
    """The agency's problems are the agency's to fix: no list, no mark on the grid."""
    for name, text in site_texts(client_site).items():
        if name.endswith(".html"):
            assert 'class="al-problems"' not in text, name
            assert "al-flagged" not in text, name


def test_client_site_shows_no_command(client_site: Path) -> None:
    """Commands to type are the team's: a client reads that a report is not ready yet."""
    for name, text in site_texts(client_site).items():
        assert "almanac report" not in text and "almanac build" not in text, name


def test_client_site_keeps_the_reviewers_work(client_site: Path) -> None:
    """What waits for the client's own approval stays on their site's queue."""
    home = (client_site / "index.html").read_text(encoding="utf-8")
    assert 'data-action="awaiting_approval"' in home
    assert 'data-action="missed"' not in home


def test_include_drafts_shows_them_again(workspace: Path, loaded: Workspace) -> None:
    site = build(workspace, workspace.parent / "drafts-site", client=CLIENT, include_drafts=True)
    draft = next(i for i in loaded.clients[CLIENT].items if i.status == "draft")
    assert (site / f"{CLIENT}/items/{draft.slug}/index.html").is_file()


def test_team_site_keeps_details_in_a_fold(workspace: Path) -> None:
    """The team still sees file, line and rule, folded under the sentence in its language."""
    site = build(workspace, workspace.parent / "team-site")
    page = (site / "fournil-des-halles/index.html").read_text(encoding="utf-8")
    problems = page[page.index('id="problems"') :]
    first = problems[problems.index("<li") : problems.index("</li>")]
    sentence = TAG.sub("", first[: first.index("<details")]).strip()
    assert sentence and "content/" not in sentence
    assert not [rule for rule in rule_ids() if rule in sentence]
    assert "<summary>Détails</summary><code>content/fournil-des-halles/" in first
    assert first.startswith('<li class="al-problem') and '<a href="items/' in first  # to the item


ISO_DAY = re.compile(r"\b20\d\d-\d\d(?:-\d\d)?\b")
DETAILS = re.compile(r'<details class="al-problem-details">.*?</details>', re.S)
CODE = re.compile(r"<code>.*?</code>", re.S)  # commands to type, as typed
FILE_NAME = re.compile(r"\S+\.(?:pdf|jpe?g|png|gif|webp|mp4|mov|webm)\b")  # dated by people


def test_team_site_says_dates_numbers_and_money_in_its_language(workspace: Path) -> None:
    """No ISO date or English number in what the French site writes itself (issue 17 saw
    "2,200 caractères", "80 GBP traffic 2026-12-02", "Trouvé le 2026-10-30", "› 2026-10")."""
    site = build(workspace, workspace.parent / "words-site")
    found = []
    for name, text in site_texts(site).items():
        if not name.endswith("index.html") or name.startswith("search"):
            continue
        body = text[text.find("<article") : text.rfind("</article>")]
        body = CODE.sub("", DETAILS.sub("", body))  # the team's fold keeps `check`'s own words
        readable = FILE_NAME.sub(" ", TAG.sub(" ", shown(body)))
        found += [(name, m.group(0)) for m in ISO_DAY.finditer(readable)]
        found += [(name, m.group(0)) for m in re.finditer(r"\d,\d{3} caractères", readable)]
    assert not found, found[:10]
    boosted = site_texts(site)["atelier-velo/items/2026-10-27-pack-eclairage/index.html"]
    assert "50,00\u00a0€ · Objectif\u00a0: trafic · du 27 oct. 2026 au 2 nov. 2026" in boosted
