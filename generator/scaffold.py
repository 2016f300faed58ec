"""Writing new things: a workspace (`almanac init`) and new items (`almanac new`)."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

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


def init_workspace(target: Path, name: str | None, today: datetime) -> list[Path]:
    """Create a workspace that passes `almanac check`, with one sample client and post."""
    if (target / "almanac.yml").exists():
        raise AlmanacError(
            f"{target} already holds a workspace (almanac.yml exists); nothing was changed",
            exit_code=1,
        )
    target.mkdir(parents=True, exist_ok=True)
    written = copy_template(target)
    if name:
        settings = target / "almanac.yml"
        text = settings.read_text(encoding="utf-8").replace(
            "name: My Agency", f"name: {quoted(name)}"
        )
        settings.write_text(text, encoding="utf-8")
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
    name = f"{when:%Y-%m-%d}-{slug}.md" if kind.dated_file_name else f"{slug}.md"
    return client_dir / kind.folder / name


def front_matter(
    kind: Kind[Any], title: str, when: datetime, platforms: list[str], post_kind: str
) -> str:
    """A new item file: title and networks, then the fields its kind starts with."""
    lines = [f"title: {quoted(title)}", f"platforms: [{', '.join(platforms)}]"]
    lines += kind.starter(when, quoted(post_kind))
    return "---\n" + "\n".join(lines) + "\n---\n" + kind.starter_body


def write_new_item(
    root: Path,
    client: str,
    kind: str,
    title: str,
    when: datetime,
    platforms: list[str],
    post_kind: str = "education",
) -> Path:
    """Write a new item file; refuse to overwrite one that exists."""
    client_dir = root / "content" / client
    spec = kind_named(kind)
    path = item_path(client_dir, spec, slugify(title), when)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(front_matter(spec, title, when, platforms, post_kind))
    except FileExistsError:
        raise AlmanacError(
            f"{path.relative_to(root).as_posix()} already exists: choose "
            "another title, nothing was overwritten",
            exit_code=1,
        ) from None
    return path
