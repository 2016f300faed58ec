"""Previews as the networks show them: the fold, the feed's crop, the link card, the warnings."""

from __future__ import annotations

import pytest

from generator.format_table import FormatLimits, build_format_table
from generator.rules.limits import LIMITS
from generator.schema.settings import Settings
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


FORMATS = build_format_table(Settings(name="A"))


def instagram(shape: str) -> FormatLimits:
    found = FORMATS.lookup("instagram", shape)
    assert found is not None
    return found[1]


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
    frame = feed_frame(size, "image", instagram("image"))
    assert frame is not None
    assert (frame.label, frame.picture, frame.cropped) == (label, picture, cropped)


def test_reels_and_stories_are_framed_tall() -> None:
    reel = feed_frame((1080, 1080), "reel", instagram("reel"))
    assert reel is not None and (reel.label, reel.cropped) == ("4:5", True)
    story = feed_frame((1080, 1080), "story", instagram("story"))
    assert story is not None and (story.label, story.cropped, story.banded) == ("9:16", False, True)
    assert feed_frame((1080, 1080), "text", FormatLimits()) is None


def test_ratio_names() -> None:
    assert ratio_name(1080, 1920) == "9:16" and ratio_name(1200, 628) == "1.91:1"


def test_link_cards_only_where_networks_make_them() -> None:
    card = link_card("https://www.boutique.fr/carte-cadeau?src=x", "linkedin")
    assert card is not None and (card.domain, card.path) == ("boutique.fr", "/carte-cadeau?src=x")
    assert link_card("https://boutique.fr/", "instagram") is None
    assert link_card("javascript:alert(1)", "x") is None
