"""Item pages show the approval record and the git history, from real repositories."""

from __future__ import annotations

import subprocess
from datetime import datetime
from html import unescape
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from history_helpers import WRITER, GitRepo
from test_site_build import build, copy_fixture, files_of, text_files

from generator.content import load_workspace
from generator.repo.history import Change, Commit, ItemHistory, Person
from generator.repo.workspace_history import WorkspaceHistory, history_missing
from generator.site_pages.history_section import render_history

CLAIRE = ("Claire Martin", "claire@paindoux.example")  # listed in client.yml (by name)
ODD = ('Eve &lt;script&gt; "Quote" & Co', "eve@agency.example")  # git drops a bare < or >
VERA = ("Vera Velo", "vera@velovert.example")
GALETTE = "content/pain-doux/posts/2026-11-23-galette.md"
BRIOCHE = "content/pain-doux/posts/2026-11-20-brioche.md"
ATELIER = "content/velo-vert/posts/2026-11-22-atelier.md"


def edit(
    repo: GitRepo, rel: str, old: str, new: str, message: str, who: tuple[str, str], when: str
) -> str:
    text = (repo.root / rel).read_text(encoding="utf-8")
    assert old in text
    return repo.put(message, rel, text.replace(old, new), who=who, when=when)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[GitRepo, dict[str, str]]:
    """The site fixture committed by a writer, approved by Claire, then edited by the writer."""
    root = copy_fixture(tmp_path_factory.mktemp("history") / "ws")
    repo = GitRepo(root)
    shas = {"start": repo.commit("Workspace", when="2026-11-01T09:00:00+01:00")}
    shas["approve"] = edit(
        repo,
        GALETTE,
        "status: in_review",
        "status: approved",
        "Approve",
        CLAIRE,
        "2026-11-10T10:00:00+01:00",
    )
    shas["late"] = edit(
        repo,
        GALETTE,
        "Notre galette frangipane",
        "Notre galette maison",
        "Reword",
        WRITER,
        "2026-11-12T15:30:00+01:00",
    )
    shas["odd"] = edit(
        repo,
        BRIOCHE,
        "tags: [viennoiserie, weekend]",
        "tags: [viennoiserie]",
        "Tags",
        ODD,
        "2026-11-13T08:00:00+01:00",
    )
    shas["vera"] = edit(
        repo, ATELIER, "for free", "for free, with tea", "Tea", VERA, "2026-11-15T12:00:00+01:00"
    )
    return repo, {k: v[:10] for k, v in shas.items()}


@pytest.fixture(scope="module")
def site(repo: tuple[GitRepo, dict[str, str]]) -> Path:
    return build(repo[0].root, repo[0].root.parent / "site")


def page(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


def test_item_page_shows_approver_and_edit_after_approval(
    site: Path, repo: tuple[GitRepo, dict[str, str]]
) -> None:
    shas = repo[1]
    html = page(site, "pain-doux/items/2026-11-23-galette")
    approval = html[html.index('id="approval"') : html.index('id="history"')]
    assert "Validé par <strong>Claire Martin</strong>" in approval
    assert "(gérante)" in approval and "10 nov. 2026 · 10:00" in approval
    assert f"<code>{shas['approve']}</code>" in approval
    warning = approval[approval.index("Modifié après validation") :]
    assert "légende" in warning and "12 nov. 2026 · 15:30" in warning
    assert f"<code>{shas['late']}</code>" in warning and "Camille Writer" in warning
    assert "approval.edited-after" in html  # with the item's other problems


def test_history_lists_changes_newest_first(
    site: Path, repo: tuple[GitRepo, dict[str, str]]
) -> None:
    shas = repo[1]
    html = page(site, "pain-doux/items/2026-11-23-galette")
    history = html[html.index('id="history"') :]
    assert "statut En relecture → Validé" in history
    assert "création (En relecture)" in history and "Claire Martin" in history
    spots = [history.index(f"<code>{shas[k]}</code>") for k in ("late", "approve", "start")]
    assert spots == sorted(spots)
    assert history.count("<li>") == 3


def test_dates_in_the_clients_timezone(site: Path, repo: tuple[GitRepo, dict[str, str]]) -> None:
    html = page(site, "velo-vert/items/2026-11-22-atelier")  # Europe/London
    assert "15 nov. 2026 · 11:00" in html and "Vera Velo" in html


def test_author_names_are_escaped_and_emails_left_out(site: Path) -> None:
    html = page(site, "pain-doux/items/2026-11-20-brioche")
    assert "Eve &amp;lt;script&amp;gt; &quot;Quote&quot; &amp; Co" in html
    assert '&lt;script&gt; "Quote"' not in html
    for name, text in text_files(site).items():
        for email in ("claire@", "camille@", "eve@", "vera@"):
            assert email not in text, (name, email)


def test_approval_problems_count_on_the_home_page(site: Path) -> None:
    """Said in words as work to do (issue 17), no longer as a rule id and a count."""
    home = page(site, ".")
    queue = home[home.index('id="to-do"') : home.index('id="clients"')]
    assert 'data-action="edited_after" data-client="pain-doux"' in queue
    assert "Galette des rois" in queue
    row = home[home.index('data-almanac-client="pain-doux"') :]
    assert "Modifié après validation\u00a0: 1" in row
    assert "approval.edited-after" not in home


def test_client_site_has_only_that_clients_history(repo: tuple[GitRepo, dict[str, str]]) -> None:
    out = build(repo[0].root, repo[0].root.parent / "client-site", client="pain-doux")
    assert "Claire Martin" in page(out, "pain-doux/items/2026-11-23-galette")
    for name, text in text_files(out).items():
        assert "Vera Velo" not in text and repo[1]["vera"] not in text, name


def test_two_builds_are_identical(site: Path, repo: tuple[GitRepo, dict[str, str]]) -> None:
    again = build(repo[0].root, repo[0].root.parent / "site-again")
    assert files_of(again) == files_of(site)


def test_build_outside_git_says_there_is_no_history(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "ws")
    assert history_missing(root) == "not_git"
    html = page(build(root, tmp_path / "site"), "pain-doux/items/2026-11-23-galette")
    assert (
        "Aucun historique disponible : l'espace de travail n'est pas dans un dépôt git."
        in unescape(html)
    )
    assert 'id="approval"' not in html


def test_no_commits_and_shallow_clone_give_a_reason(
    tmp_path: Path, repo: tuple[GitRepo, dict[str, str]]
) -> None:
    empty = GitRepo(tmp_path / "empty").root
    assert history_missing(empty) == "no_commits"
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo[0].root}", str(shallow)], check=True
    )
    ws, _ = load_workspace(shallow, history=True)  # asked for: the workspace carries it
    found = ws.history
    assert found is not None
    assert found.missing == "shallow" and not found.items and not found.records
    assert load_workspace(shallow)[0].history is None  # not asked for: git is not run


def test_renderer_escapes_markup_in_names() -> None:
    who = Person("<script>alert(1)</script>", "x@example.org")
    moment = datetime.fromisoformat("2026-11-02T09:00:00+00:00")
    commit = Commit("a" * 40, who, who, moment, moment, "<b>subject</b>")
    change = Change(commit, "created", GALETTE, None, ("status", "caption"), None, "<i>")
    site = WorkspaceHistory({GALETTE: ItemHistory(GALETTE, [change])})
    html = render_history(site, GALETTE, "pain-doux/galette", ZoneInfo("Europe/Paris"), "en")
    assert "<script>" not in html and "<i>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "created (&lt;i&gt;)" in html
    assert "2 Nov 2026 · 10:00" in html
