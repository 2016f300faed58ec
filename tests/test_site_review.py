"""An item page's review path, from real git repositories: the state, what changed, who, actions."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from history_helpers import APPROVER, OUTSIDER, WRITER, GitRepo, new_workspace, post_text

from generator.checking import parse_today
from generator.site_build import BuildOptions, calendar_folder, load_model, render_project

POSTS = "content/fournil/posts"
CAPTION = (
    "Nos croissants du matin, feuilletés au beurre de Charentes, sortent du four à sept heures "
    "tous les jours sauf le lundi. Venez tôt !"
)


def approve(repo: GitRepo, slug: str, who: tuple[str, str], category: str = "promo") -> None:
    """Written by the writer, in review, then moved to approved by `who`."""
    rel = f"{POSTS}/{slug}.md"
    text = post_text(title=slug.title(), status="in_review", caption=CAPTION)
    repo.put(f"Write {slug}", rel, text.replace("category: promo", f"category: {category}"))
    approved = (repo.root / rel).read_text(encoding="utf-8").replace("in_review", "approved")
    repo.put(f"Approve {slug}", rel, approved, who=who, when="2026-09-20T10:00:00+02:00")


def replace(repo: GitRepo, slug: str, old: str, new: str, commit: bool = True) -> None:
    rel = f"{POSTS}/{slug}.md"
    text = (repo.root / rel).read_text(encoding="utf-8")
    assert old in text
    if commit:
        repo.put(f"Edit {slug}", rel, text.replace(old, new), when="2026-09-22T15:30:00+02:00")
    else:
        repo.write(rel, text.replace(old, new))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Item pages of a workspace where each post is in one review state."""
    repo = new_workspace(tmp_path_factory.mktemp("review") / "ws")
    approve(repo, "valid", APPROVER)
    approve(repo, "edited", APPROVER)
    replace(repo, "edited", "feuilletés au beurre de Charentes", "feuilletés au beurre doux")
    replace(repo, "edited", "2026-10-05 12:30", "2026-10-06 18:00")
    approve(repo, "outsider", OUTSIDER)
    approve(repo, "wrong-kind", APPROVER, category="contest")
    approve(repo, "working-copy", APPROVER)
    replace(repo, "working-copy", "Venez tôt !", "Venez tôt, il y en a peu !", commit=False)
    waiting = post_text(title="Waiting", status="in_review").replace("promo", "contest")
    repo.put("Waiting", f"{POSTS}/waiting.md", waiting, who=WRITER)
    repo.git("remote", "add", "origin", "https://bot:s3cret-token@github.com/agence/plan.git")
    options = BuildOptions(root=repo.root, today=parse_today("2026-10-01"))
    model, _ = load_model(options)
    project = render_project(model, options, calendar_folder(repo.root))
    return {p.path.rsplit("/", 1)[-1]: p.body for p in project.pages if "/items/" in p.path}


def section(page: str) -> str:
    return page[page.index('<section class="al-review') : page.index("</section>")]


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_header_says_the_real_state_not_only_the_status(pages: dict[str, str]) -> None:
    """The header said "Validé" whatever happened after; now a badge tells the truth."""
    expected = {
        "valid": "validation vérifiée",
        "edited": "modifié après validation",
        "working-copy": "modifié après validation",
        "outsider": "validation non valable",
        "wrong-kind": "validation non valable",
        "waiting": "en attente de Paul Lead",
    }
    for slug, words in expected.items():
        head = pages[slug][: pages[slug].index("</dl>")]
        badge = re.search(r'<span class="al-review-badge[^"]*"[^>]*>(.*?)</span>', head)
        assert badge and words in text_of(badge.group(1)), slug


def test_edited_after_approval_shows_the_word_diff_from_git(pages: dict[str, str]) -> None:
    review = section(pages["edited"])
    assert "Ce qui a changé depuis la version validée" in review
    caption = review[review.index('data-part="caption"') :]
    caption = caption[: caption.index("</div>")]
    assert '<del title="retiré">de Charentes</del>' in caption
    assert '<ins title="ajouté">doux</ins>' in caption
    assert "Venez tôt" not in caption  # far from the change: shortened to a gap
    when = review[review.index('data-part="when"') :]
    when = when[: when.index("</div>")]
    assert (
        '<del title="retiré">2026-10-05 12:30</del><ins title="ajouté">2026-10-06 18:00</ins>'
        in when
    )
    assert "Modifié le 22 sept. 2026 · 15:30 par Camille Writer : légende" in text_of(review)


