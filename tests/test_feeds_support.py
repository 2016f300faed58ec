"""Small workspaces for the feed tests, written into tmp_path, and raw iCalendar checks."""

from __future__ import annotations

import textwrap
from pathlib import Path

from PIL import Image

from generator.content import kinds
from generator.content.loader import load_workspace
from generator.content.model import ClientData, Workspace

SECRETS = ("SECRET-INTERNAL-NOTE", "SECRET-HTML-COMMENT", "SECRET-VARIANT-COMMENT")

CLIENT_YML = """\
name: Maison Test
locale: fr
timezone: Europe/Paris
platforms:
  instagram:
    handle: "@maison"
  facebook:
    handle: "Maison Test"
  x:
    handle: "@maison_x"
"""

POSTS = {
    "2026-10-26-apres-dst": """\
        ---
        title: Après le changement d'heure, pain; levain, \\ fin
        publish_at: 2026-10-26 09:00
        platforms: [instagram, facebook]
        status: approved
        category: promo
        tags: ["automne, 2026", "pain;levain"]
        hashtags: [levain, "#Lyon"]
        internal: SECRET-INTERNAL-NOTE call the baker first
        link: https://example.org/pain
        media:
          - file: media/pain.jpg
            alt: Une miche
        variants:
          facebook:
            caption: "Sur Facebook, virgule; point-virgule \\\\ antislash
              <!-- SECRET-VARIANT-COMMENT -->"
            hashtags: [boulangerie]
            first_comment: Lien en bio
        ---
        Bonjour, le pain; c'est \\ bon
        deuxième ligne <!-- SECRET-HTML-COMMENT --> fin
        """,
    "2026-10-24-avant-dst": """\
        ---
        title: Avant le changement d'heure
        publish_at: 2026-10-24 09:00
        platforms: [instagram]
        status: scheduled
        category: education
        ---
        Éé àà ùù — une légende longue avec des caractères accentués qui dépasse largement la
        limite de soixante-quinze octets par ligne, pour éprouver le pliage UTF-8 : ééééééééééé
        """,
    "2026-11-02-formule": """\
        ---
        title: Formule
        publish_at: 2026-11-02 12:00
        platforms: [instagram, x]
        status: scheduled
        category: promo
        ---
        =HYPERLINK("http://evil.example","clic")
        """,
    "2026-11-03-mention": """\
        ---
        title: "+33 merci"
        publish_at: 2026-11-03 12:00
        platforms: [x]
        status: approved
        category: community
        ---
        @chef.dupont merci pour la recette
        """,
    "2026-11-04-brouillon": """\
        ---
        title: Brouillon
        publish_at: 2026-11-04 12:00
        platforms: [instagram]
        status: draft
        category: promo
        ---
        Pas encore prêt
        """,
    "2026-11-05-annule": """\
        ---
        title: Annulé
        publish_at: 2026-11-05T12:00:00+00:00
        platforms: [facebook]
        status: cancelled
        category: news
        ---
        Finalement non
        """,
}

CONTEST = """\
    ---
    title: Grand concours
    platforms: [instagram]
    status: approved
    starts: 2026-11-10 10:00
    ends: 2026-11-20 23:59
    draw_at: 2026-11-21 11:00
    announce_at: 2026-11-22 12:00
    prize:
      description: Un panier garni
    ---
    Tentez de gagner un panier garni
    """

CURATED = {
    "article-levain": """\
        ---
        title: Article sur le levain
        platforms: [facebook]
        status: selected
        source_name: Le Journal du Pain
        source_url: https://example.org/article
        share_at: 2026-11-06 08:30
        why: SECRET-INTERNAL-NOTE not for the client
        ---
        Un bel article à partager
        """,
    "sans-date": """\
        ---
        title: Sans date
        platforms: [facebook]
        status: candidate
        ---
        Pas de date
        """,
}


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def make_workspace(root: Path, posts: dict[str, str] | None = None) -> Path:
    """A one-client workspace with posts, a contest and curated items (and the media file)."""
    write(root / "almanac.yml", "name: Agence Test\nsite_url: https://example.org/plan/\n")
    folder = root / "content" / "maison"
    write(folder / "client.yml", CLIENT_YML)
    (folder / "media").mkdir(parents=True)
    Image.new("RGB", (8, 8), "#c08040").save(folder / "media" / "pain.jpg")  # check reads media
    for slug, text in (POSTS if posts is None else posts).items():
        write(folder / "posts" / f"{slug}.md", text)
    write(folder / "contests" / "grand-concours.md", CONTEST)
    for slug, text in CURATED.items():
        write(folder / "curated" / f"{slug}.md", text)
    return root


def load_client(root: Path, slug: str = "maison") -> tuple[Workspace, ClientData]:
    ws, problems = load_workspace(root)
    errors = problems.errors()
    assert not errors, [str(p) for p in errors]
    return ws, ws.clients[slug]


def unfold(text: str) -> str:
    """RFC 5545 3.1: a CRLF followed by one space or tab is removed."""
    return text.replace("\r\n ", "").replace("\r\n\t", "")


def check_raw_ics(text: str) -> None:
    """Octet limits, CRLF only, a final CRLF."""
    data = text.encode("utf-8")
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold never cuts a character in two


def test_support_workspace_loads(tmp_path: Path) -> None:
    ws, client = load_client(make_workspace(tmp_path))
    assert len(kinds.POST.items(client.items)) == len(POSTS)
    assert (
        len(kinds.CONTEST.items(client.items)) == 1 and len(kinds.CURATED.items(client.items)) == 2
    )
