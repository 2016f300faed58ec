"""Replacing a built site in one step, and cleaning up after builds that were killed.

A build works in a staging folder beside its output (`.site-build-XXXX` next to `site/`) and
ends by exchanging the new site with the old one: Linux's renameat2(RENAME_EXCHANGE) swaps two
paths in one system call, so `site/` is at every instant either the whole previous site or the
whole new one, and stays a plain folder (deploy steps, rsync and web servers need nothing new).
A symlink flip would give the same atomicity but turns `site/` into a link, which some upload
and sync tools copy as a link. Where the exchange is not available (another system, a file
system without it) the swap falls back to two renames, and a build killed between them is
recovered by the next one, which puts the previous site back.

Each staging folder is locked (flock) by the build that owns it for as long as it runs; the
kernel drops the lock when that process dies, however it dies. A later build removes only
staging folders that nobody holds and that carry Almanac's staging marker.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

STAGING_MARKER = ".almanac-staging"
PREVIOUS = "previous"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# errors meaning "this system or file system cannot exchange": fall back to two renames
_NO_EXCHANGE = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EPERM}


def staging_prefix(output: Path) -> str:
    return f".{output.name}-build-"


@contextlib.contextmanager
def staging_folder(output: Path) -> Iterator[Path]:
    """A locked, marked staging folder beside `output`, removed when the build ends."""
    path, handle = make_locked_folder(output)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
        os.close(handle)


def make_locked_folder(output: Path) -> tuple[Path, int]:
    """Create and lock a staging folder; retry if a cleaner removed it before we locked it."""
    while True:
        path = Path(tempfile.mkdtemp(prefix=staging_prefix(output), dir=output.parent))
        handle = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        fcntl.flock(handle, fcntl.LOCK_EX)
        if os.fstat(handle).st_nlink > 0:  # still there: ours from now on
            (path / STAGING_MARKER).touch()
            return path, handle
        os.close(handle)


def recover_abandoned(output: Path) -> list[Path]:
    """Restore a site lost between two renames, then remove staging folders left by dead builds."""
    removed = []
    for folder in sorted(output.parent.glob(staging_prefix(output) + "*")):
        if folder.is_dir() and not folder.is_symlink() and clean_if_abandoned(folder, output):
            removed.append(folder)
    return removed


def clean_if_abandoned(folder: Path, output: Path) -> bool:
    """Remove one staging folder if no live build holds it; True when removed."""
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a build is running in it
        if not is_ours(folder):
            return False
        previous = folder / PREVIOUS
        if previous.is_dir() and not os.path.lexists(output):
            previous.rename(output)  # the build died between the two renames of the fallback
        shutil.rmtree(folder, ignore_errors=True)
        return True
    finally:
        os.close(handle)


def is_ours(folder: Path) -> bool:
    """A staging folder is Almanac's when it has the marker, or is still empty (killed at birth)."""
    return (folder / STAGING_MARKER).is_file() or not any(folder.iterdir())


def swap_into_place(built: Path, output: Path, staging: Path) -> None:
    """Make `built` the site at `output`; the old site ends inside `staging` (removed after)."""
    if not os.path.lexists(output):
        built.rename(output)
    elif not exchange(built, output):
        swap_by_renames(built, output, staging / PREVIOUS)
    sync_folder(output.parent)


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with renameat2; False when the system cannot."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    done = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_by_renames(built: Path, output: Path, previous: Path) -> None:
    """The fallback: old site aside, new site in; a kill between them is recovered next run."""
    output.rename(previous)
    try:
        built.rename(output)
    except OSError:
        previous.rename(output)
        raise


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk, so the swap survives a power cut too."""
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
