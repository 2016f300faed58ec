"""Draw the example workspace's media in formats other than the square picture.

A story (9:16), carousel pages (4:5), two vertical videos (reels) and a LinkedIn document
(a PDF of three slides), drawn with Pillow and encoded with Debian's ffmpeg, so that the
example shows, and `almanac check` measures, posts in several formats. Run from the
repository root: `python3 scripts/make_example_media.py` (it rewrites the files it makes).
"""

from __future__ import annotations

import math
import shutil
import subprocess
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent / "content"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default()


def gradient(
    size: tuple[int, int], top: tuple[int, int, int], bottom: tuple[int, int, int]
) -> Image.Image:
    """A vertical gradient from `top` to `bottom`."""
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        mix = y / max(height - 1, 1)
        colour = tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    return image


def lines_of_text(
    image: Image.Image, lines: list[str], top: int, size: int, fill: str = "#fff8ea"
) -> None:
    draw = ImageDraw.Draw(image)
    face = font(size)
    for index, text in enumerate(lines):
        box = draw.textbbox((0, 0), text, font=face)
        x = (image.width - (box[2] - box[0])) // 2
        draw.text((x, top + index * round(size * 1.35)), text, font=face, fill=fill)


def story(path: Path, lines: list[str]) -> None:
    """A full-screen 9:16 story: lights on a night gradient and a few lines of text."""
    image = gradient((1080, 1920), (18, 24, 64), (92, 40, 28))
    draw = ImageDraw.Draw(image)
    for n in range(14):  # lumignons on the window sills
        x, y = 90 + (n % 7) * 150, 300 + (n // 7) * 170
        draw.ellipse([x, y, x + 44, y + 60], fill="#ffcf5a")
    lines_of_text(image, lines, 760, 86)
    image.save(path, quality=85)


def carousel_page(path: Path, number: int, title: str) -> None:
    """One 4:5 page of a carousel: a bûche drawn in layers and the page's step."""
    image = gradient((1080, 1350), (250, 238, 220), (214, 170, 120))
    draw = ImageDraw.Draw(image)
    for layer in range(number + 1):
        y = 820 - layer * 90
        draw.rounded_rectangle([220, y, 860, y + 80], radius=36, fill=(92 + layer * 30, 52, 30))
    lines_of_text(image, [f"{number}/3", title], 170, 78, fill="#4a2414")
    image.save(path, quality=85)


def video(
    path: Path,
    size: tuple[int, int],
    seconds: int,
    colours: tuple[tuple[int, int, int], tuple[int, int, int]],
    label: str,
) -> None:
    """A vertical clip: frames drawn with Pillow (a light that moves), encoded to H.264."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise SystemExit("ffmpeg is needed: apt-get install ffmpeg")
    fps, (width, height) = 10, size
    base = gradient(size, *colours)
    lines_of_text(base, [label], height // 6, 40)
    encode = subprocess.Popen(
        [ffmpeg, "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24",
         "-s", f"{width}x{height}", "-r", str(fps), "-i", "-",
         "-c:v", "libx264", "-preset", "slow", "-crf", "30",
         "-pix_fmt", "yuv420p", "-movflags", "+faststart", str(path)],
        stdin=subprocess.PIPE,
    )  # fmt: skip
    assert encode.stdin is not None
    for frame in range(seconds * fps):
        image = base.copy()
        draw = ImageDraw.Draw(image)
        angle = frame / (seconds * fps) * 2 * math.pi
        x = width // 2 + round(math.cos(angle) * width / 4)
        y = height // 2 + round(math.sin(angle) * height / 6)
        draw.ellipse([x - 40, y - 60, x + 40, y + 60], fill="#ffd36b")
        encode.stdin.write(image.tobytes())
    encode.stdin.close()
    if encode.wait() != 0:
        raise SystemExit(f"ffmpeg could not encode {path}")


def document(path: Path) -> None:
    """A three-slide PDF: the year's bike-to-work figures for companies (LinkedIn document)."""
    slides = []
    for number, lines in enumerate(
        [
            ["Bilan 2026", "Vélo et entreprises", "Atelier Vélo"],
            ["1 240 révisions sur site", "dans 38 entreprises clientes"],
            ["2027 : réservez", "vos ateliers en entreprise"],
        ],
        start=1,
    ):
        slide = gradient((1280, 720), (20, 90, 70), (10, 40, 35))
        lines_of_text(slide, [*lines, f"{number}/3"], 190, 64)
        slides.append(slide)
    fixed = time.strptime("2026-11-30 12:00", "%Y-%m-%d %H:%M")  # the same file on every run
    slides[0].save(
        path,
        save_all=True,
        append_images=slides[1:],
        resolution=96,
        title="Bilan 2026 — Atelier Vélo",
        creationDate=fixed,
        modDate=fixed,
    )


def main() -> None:
    fournil, velo, northwind = (
        ROOT / slug / "media"
        for slug in ("fournil-des-halles", "atelier-velo", "northwind-outdoor")
    )
    hours = ["Fête des Lumières", "", "du 5 au 8 décembre", "ouvert jusqu’à 22 h", ""]
    story(fournil / "2026-12-05-fete-des-lumieres-story.jpg", [*hours, "Fournil des Halles"])
    vidal = ["Collaboration", "commerciale", "", "La brioche de Noël", "du chef Vidal", ""]
    story(fournil / "2026-12-21-brioche-vidal-story.jpg", [*vidal, "Fournil des Halles"])
    for number, title in enumerate(["La génoise", "La crème", "Le décor"], start=1):
        carousel_page(fournil / f"2026-12-19-nuit-des-buches-{number}.jpg", number, title)
    video(
        fournil / "2026-12-08-lumignon-en-pain.mp4",
        (540, 960),
        8,
        ((40, 22, 12), (120, 62, 30)),
        "Lumignon en pain",
    )
    video(
        northwind / "2026-12-12-twelve-trails-christmas.mp4",
        (540, 960),
        12,
        ((16, 44, 60), (40, 90, 70)),
        "12 trails of Christmas",
    )
    document(velo / "2026-12-11-bilan-mobilite-entreprises.pdf")


if __name__ == "__main__":
    main()
