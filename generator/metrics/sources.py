"""What `almanac import` was given, as a list of files: files as named, the files of a folder,
the files inside a ZIP download (also ZIPs inside a folder or a ZIP, as TikTok gives them)."""

from __future__ import annotations

import io
import re
import stat
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from generator.metrics.limits import check_size, over_limit
from generator.metrics.reading import ZIP_MAGIC
from generator.metrics.workbook import check_zip_members
from generator.problems import AlmanacError
from generator.schema.settings import ImportLimits

WORKBOOK_PART = "[Content_Types].xml"
MAX_ZIP_NESTING = 2
_FILE_DAY = re.compile(r"(20\d\d)[-_]?(0[1-9]|1[0-2])[-_]?(0[1-9]|[12]\d|3[01])")


@dataclass
class Input:
    """One file to import: how messages name it, its `source`, the day in its name, and
    whether the user named it (an unknown format is then an error, not a skipped file)."""

    label: str
    source: str
    day: date | None
    explicit: bool
    read: Callable[[], bytes]


@dataclass
class Gathered:
    """The files found, and those passed over with the reason."""

    inputs: list[Input] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def name_day(name: str) -> date | None:
    """The last date written in a file name (exports are often named after their day)."""
    found = _FILE_DAY.findall(name)
    if not found:
        return None
    try:
        return date(*(int(part) for part in found[-1]))
    except ValueError:
        return None


def source_name(path: Path, client_folder: Path) -> str:
    """How a file is named in the `source` column: relative to the client folder when it is
    inside it (so the example's metrics do not depend on where the repo is), else its name."""
    try:
        return path.resolve().relative_to(client_folder.resolve()).as_posix()
    except ValueError:
        return path.name


def open_archive(source: Path | bytes, where: str) -> zipfile.ZipFile | None:
    """The ZIP download a file is, or None when it is not one (an XLSX workbook is a ZIP too,
    but one export)."""
    if isinstance(source, bytes):
        if not source.startswith(ZIP_MAGIC):
            return None
        opened = io.BytesIO(source)
    else:
        with source.open("rb") as handle:
            if handle.read(4) != ZIP_MAGIC:
                return None
        opened = source  # type: ignore[assignment]
    try:
        archive = zipfile.ZipFile(opened)
    except (zipfile.BadZipFile, OSError) as exc:
        raise AlmanacError(f"cannot read the ZIP file: {exc}", where) from None
    if WORKBOOK_PART in archive.namelist():
        archive.close()
        return None
    return archive


def read_file(path: Path, limits: ImportLimits) -> bytes:
    """A regular file's bytes, its size checked first; a FIFO or device is refused (reading
    one would hang or never end)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise AlmanacError("not a regular file (a pipe, device or folder)", path)
        check_size(path, info.st_size, limits)
        return path.read_bytes()
    except OSError as exc:
        raise AlmanacError(f"cannot read the file: {exc.strerror}", path) from None


def is_hidden(parts: tuple[str, ...]) -> bool:
    """Files a system adds beside downloads: `.DS_Store`, `__MACOSX/`, `Thumbs.db`."""
    return any(p.startswith(".") or p == "__MACOSX" or p.lower() == "thumbs.db" for p in parts)


def zip_members(
    archive: zipfile.ZipFile, parent: Input, limits: ImportLimits, depth: int
) -> Iterator[Input]:
    """The files inside a ZIP download, in name order, their sizes checked before reading."""
    if depth > MAX_ZIP_NESTING:
        raise over_limit(
            parent.label,
            "ZIP files nest in ZIP files",
            f"{MAX_ZIP_NESTING} levels",
            "max_download_mb",
        )
    check_zip_members(archive, parent.label, limits)
    for info in sorted(archive.infolist(), key=lambda i: i.filename):
        inner = PurePosixPath(info.filename)
        if info.is_dir() or is_hidden(inner.parts):
            continue
        item = Input(
            f"{parent.label}/{info.filename}",
            f"{parent.source}/{info.filename}",
            name_day(inner.name) or parent.day,
            False,
            lambda info=info: archive.read(info),  # type: ignore[misc]
        )
        nested = (
            open_archive(archive.read(info), item.label)
            if info.filename.lower().endswith(".zip")
            else None
        )
        if nested is None:
            yield item
        else:
            yield from zip_members(nested, item, limits, depth + 1)


def folder_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if not is_hidden(relative) and not path.is_dir():
            yield path


def gather(paths: list[Path], client_folder: Path, limits: ImportLimits) -> Gathered:
    """Every file to import, named files first as given, folders walked in name order."""
    found = Gathered()
    for path in paths:
        explicit = not path.is_dir()
        files = [path] if explicit else list(folder_files(path))
        for file in files:
            if not explicit and not file.is_file():
                found.skipped.append((str(file), "not a regular file (a pipe, device or link)"))
                continue
            item = Input(
                str(file),
                source_name(file, client_folder),
                name_day(file.name),
                explicit,
                lambda file=file: read_file(file, limits),  # type: ignore[misc]
            )
            archive = open_archive(file, str(file)) if file.is_file() else None
            if archive is None:
                found.inputs.append(item)
            else:
                check_size(file, file.stat().st_size, limits)
                found.inputs.extend(zip_members(archive, item, limits, 1))
    return found
