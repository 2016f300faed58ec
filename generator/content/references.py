"""Checks across files: referenced media exist and are readable, networks and contests exist.

Every referenced media file is measured here, once per load (generator.media_files, cached by
content): the measurements go to `ClientData.media` for the format rules and the site.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from generator.content.kinds import CONTEST, PARTNERSHIP, POST, contest_of, partnership_of
from generator.content.model import AnyItem, ClientData, Source, Workspace
from generator.media_files import UNREADABLE, VIDEO, Measurement, MediaCache
from generator.media_files.probe import VIDEO_SUFFIXES
from generator.problems import ProblemList, Severity


def check_file(
    client: ClientData,
    source: Source,
    name: str,
    field: tuple[str | int, ...],
    problems: ProblemList,
    cache: MediaCache,
) -> None:
    """Report a referenced file that is missing, unreadable or outside the client folder."""
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
    else:
        measurement = cache.measure(target)
        client.media[name] = measurement
        report_unreadable(source, name, field, label, measurement, problems)


def report_unreadable(
    source: Source,
    name: str,
    field: tuple[str | int, ...],
    label: str,
    measurement: Measurement,
    problems: ProblemList,
) -> None:
    """A file that is not the image or video its name says, or a video left unmeasured."""
    line = source.line_of(*field)
    if measurement.kind == UNREADABLE and is_video_name(name):
        problems.add(
            source.rel,
            line,
            label,
            "media.not-video",
            f"`{name}` is {measurement.problem}: export it again (MP4 or MOV), or check that "
            "it is the right file",
        )
    elif measurement.kind == UNREADABLE:
        problems.add(
            source.rel,
            line,
            label,
            "media.not-image",
            f"`{name}` is not an image Almanac can read (PNG, JPEG, WebP…): export it again "
            "as an image, or check that it is the right file",
        )
    elif measurement.kind == VIDEO and not measurement.final:
        problems.add(
            source.rel,
            line,
            label,
            "media.unmeasured",
            f"`{name}` was not measured: {measurement.problem}",
            Severity.WARNING,
        )


def is_video_name(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() in VIDEO_SUFFIXES


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


def check_partnership_links(client: ClientData, item: AnyItem, problems: ProblemList) -> None:
    """`partnership:` names one of the client's partnerships; a deliverable names its posts."""
    name = partnership_of(item)
    if name is not None and name not in {p.slug for p in PARTNERSHIP.items(client.items)}:
        problems.add(
            item.source.rel,
            item.source.line_of("partnership"),
            "partnership",
            "item.unknown-partnership",
            f"there is no partnership `{name}` in content/{client.slug}/partnerships/: use the "
            "partnership's file name without .md",
        )
    partnership = PARTNERSHIP.narrow(item)
    if partnership is None:
        return
    posts = {post.slug for post in POST.items(client.items)}
    for index, deliverable in enumerate(partnership.meta.deliverables):
        for number, slug in enumerate(deliverable.posts):
            if slug not in posts:
                path = ("deliverables", index, "posts", number)
                problems.add(
                    item.source.rel,
                    item.source.line_of(*path),
                    f"deliverables[{index}].posts",
                    "item.unknown-post",
                    f"there is no post `{slug}` in content/{client.slug}/posts/: use the "
                    "post's file name without .md",
                )


def check_references(ws: Workspace, problems: ProblemList) -> None:
    cache = MediaCache(ws.root)
    for client in ws.clients.values():
        check_client_files(client, problems, cache)
        for item in client.items:
            check_networks(client, item, problems)
            check_contest_link(client, item, problems)
            check_partnership_links(client, item, problems)
    cache.save()


def check_client_files(client: ClientData, problems: ProblemList, cache: MediaCache) -> None:
    """Every file a client's settings, items and month notes name, measured once each."""
    if client.config.brand.logo:
        logo = client.config.brand.logo
        check_file(client, client.source, logo, ("brand", "logo"), problems, cache)
    for item in client.items:
        for field, name in item.files:
            check_file(client, item.source, name, field, problems, cache)
    for note in client.months.values():
        for index, shot in enumerate(note.meta.screenshots):
            field = ("screenshots", index, "file")
            check_file(client, note.source, shot.file, field, problems, cache)
