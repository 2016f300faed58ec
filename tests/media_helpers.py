"""Real media for tests: pictures drawn with Pillow, short videos encoded with Debian's ffmpeg."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from PIL import Image

EXIF_ORIENTATION = 0x0112


def make_image(
    path: Path, width: int, height: int, noise: bool = False, orientation: int | None = None
) -> Path:
    """A JPEG or PNG (by suffix) of the given size; `noise` makes it heavy, `orientation` an EXIF
    tag saying it is stored on its side (as phones do)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = (
        Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
        if noise
        else Image.new("RGB", (width, height), "#c08040")
    )
    if orientation is None:
        image.save(path)
    else:
        exif = Image.Exif()
        exif[EXIF_ORIENTATION] = orientation
        image.save(path, exif=exif)
    return path


def make_video(path: Path, width: int, height: int, seconds: float, rotate: int = 0) -> Path:
    """An H.264 MP4 of one colour, `width`×`height` pixels as stored, lasting `seconds`;
    `rotate` adds the display rotation a phone records (width and height then swap on screen)."""
    ffmpeg = shutil.which("ffmpeg")
    assert ffmpeg, "the tests need Debian's ffmpeg (apt-get install ffmpeg)"
    path.parent.mkdir(parents=True, exist_ok=True)
    encode = [
        ffmpeg, "-v", "error", "-y", "-f", "lavfi",
        "-i", f"color=c=teal:s={width}x{height}:r=5:d={seconds}",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
    ]  # fmt: skip
    if not rotate:
        subprocess.run([*encode, str(path)], check=True)
        return path
    plain = path.with_name(f"plain-{path.name}")
    subprocess.run([*encode, str(plain)], check=True)
    subprocess.run(
        [ffmpeg, "-v", "error", "-y", "-i", str(plain), "-c", "copy",
         "-metadata:s:v:0", f"rotate={rotate}", str(path)],
        check=True,
    )  # fmt: skip
    plain.unlink()
    return path
