"""Small workspaces for the rules tests: write almanac.yml, client.yml and items, then check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from PIL import Image

from generator.checking import check_workspace, parse_today
from generator.problems import Problem

TODAY = "2026-11-21"
SLUG = "acme"

BASE_CLIENT: dict[str, Any] = {
    "name": "Acme",
    "locale": "en",
    "timezone": "Europe/Paris",
    "platforms": {
        name: {"handle": "@acme"} for name in ("instagram", "facebook", "linkedin", "x", "tiktok")
    },
}


def dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


class Workspace:
    """A workspace in a temporary folder with one client, `acme`, and no items yet."""

    def __init__(self, root: Path, settings: dict[str, Any] | None = None, **client: Any) -> None:
        self.root = root
        self.client_dir = root / "content" / SLUG
        (self.client_dir / "media").mkdir(parents=True)
        (root / "almanac.yml").write_text(
            dump({"name": "Test Agency", **(settings or {})}), encoding="utf-8"
        )
        self.write_client(**client)

    def write_client(self, **fields: Any) -> Path:
        path = self.client_dir / "client.yml"
        path.write_text(dump({**BASE_CLIENT, **fields}), encoding="utf-8")
        return path

    def write_item(self, folder: str, slug: str, fields: dict[str, Any], body: str) -> Path:
        for medium in fields.get("media", []):
            self.touch(medium["file"])
        for name in fields.get("visuals", {}).values():
            self.touch(name)
        path = self.client_dir / folder / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{dump(fields)}---\n{body}\n", encoding="utf-8")
        return path

    def touch(self, name: str) -> None:
        target = self.client_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (8, 8), "#c08040").save(target, format="PNG")  # check reads media

    def post(self, slug: str, body: str = "A good post about bread.", **fields: Any) -> Path:
        """A clean post by default: scheduled, with an owned, described image."""
        base: dict[str, Any] = {
            "title": slug.replace("-", " ").title(),
            "publish_at": "2026-11-25 12:30",
            "platforms": ["instagram"],
            "status": "scheduled",
            "category": "education",
            "media": [{"file": "media/photo.jpg", "alt": "Loaves on a table", "rights": "owned"}],
        }
        return self.write_item("posts", slug, {**base, **fields}, body)

    def curated(self, slug: str, body: str = "Worth reading.", **fields: Any) -> Path:
        base: dict[str, Any] = {
            "title": slug.replace("-", " ").title(),
            "platforms": ["linkedin"],
            "status": "selected",
            "source_url": "https://example.org/article",
            "source_name": "Example Weekly",
            "credit": "via Example Weekly",
            "share_at": "2026-11-26 12:30",
        }
        return self.write_item("curated", slug, {**base, **fields}, body)

    def contest(self, slug: str, after_post: bool = True, **fields: Any) -> Path:
        """A complete contest by default, with its after-contest post."""
        base: dict[str, Any] = {
            "title": "Win a cake",
            "platforms": ["instagram"],
            "status": "scheduled",
            "starts": "2026-11-23 09:00",
            "ends": "2026-11-30 20:00",
            "draw_at": "2026-12-01 10:00",
            "announce_at": "2026-12-01 18:00",
            "organizers": ["Acme SAS"],
            "prize": {"description": "A cake", "value": 40, "quantity": 1},
            "rules": "https://example.org/rules",
            "eligibility": "Adults living in France",
            "mechanics": "Comment and follow",
            "draw_method": "Random draw by a bailiff",
            "shipping": {"status": "pending"},
            "visuals": {
                "launch": "media/launch.png",
                "reminder": "media/reminder.png",
                "results": "media/results.png",
            },
        }
        path = self.write_item("contests", slug, {**base, **fields}, "Enter now!")
        if after_post:
            self.post(
                f"{slug}-results", publish_at="2026-12-02 12:30", contest=slug, category="contest"
            )
        return path

    def check(self, today: str = TODAY) -> list[Problem]:
        _, problems = check_workspace(self.root, parse_today(today))
        return problems


def of_rule(problems: list[Problem], rule: str) -> list[Problem]:
    return [p for p in problems if p.rule == rule]


def line_of(path: Path, text: str) -> int:
    """The first line of a file that contains `text` (1-based)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def rel(ws: Workspace, path: Path) -> str:
    return path.relative_to(ws.root).as_posix()
