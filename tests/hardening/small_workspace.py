"""A small valid workspace (client, post, contest, month notes) to break one file at a time."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PIL import Image

from generator.checking import check_workspace, parse_today
from generator.problems import Problem

TODAY = "2026-11-01"
CLIENT = "acme"
FILES = {
    "almanac.yml": "name: Agence\ntimezone: Europe/Paris\nlocale: fr\n",
    f"content/{CLIENT}/client.yml": (
        "name: Acme\n"
        "timezone: Europe/Paris\n"
        "platforms:\n"
        "  instagram:\n"
        "    handle: '@acme'\n"
        "    cadence:\n"
        "      max_silence_days: 10\n"
        "  facebook:\n"
        "    handle: Acme\n"
        "review_lead_hours: 24\n"
        "objectives:\n"
        "  - metric: reach\n"
        "    target: 1000\n"
        "internal: note de l'agence\n"
    ),
    f"content/{CLIENT}/posts/2026-11-20-annonce.md": (
        "---\n"
        "title: Annonce\n"
        "publish_at: 2026-11-20 10:00\n"
        "platforms: [instagram, facebook]\n"
        "status: draft\n"
        "category: promo\n"
        "tags: [nouveau]\n"
        "media:\n"
        "  - file: media/photo.png\n"
        "    rights: owned\n"
        "boost:\n"
        "  budget: 50\n"
        "  currency: EUR\n"
        "  start: 2026-11-20\n"
        "  end: 2026-11-22\n"
        "contest: jeu\n"
        "internal: à relire\n"
        "---\n"
        "Bientôt chez vous.\n"
    ),
    f"content/{CLIENT}/contests/jeu.md": (
        "---\n"
        "title: Le jeu\n"
        "platforms: [instagram]\n"
        "status: draft\n"
        "starts: 2026-11-10 09:00\n"
        "ends: 2026-11-24 18:00\n"
        "participants: 10\n"
        "prize:\n"
        "  description: Un panier\n"
        "  value: 40\n"
        "---\n"
        "Jouez !\n"
    ),
    f"content/{CLIENT}/months/2026-11.md": (
        "---\nsummary: Un bon mois.\ntone:\n  positive: 3\n---\nNotes du mois.\n"
    ),
}
POST = f"content/{CLIENT}/posts/2026-11-20-annonce.md"
CONTEST = f"content/{CLIENT}/contests/jeu.md"
CLIENT_FILE = f"content/{CLIENT}/client.yml"
MONTH_FILE = f"content/{CLIENT}/months/2026-11.md"


def write_small_workspace(root: Path) -> Path:
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    media = root / "content" / CLIENT / "media"
    media.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (32, 32), "#cc3300").save(media / "photo.png")
    return root


def today() -> datetime:
    return parse_today(TODAY)


def check(root: Path) -> list[Problem]:
    """Every problem `almanac check` finds, in-process: an exception here is a crash."""
    _ws, problems = check_workspace(root, today())
    return problems
