"""Media measurements cached by content hash, so a check opens each media file once.

Two tables in `.almanac-cache/media.json` (git-ignored): file name -> (size, mtime, inode,
content hash), and content hash -> measurement. A file whose size, time and inode are those
recorded is not read again (a warm check on 10,000 items only stats its media); a changed file
is hashed, and a file with a known hash (a copy, a rename, a file restored from git) is not
measured again. Writing the cache is best effort: a read-only workspace is measured every run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path
from typing import Any

from generator.atomic import write_atomic
from generator.media_files.probe import Measurement, measure

CACHE_FILE = Path(".almanac-cache") / "media.json"
FORMAT_VERSION = 1


class MediaCache:
    """The measurements of one workspace's media, read from and saved to its cache file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / CACHE_FILE
        data = read_cache(self.path)
        self.files: dict[str, list[Any]] = data.get("files", {})
        self.measurements: dict[str, dict[str, Any]] = data.get("measurements", {})
        self.seen: set[str] = set()
        self.changed = False

    def measure(self, path: Path) -> Measurement:
        """The file's measurement, from the cache when its content was measured before."""
        key = self.key_of(path)
        self.seen.add(key)
        digest = self.digest(key, path)
        known = self.measurements.get(digest)
        if known is not None:
            try:
                return Measurement.from_json(known)
            except TypeError:  # written by another version: measure again
                pass
        found = measure(path)
        if found.final:
            self.measurements[digest] = found.as_json()
            self.changed = True
        return found

    def key_of(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def digest(self, key: str, path: Path) -> str:
        """The content hash, re-read only when the file's size, time or inode changed."""
        info = path.stat()
        stamp = [info.st_size, info.st_mtime_ns, info.st_ino]
        recorded = self.files.get(key)
        if recorded is not None and recorded[:3] == stamp:
            return str(recorded[3])
        with path.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        self.files[key] = [*stamp, digest]
        self.changed = True
        return digest

    def save(self) -> None:
        """Write the cache if it changed, without the files that are gone; never fails a run."""
        gone = [k for k in self.files if k not in self.seen and not (self.root / k).is_file()]
        for key in gone:
            del self.files[key]
        used = {str(entry[3]) for entry in self.files.values()}
        unused = [d for d in self.measurements if d not in used]
        for digest in unused:
            del self.measurements[digest]
        if not (self.changed or gone or unused):
            return
        data = {"version": FORMAT_VERSION, "files": self.files, "measurements": self.measurements}
        text = json.dumps(data, sort_keys=True, separators=(",", ":"))
        with contextlib.suppress(OSError):  # read-only workspace: measured again next time
            write_atomic(self.path, text.encode("utf-8"))
        self.changed = False


def read_cache(path: Path) -> dict[str, Any]:
    """The cache file's tables; empty when it is missing, damaged or of another version."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        return {}
    files, measurements = data.get("files"), data.get("measurements")
    if not isinstance(files, dict) or not isinstance(measurements, dict):
        return {}
    valid = {k: v for k, v in files.items() if isinstance(v, list) and len(v) == 4}
    return {"files": valid, "measurements": measurements}
