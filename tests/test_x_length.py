"""X's character count: twitter-text's weighted length, in the rules and in the previews."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rules_helpers import Workspace, of_rule
from twitter_text import parse_tweet

from generator.x_length import x_length

# twitter-text's conformance suite (validate.yml, "lengths") and its documented v3 example
CONFORMANCE = [
    ("This is a test.", 15),
    ("http://test.com", 23),
    ("https://test.com", 23),
    ("test.com", 23),
    ("Test https://test.com test https://test.com test.com test", 86),
    ("english text 日本語 😷 https://example.com", 46),
    ("の" * 140, 280),  # CJK counts 2
    ("\U0001f431" * 140, 280),  # so does an emoji
    ("H\U0001f431☺", 5),
]
CHURCHILL = (
    "A lie gets halfway around the world before the truth has a chance to get its pants on. "
    "Winston Churchill (1874-1965) http://bit.ly/dJpywL"
)


@pytest.mark.parametrize(("text", "expected"), CONFORMANCE)
def test_twitter_text_examples(text: str, expected: int) -> None:
    assert x_length(text) == expected


def test_conformance_valid_and_invalid_tweets() -> None:
    assert x_length(CHURCHILL) <= 280  # "Valid Tweet: 280 characters"
    assert x_length(f"{CHURCHILL} {CHURCHILL}") > 280  # "Invalid Tweet: 281 characters"


def test_every_link_counts_23_with_or_without_protocol() -> None:
    long_path = "/carte-cadeau-revision-hiver-" + "a" * 60
    for link in (f"https://atelier-velo.coop{long_path}", f"atelier-velo.coop{long_path}"):
        assert x_length(f"Voir {link} !") == len("Voir ") + 23 + len(" !")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list("abc .:/-_?#@éèàçÉ\n\r\t©®")
            + ["example.com", "https://t.co/x", "www.a.fr", "\u0301", "\u1100", "\u11a8"]
        ),
        max_size=40,
    ).map("".join)
)
def test_fast_path_agrees_with_twitter_text(text: str) -> None:
    """The shortcut for texts without emoji gives twitter-text's own figure."""
    assert x_length(text) == parse_tweet(text).weightedLength


def test_rule_counts_a_bare_domain_as_23(tmp_path: Path) -> None:
    """A bare shop address of 102 characters was counted in full: a false 'too long'."""
    ws = Workspace(tmp_path)
    body = "Fresh. " * 30 + "shop-example.com/" + "a" * 85
    assert len(body) > 280 and x_length(body) == 210 + 23
    ws.post("short", body=body, platforms=["x"], media=[])
    assert not of_rule(ws.check(), "platform.caption-too-long")


def test_rule_counts_emoji_as_two(tmp_path: Path) -> None:
    """276 letters and three emoji are 279 characters but 282 on X: X refuses the post."""
    ws = Workspace(tmp_path)
    ws.post("gifts", body="a" * 276 + "🎁🎁🎁", platforms=["x"], media=[])
    found = of_rule(ws.check(), "platform.caption-too-long")
    assert len(found) == 1 and "is 282 characters" in found[0].message


def test_rule_counts_the_posts_link_on_x(tmp_path: Path) -> None:
    """The scheduler adds `link` to the text on X: 270 letters and a link are 294 there."""
    ws = Workspace(tmp_path)
    ws.post("linked", body="a" * 270, platforms=["x"], media=[], link="https://boutique.fr/a")
    found = of_rule(ws.check(), "platform.caption-too-long")
    assert len(found) == 1 and "is 294 characters" in found[0].message
    ws.post("linked", body="a" * 250, platforms=["x"], media=[], link="https://boutique.fr/a")
    assert not of_rule(ws.check(), "platform.caption-too-long")
