"""Checks that files referenced by items (media, logos, visuals, screenshots) exist."""

from __future__ import annotations

from generator.content.model import ClientData, Source, Workspace
from generator.problems import ProblemList


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


def check_references(ws: Workspace, problems: ProblemList) -> None:
    for client in ws.clients.values():
        if client.config.brand.logo:
            check_file(client, client.source, client.config.brand.logo, ("brand", "logo"), problems)
        for item in client.items:
            for field, name in item.files:
                check_file(client, item.source, name, field, problems)
        for note in client.months.values():
            for index, shot in enumerate(note.meta.screenshots):
                check_file(client, note.source, shot.file, ("screenshots", index, "file"), problems)
