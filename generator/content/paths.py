"""Which files a client's content may come from: its own folder, under names that are slugs.

The folder decides the client, so a file must really be in it: a symlink from one client's
posts/ to another client's draft would otherwise publish that draft on the wrong site. Like
media, every file read for a client is resolved (symlinks followed) and must stay inside the
client's folder. Item and client names become page addresses and CSS class names, so they are
slugs: `...md` would otherwise be the page `..`, the client's overview.
"""

from __future__ import annotations

from pathlib import Path

from generator.problems import ProblemList
from generator.schema.common import is_slug

SLUG_RULE = "lower-case letters a-z, digits and dashes, not starting with a dash"


def is_inside(path: Path, folder: Path) -> bool:
    """True when `path`, symlinks resolved, lies inside `folder` (also resolved)."""
    target = path.resolve()
    return folder.resolve() in target.parents


def accept_client_file(path: Path, folder: Path, rel: str, problems: ProblemList) -> bool:
    """Refuse (with a problem) a client's file that leads out of the client's folder."""
    return accept_file_within(path, folder, rel, problems, f"the client's folder `{folder.name}`")


def accept_file_within(
    path: Path, folder: Path, rel: str, problems: ProblemList, owner: str
) -> bool:
    """Refuse (with a problem) a file that leads out of `folder` (`owner` names it for people)."""
    if is_inside(path, folder):
        return True
    problems.add(
        rel,
        1,
        "",
        "file.outside-client",
        # the target is not named: problems are shown on sites, and it may be another client's
        f"this file is a link that leads outside {owner}: its files must be in that folder "
        "(copy the file instead of linking it)",
    )
    return False


def accept_item_name(path: Path, rel: str, problems: ProblemList) -> bool:
    """Refuse an item file whose name is not a slug (it becomes the item's address)."""
    if is_slug(path.stem):
        return True
    problems.add(
        rel,
        1,
        "",
        "item.bad-file-name",
        f"the file name `{path.name}` cannot be an item's address: rename it with {SLUG_RULE}, "
        "e.g. 2026-11-03-launch.md",
    )
    return False


def accept_client_folder(folder: Path, rel: str, problems: ProblemList) -> bool:
    """Refuse a client folder whose name is not a slug (it becomes addresses and CSS names)."""
    if is_slug(folder.name):
        return True
    problems.add(
        rel,
        1,
        "",
        "workspace.bad-client-folder",
        f"the client folder `{folder.name}` is not a valid client name: rename it with "
        f"{SLUG_RULE}, e.g. `atelier-velo`; it is not read until then",
    )
    return False