def test_working_copy_edits_are_diffed_too(pages: dict[str, str]) -> None:
    review = section(pages["working-copy"])
    assert "dans la copie de travail, non commité" in text_of(review)
    assert '<ins title="ajouté">, il y en a peu</ins>' in review


def test_invalid_approvals_say_why_in_words(pages: dict[str, str]) -> None:
    outsider = text_of(section(pages["outsider"]))
    assert "Cette validation ne compte pas" in outsider
    assert (
        "Olivier Outsider l'a validé, mais ne fait pas partie des approbateurs de "
        "Fournil Test (Jeanne Brand, Paul Lead)." in outsider
    )
    wrong = text_of(section(pages["wrong-kind"]))
    assert "la catégorie « Jeu-concours » doit être validée par Paul Lead" in wrong
    for page in (outsider, wrong):
        assert "approval." not in page and "content/" not in page.split("Agir")[0]


def test_approvers_list_says_who_already_approved(pages: dict[str, str]) -> None:
    """Jeanne approved; the list said she "doit approuver" all the same."""
    valid = section(pages["valid"])
    assert re.search(
        r"Jeanne Brand \(brand manager\) — <span class=\"al-yes\">✓</span> a validé", valid
    )
    assert "Paul Lead" not in valid  # contests only: not concerned by a promo post
    edited = section(pages["edited"])
    assert "Jeanne Brand (brand manager) — a validé une version antérieure" in text_of(edited)


def test_waiting_names_the_approvers_of_the_category(pages: dict[str, str]) -> None:
    review = text_of(section(pages["waiting"]))
    assert "En attente de validation par Paul Lead." in review
    assert "Paul Lead (account lead) — doit approuver" in review


def test_forge_links_from_the_git_remote_without_its_token(pages: dict[str, str]) -> None:
    review = section(pages["edited"])
    links = [html.unescape(h) for h in re.findall(r'href="([^"]+)"', review)]
    issue = next(u for u in links if "/issues/new?" in u)
    assert issue.startswith("https://github.com/agence/plan/issues/new?")
    fields = parse_qs(urlsplit(issue).query)
    assert fields["title"] == ["Modifications demandées : Edited (Fournil Test)"]
    assert "Fichier : content/fournil/posts/edited.md" in fields["body"][0]
    pulls = next(u for u in links if "/pulls?" in u)
    assert parse_qs(urlsplit(pulls).query)["q"] == ["is:pr is:open edited.md"]
    mail = next(u for u in links if u.startswith("mailto:"))
    assert "Ce%20qu%27il%20faut%20changer" in mail
    assert all("s3cret" not in page and "bot:" not in page for page in pages.values())


def test_curated_and_draft_items_have_actions_but_no_approval_state(
    tmp_path: Path,
) -> None:
    repo = new_workspace(tmp_path / "ws")
    repo.put("Idea", f"{POSTS}/idea.md", post_text(title="Idea", status="draft"))
    options = BuildOptions(root=repo.root, today=parse_today("2026-10-01"))
    model, _ = load_model(options)
    project = render_project(model, options, calendar_folder(repo.root))
    page = next(p.body for p in project.pages if p.path.endswith("/idea"))
    review = section(page)
    assert "Pas encore soumis à la relecture." in text_of(review)
    assert "al-review-badge" not in page  # nothing to claim yet
    assert "mailto:?subject=" in review and "/issues/new" not in review  # no forge known


def test_a_clients_site_asks_for_changes_without_naming_files(tmp_path: Path) -> None:
    """The client's own site (build --client) keeps its request text free of workspace paths."""
    repo = new_workspace(tmp_path / "ws")
    approve(repo, "valid", APPROVER)
    options = BuildOptions(root=repo.root, today=parse_today("2026-10-01"), client="fournil")
    model, _ = load_model(options)
    project = render_project(model, options, calendar_folder(repo.root))
    page = next(p.body for p in project.pages if p.path.endswith("/valid"))
    mail = html.unescape(re.search(r'href="(mailto:[^"]+)"', page).group(1))  # type: ignore[union-attr]
    assert "content" not in mail and "Page%20%3A%20fournil/items/valid/" in mail
    assert "La validation est en règle" in text_of(section(page))
