"""Previews as the networks show them: the fold, the feed's crop, the link card, the warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from generator.media_size import measure_image
from generator.rules.limits import LIMITS
from generator.site_pages.previews import feed_frame, fold_caption, link_card, ratio_name

INSTAGRAM = LIMITS["instagram"]
LINKEDIN = LIMITS["linkedin"]


def test_instagram_folds_after_about_125_characters_between_words() -> None:
    text = "Une brioche " * 30
    fold = fold_caption(text, INSTAGRAM)
    assert 115 <= len(fold.head) <= 125 and text[len(fold.head)] == " "  # between words
    assert f"{fold.head} {fold.tail}" == text  # nothing lost


def test_fold_after_the_second_line_comes_first() -> None:
    fold = fold_caption("Ligne un\nLigne deux\nLigne trois, plus loin", INSTAGRAM)
    assert fold.head == "Ligne un\nLigne deux" and fold.tail.startswith("\nLigne trois")


def test_linkedin_shows_three_lines_or_210_characters() -> None:
    short = "Un texte court."
    assert fold_caption(short, LINKEDIN).tail == ""
    long = "mot " * 80  # 320 characters
    assert 200 <= len(fold_caption(long, LINKEDIN).head) <= 210
    assert fold_caption(long, LIMITS["x"]).tail == ""  # X shows everything


@pytest.mark.parametrize(
    ("size", "label", "picture", "cropped"),
    [
        ((1080, 1920), "4:5", "9:16", True),  # a story-size picture loses top and bottom
        ((1000, 1000), "1:1", "1:1", False),
        ((1080, 1350), "4:5", "4:5", False),
        ((2000, 800), "1.91:1", "2000×800", True),  # too wide: the sides go
        ((820, 513), "820×513", "820×513", False),
    ],
)
def test_instagram_frames_each_picture(
    size: tuple[int, int], label: str, picture: str, cropped: bool
) -> None:
    frame = feed_frame(size, INSTAGRAM)
    assert frame is not None
    assert (frame.label, frame.picture, frame.cropped) == (label, picture, cropped)
    assert feed_frame(size, LINKEDIN) is None  # no crop table for LinkedIn


def test_ratio_names() -> None:
    assert ratio_name(1080, 1920) == "9:16" and ratio_name(1200, 628) == "1.91:1"


def test_size_is_measured_upright(tmp_path: Path) -> None:
    """A phone's portrait photo is stored wide with an EXIF rotation: the feed shows it tall."""
    path = tmp_path / "phone.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° when shown
    Image.new("RGB", (1920, 1080), "#336699").save(path, exif=exif)
    assert measure_image(path) == (1080, 1920)
    (tmp_path / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    assert measure_image(tmp_path / "clip.mp4") is None


def test_link_cards_only_where_networks_make_them() -> None:
    card = link_card("https://www.boutique.fr/carte-cadeau?src=x", "linkedin")
    assert card is not None and (card.domain, card.path) == ("boutique.fr", "/carte-cadeau?src=x")
    assert link_card("https://boutique.fr/", "instagram") is None
    assert link_card("javascript:alert(1)", "x") is None
