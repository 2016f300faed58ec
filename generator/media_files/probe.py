"""Measuring one media file: pictures with Pillow, videos with ffprobe (Debian's ffmpeg).

A measurement is what the format rules compare with a network's limits: the kind of file, its
size on screen (after the rotation a phone records, so a portrait video is portrait), its
duration and its weight in bytes. Nothing here raises on a bad file: an unreadable file is a
measurement of kind `unreadable` with the reason, reported by the loader at the item's line.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

IMAGE, VIDEO, DOCUMENT, UNREADABLE = "image", "video", "document", "unreadable"
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".webm", ".avi", ".mkv"})
# Files the networks take as documents (LinkedIn's document post): weighed, not opened
DOCUMENT_SUFFIXES = frozenset({".pdf", ".ppt", ".pptx", ".doc", ".docx"})
EXIF_ORIENTATION = 0x0112
TURNED_ORIENTATIONS = frozenset({5, 6, 7, 8})  # EXIF values of a picture stored on its side
FFPROBE_SECONDS = 60  # a healthy probe takes milliseconds; a hung one must not hang `check`
IMAGE_ERRORS = (
    OSError,
    UnidentifiedImageError,
    SyntaxError,
    ValueError,
    Image.DecompressionBombError,
)


@dataclass(frozen=True)
class Measurement:
    """What a media file is, as shown: kind, width and height in pixels, seconds, bytes."""

    kind: str  # image, video, document or unreadable
    size: int  # bytes on disk
    width: int | None = None
    height: int | None = None
    duration: float | None = None  # seconds, for videos
    problem: str = ""  # why it is unreadable, or why it could not be measured
    final: bool = True  # False when a missing tool kept it from being measured: not cached

    @property
    def ratio(self) -> float | None:
        """Width over height (1.0 square, 0.5625 for 9:16), or None when not measured."""
        if not self.width or not self.height:
            return None
        return self.width / self.height

    @property
    def measured(self) -> bool:
        """Whether its pixels (and a video's duration) are known."""
        return self.ratio is not None

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Measurement:
        return cls(**data)


def measure(path: Path) -> Measurement:
    """Measure the file at `path` by what its name says it is (video, document, else image)."""
    size = path.stat().st_size
    suffix = path.suffix.lower()
    if suffix in VIDEO_SUFFIXES:
        return measure_video(path, size)
    if suffix in DOCUMENT_SUFFIXES:
        return Measurement(DOCUMENT, size)
    return measure_image(path, size)


def measure_image(path: Path, size: int) -> Measurement:
    """Pillow verifies the file is whole, then reads its header (no pixel decoding)."""
    try:
        with Image.open(path) as image:
            image.verify()  # must come first: Pillow verifies a freshly opened file only
        with Image.open(path) as image:
            width, height = image.size
            orientation = image.getexif().get(EXIF_ORIENTATION, 1)
    except IMAGE_ERRORS:
        return Measurement(UNREADABLE, size, problem="not an image Almanac can read")
    if orientation in TURNED_ORIENTATIONS:
        width, height = height, width
    return Measurement(IMAGE, size, width, height)


def measure_video(path: Path, size: int) -> Measurement:
    """ffprobe reads the container: first video stream's size and rotation, and the duration."""
    ffprobe = shutil.which("ffprobe")
    if ffprobe is None:
        why = "ffprobe (Debian package ffmpeg) is not installed, so videos are not measured"
        return Measurement(VIDEO, size, problem=why, final=False)
    # "file:" and an absolute path: a name starting with "-" or "concat:" stays a file name
    command = [ffprobe, "-v", "error", "-print_format", "json", "-show_format", "-show_streams"]
    try:
        done = subprocess.run(
            [*command, f"file:{path.resolve()}"],
            capture_output=True,
            timeout=FFPROBE_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Measurement(UNREADABLE, size, problem="ffprobe took too long to read it")
    return read_probe(done.returncode, done.stdout, done.stderr, size)


def read_probe(code: int, out: bytes, err: bytes, size: int) -> Measurement:
    """A measurement from ffprobe's JSON; its first error line when it could not read the file."""
    try:
        data = json.loads(out or b"{}") if code == 0 else {}
    except json.JSONDecodeError:
        data = {}
    stream = next((s for s in data.get("streams", []) if s.get("codec_type") == "video"), None)
    if stream is None or not stream.get("width") or not stream.get("height"):
        reason = err.decode("utf-8", "replace").strip().splitlines()
        why = reason[-1] if reason else "no video picture in it"
        return Measurement(UNREADABLE, size, problem=f"not a video Almanac can read ({why})")
    width, height = int(stream["width"]), int(stream["height"])
    if rotation(stream) % 180 == 90:
        width, height = height, width
    return Measurement(VIDEO, size, width, height, duration_of(data, stream))


def rotation(stream: dict[str, Any]) -> int:
    """The rotation a player applies, in degrees (side data in ffmpeg 5+, a tag before)."""
    for side in stream.get("side_data_list", []):
        if "rotation" in side:
            return abs(int(float(side["rotation"])))
    return abs(int(float(stream.get("tags", {}).get("rotate", 0) or 0)))


def duration_of(data: dict[str, Any], stream: dict[str, Any]) -> float | None:
    """The container's duration, else the video stream's, in seconds."""
    for source in (data.get("format", {}), stream):
        try:
            return round(float(source["duration"]), 3)
        except (KeyError, TypeError, ValueError):
            continue
    return None
