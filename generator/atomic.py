"""Atomic file writes: a temp file beside the target, flushed, then renamed over it.

While it is written, a temp file is locked (flock) by the process writing it; the kernel drops the
lock when that process dies, so `remove_leftovers` can tell a write in progress (locked) from the
remains of a killed one (unlocked) and delete only the latter. Every write first removes such
remains from the folder it writes into, so a killed run of any command (import, report, events
import, move, ...) leaves nothing behind once the next one writes there.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import stat
import tempfile
from pathlib import Path

DISK_FULL = {errno.ENOSPC, errno.EDQUOT}
NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK}
DISK_FULL_TEXT = os.strerror(errno.ENOSPC)  # how a child process says it, e.g. the site engine
# the name `locked_temp` gives: "." + the target's name + "." + mkstemp's 8 random characters +
# ".tmp"; only files of that shape are ever removed as leftovers, never someone's `.notes.tmp`
TEMP_NAME = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


def is_disk_full(exc: BaseException) -> bool:
    """True for the errors of a full disk or an exhausted quota."""
    return isinstance(exc, OSError) and exc.errno in DISK_FULL


def write_atomic(target: Path, data: bytes) -> bool:
    """Replace `target` with `data` in one step; False (and untouched) when already equal.

    A reader never sees half a file, and an interrupted write leaves the old file whole.
    """
    return bool(write_atomic_all({target: data}))


def write_atomic_all(files: dict[Path, bytes]) -> set[Path]:
    """Replace several files together (a report's PDF and workbook); the ones that changed.

    Every temp file is written and flushed first, then all are renamed: a failure while
    writing (a full disk) leaves every file as it was, never a new PDF beside an old workbook.
    """
    temps: list[tuple[int, str, Path]] = []
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            remove_leftovers(target.parent)
            if target.is_file() and target.read_bytes() == data:
                continue
            handle, temp = locked_temp(target)
            temps.append((handle, temp, target))
            write_synced(handle, temp, data)
        for _handle, temp, target in temps:
            os.replace(temp, target)  # still locked: a cleaner never takes a file being renamed
    except BaseException:
        for _handle, temp, _target in temps:
            Path(temp).unlink(missing_ok=True)
        raise
    finally:
        for handle, _temp, _target in temps:
            os.close(handle)  # closing drops the lock
    return {target for _handle, _temp, target in temps}


def write_new(target: Path, data: bytes) -> None:
    """Create `target` holding `data`, whole or not at all; FileExistsError if it exists.

    The data is written to a locked temp file, then hard-linked to its name: the link fails
    when the name is taken (so nothing is ever overwritten), and a kill at any moment leaves
    either no file or the whole file, never a half-written one.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target.parent)
    handle, temp = locked_temp(target)
    try:
        write_synced(handle, temp, data)
        try:
            os.link(temp, target)
        except OSError as exc:
            if exc.errno not in NO_HARD_LINKS:
                raise
            with target.open("xb") as out:  # a file system without hard links: still exclusive
                out.write(data)
    finally:
        Path(temp).unlink(missing_ok=True)
        os.close(handle)


def write_synced(handle: int, temp: str, data: bytes) -> None:
    """Write all of `data` to the open temp file and flush it to disk."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]
    os.fsync(handle)
    os.chmod(temp, 0o644)  # mkstemp makes 0600; outputs are shared like any other file


def temp_prefix(target: Path) -> str:
    return f".{target.name}."


def locked_temp(target: Path) -> tuple[int, str]:
    """A new temp file beside `target`, locked; retried if a cleaner took it before the lock."""
    while True:
        handle, temp = tempfile.mkstemp(
            prefix=temp_prefix(target), suffix=".tmp", dir=target.parent
        )
        fcntl.flock(handle, fcntl.LOCK_EX)
        if os.fstat(handle).st_nlink > 0:
            return handle, temp
        os.close(handle)


def remove_leftovers(folder: Path, pattern: str = ".*.tmp") -> list[Path]:
    """Delete temp files of writes that were killed (unlocked ones only); the paths removed."""
    if not folder.is_dir():
        return []
    found = [path for path in sorted(folder.glob(pattern)) if TEMP_NAME.fullmatch(path.name)]
    return [path for path in found if remove_if_abandoned(path)]


def remove_if_abandoned(path: Path) -> bool:
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return False
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a live process is writing it
        path.unlink(missing_ok=True)
        return True
    finally:
        os.close(handle)
