"""Checks across files: referenced media exist and are images, networks and contests exist."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

from generator.content.kinds import CONTEST, contest_of
from generator.content.model import AnyItem, ClientData, Source, Workspace
from generator.problems import ProblemList

# Media that are not pictures: Pillow cannot (and need not) read them
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".webm", ".avi", ".mkv"})


def check_file(
    client: ClientData,
    source: Source,
    name: str,
    field: tuple[str | int, ...],
    problems: ProblemList,
) -> None:
    """Report a referenced file that is missing or that points outside the client folder."""
    folder = client.folder.resolve()
    target = (client.folder / name).resolve()
    label = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in field).replace(".[", "[")
    if folder not in target.parents:
        problems.add(
            source.rel,
            source.line_of(*field),
            label,
            "media.outside-client",
            f"`{name}` is outside the client folder: keep media in content/{client.slug}/media/",
        )
    elif not target.is_file():
        problems.add(
            source.rel,
            source.line_of(*field),
            label,
            "media.missing",
            f"the file `{name}` does not exist in content/{client.slug}/ "
            "(paths are relative to the client folder, e.g. media/photo.jpg)",
        )
    elif target.suffix.lower() not in VIDEO_SUFFIXES and not is_image(target):
        problems.add(
            source.rel,
            source.line_of(*field),
            label,
            "media.not-image",
            f"`{name}` is not an image Almanac can read (PNG, JPEG, WebP…): export it again "
            "as an image, or check that it is the right file",
        )


def is_image(path: Path) -> bool:
    """Whether Pillow recognises the file as an image and finds it whole."""
    try:
        with Image.open(path) as image:
            image.verify()
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
        return False
    return True


def check_networks(client: ClientData, item: AnyItem, problems: ProblemList) -> None:
    """An item on a network the client has no account on cannot be published."""
    accounts = set(client.config.platforms)
    for index, platform in enumerate(item.meta.platforms):
        if platform not in accounts:
            problems.add(
                item.source.rel,
                item.source.line_of("platforms", index),
                "platforms",
                "item.unknown-network",
                f"`{client.slug}` has no {platform.value} account in client.yml: add it under "
                "`platforms:` there, or remove the network from this item",
            )


def check_contest_link(client: ClientData, item: AnyItem, problems: ProblemList) -> None:
    """`contest:` must name one of this client's contests (the file name without .md)."""
    name = contest_of(item)
    if name is not None and name not in {c.slug for c in CONTEST.items(client.items)}:
        problems.add(
            item.source.rel,
            item.source.line_of("contest"),
            "contest",
            "item.unknown-contest",
            f"there is no contest `{name}` in content/{client.slug}/contests/: use the "
            "contest's file name without .md",
        )


def check_references(ws: Workspace, problems: ProblemList) -> None:
    for client in ws.clients.values():
        if client.config.brand.logo:
            check_file(client, client.source, client.config.brand.logo, ("brand", "logo"), problems)
        for item in client.items:
            check_networks(client, item, problems)
            check_contest_link(client, item, problems)
            for field, name in item.files:
                check_file(client, item.source, name, field, problems)
        for note in client.months.values():
            for index, shot in enumerate(note.meta.screenshots):
                check_file(client, note.source, shot.file, ("screenshots", index, "file"), problems)
