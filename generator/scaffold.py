"""Writing new things: a workspace (`almanac init`) and new items (`almanac new`)."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from generator.atomic import remove_leftovers, write_new
from generator.content import layout
from generator.content.kinds import Kind, kind_named
from generator.problems import AlmanacError

TEMPLATE = "templates/workspace"
RENAMED = {"gitignore.txt": ".gitignore"}


def slugify(text: str, limit: int = 60) -> str:
    """`Fête des Lumières !` → `fete-des-lumieres`; never starts with a dash."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "item"


def quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML): no guessing possible."""
    return json.dumps(value, ensure_ascii=False)


def copy_template(target: Path) -> list[Path]:
    """Copy the packaged workspace template into `target`, never overwriting a file."""
    root = resources.files("generator").joinpath(TEMPLATE)
    written: list[Path] = []
    with resources.as_file(root) as source:
        for path in sorted(p for p in Path(source).rglob("*") if p.is_file()):
            if "__pycache__" in path.parts:
                continue
            rel = path.relative_to(source)
            dest = target / rel.parent / RENAMED.get(rel.name, rel.name)
            if dest.exists():
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
            written.append(dest)
    return written


@dataclass(frozen=True)
class WorkspaceOptions:
    """What `almanac init` was asked for; None keeps the template's value."""

    name: str | None = None
    locale: str | None = None
    timezone: str | None = None


def fill_template(path: Path, replacements: dict[str, str]) -> None:
    """Replace whole template lines such as `locale: fr` (each must be there)."""
    text = path.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert f"\n{old}\n" in f"\n{text}", (path, old)  # the template is ours: a typo is a bug
        text = text.replace(f"{old}\n", f"{new}\n", 1)
    path.write_text(text, encoding="utf-8")


def template_replacements(options: WorkspaceOptions) -> dict[str, str]:
    out = {}
    if options.locale:
        out["locale: fr"] = f"locale: {options.locale}"
    if options.timezone:
        out["timezone: Europe/Paris"] = f"timezone: {options.timezone}"
    return out


def init_workspace(target: Path, options: WorkspaceOptions, today: datetime) -> list[Path]:
    """Create a workspace that passes `almanac check`, with one sample client and post."""
    if (target / layout.SETTINGS_FILE).exists():
        raise AlmanacError(
            f"{target} already holds a workspace (almanac.yml exists); nothing was changed",
            exit_code=1,
        )
    target.mkdir(parents=True, exist_ok=True)
    written = copy_template(target)
    settings = template_replacements(options)
    if options.name:
        settings["name: My Agency"] = f"name: {quoted(options.name)}"
    fill_template(target / layout.SETTINGS_FILE, settings)
    fill_template(layout.client_file(target, "sample-client"), template_replacements(options))
    when = (today + timedelta(days=14)).replace(hour=12, minute=30, second=0, microsecond=0)
    written.append(
        write_new_item(
            target,
            "sample-client",
            "post",
            "Welcome to our page",
            when.replace(tzinfo=None),
            ["instagram"],
            "community",
        )
    )
    return written


def item_path(client_dir: Path, kind: Kind[Any], slug: str, when: datetime) -> Path:
    if kind.monthly_file:
        return client_dir / kind.folder / f"{when:%Y-%m}.md"
    name = f"{when:%Y-%m-%d}-{slug}.md" if kind.dated_file_name else f"{slug}.md"
    return client_dir / kind.folder / name


def front_matter(
    kind: Kind[Any], title: str, when: datetime, platforms: list[str], category: str
) -> str:
    """A new item file: title and networks, then the fields its kind starts with."""
    lines = [f"title: {quoted(title)}", f"platforms: [{', '.join(platforms)}]"]
    lines += kind.starter(when, quoted(category))
    return "---\n" + "\n".join(lines) + "\n---\n" + kind.starter_body


def write_new_item(
    root: Path,
    client: str,
    kind: str,
    title: str,
    when: datetime,
    platforms: list[str],
    category: str = "education",
) -> Path:
    """Write a new item file; refuse to overwrite one that exists."""
    spec = kind_named(kind)
    path = item_path(layout.client_dir(root, client), spec, slugify(title), when)
    try:  # whole or not at all: a killed `new` leaves no half-written item behind
        write_new(path, front_matter(spec, title, when, platforms, category).encode("utf-8"))
    except FileExistsError:
        raise AlmanacError(
            f"{path.relative_to(root).as_posix()} already exists: choose "
            "another title, nothing was overwritten",
            exit_code=1,
        ) from None
    return path


# Posting windows a new client starts with (local time), until the agency knows its audience:
# the hours the networks' own guidance and the trade's studies keep pointing at.
DEFAULT_WINDOWS = {
    "linkedin": ["08:00-10:00", "12:00-13:30"],
    "youtube": ["12:00-14:00", "17:00-20:00"],
}
COMMON_WINDOWS = ["07:30-09:30", "12:00-14:00", "18:00-21:00"]


@dataclass(frozen=True)
class NewClient:
    """What `almanac new client` was asked for."""

    slug: str
    name: str
    locale: str
    timezone: str
    platforms: dict[str, str | None]  # network -> handle (None: guessed from the slug)


def guessed_handle(slug: str) -> str:
    return "@" + slug.replace("-", "")


def client_yaml(client: NewClient) -> str:
    """client.yml of a new client: valid, with a cadence and posting windows per network."""
    lines = [
        '# A client of the agency. Reference: `almanac schema client`, README "Reference".',
        f"name: {quoted(client.name)}",
        f"locale: {client.locale}",
        f"timezone: {client.timezone}",
        "brand:",
        '  colour: "#1d4e89"',
        "platforms:",
    ]
    for network, handle in client.platforms.items():
        note = "  # guessed from the folder name: check it" if handle is None else ""
        windows = ", ".join(quoted(w) for w in DEFAULT_WINDOWS.get(network, COMMON_WINDOWS))
        lines += [
            f"  {network}:",
            f"    handle: {quoted(handle or guessed_handle(client.slug))}{note}",
            "    cadence: {max_per_week: 5, min_gap_hours: 12}",
            f"    windows: [{windows}]",
        ]
    lines += [
        "# people whose approval counts: name and email as in their git commits",
        "approvers: []",
        "review_lead_hours: 48",
    ]
    return "\n".join(lines) + "\n"


def write_new_client(root: Path, client: NewClient) -> Path:
    """content/<slug>/client.yml for a new client; refuse a client that exists."""
    folder = layout.client_dir(root, client.slug)
    path = layout.client_file(root, client.slug)
    # a folder holding nothing but a killed write's temp is what a `new client` killed at
    # birth leaves: nothing to lose there, so it is taken
    remove_leftovers(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise AlmanacError(
            f"content/{client.slug}/ already exists: choose another slug, nothing was changed",
            exit_code=1,
        )
    write_new(path, client_yaml(client).encode("utf-8"))
    return path
