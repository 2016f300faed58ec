"""Word diffs between an approved version of an item and the current one."""

from __future__ import annotations

from generator.repo.approval_diff import Segment, diff_versions, word_diff

APPROVED = """\
---
title: Galette
publish_at: 2026-01-06 12:30
platforms: [instagram, x]
hashtags: [galette]
variants:
  x:
    caption: "Galette du jour, à réserver."
---
Notre galette frangipane est de retour au fournil. <!-- marge 60 %, ne pas publier -->
"""


def test_only_changed_parts_each_as_a_word_diff() -> None:
    current = APPROVED.replace("frangipane", "pomme").replace("à réserver", "sans réservation")
    diffs = {(d.part, d.network): d.segments for d in diff_versions(APPROVED, current)}
    assert set(diffs) == {("caption", None), ("caption", "x")}
    assert Segment("removed", "frangipane") in diffs[("caption", None)]
    assert Segment("added", "pomme") in diffs[("caption", None)]
    assert diffs[("caption", "x")] == (
        Segment("same", "Galette du jour, "),
        Segment("removed", "à réserver."),  # one change, not two split by a space
        Segment("added", "sans réservation."),
    )


def test_internal_notes_never_show_even_when_they_change() -> None:
    current = APPROVED.replace("marge 60 %", "marge 70 %")
    assert diff_versions(APPROVED, current) == []
    edited = APPROVED.replace("de retour", "enfin de retour")
    shown = "".join(s.text for d in diff_versions(APPROVED, edited) for s in d.segments)
    assert "marge" not in shown


def test_long_unchanged_runs_are_shortened_around_the_change() -> None:
    words = " ".join(f"mot{n}" for n in range(60))
    segments = word_diff(words, words.replace("mot30", "MOT"))
    ops = [s.op for s in segments]
    assert ops == ["gap", "same", "removed", "added", "same", "gap"]
    assert segments[1].text.split() == [f"mot{n}" for n in range(22, 30)]


def test_fields_added_or_removed() -> None:
    current = APPROVED.replace("hashtags: [galette]\n", "link: https://fournil.example/galette\n")
    diffs = {d.part: d.segments for d in diff_versions(APPROVED, current)}
    assert diffs["hashtags"] == (Segment("removed", "#galette"),)
    assert diffs["link"] == (Segment("added", "https://fournil.example/galette"),)
