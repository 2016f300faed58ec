"""Partnerships and the French law on commercial influence: records, mentions, contracts."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rules_helpers import Workspace, dump, line_of, of_rule

from generator.checking import check_workspace, parse_today
from generator.content.kinds import PARTNERSHIP, POST
from generator.partnerships import overdue_deliverables, sponsored_posts
from generator.problems import Problem

PARTNER: dict[str, Any] = {
    "title": "Winter bread with Chef Dupont",
    "status": "signed",
    "platforms": ["instagram"],
    "partner": {
        "name": "Chef Dupont",
        "handles": {"instagram": "@chef.dupont"},
        "audience": {"instagram": 52000},
    },
    "starts": "2026-11-23 09:00",
    "promotes": "bakery",
    "fee": 800,
    "contract": {"written": True, "signed_on": "2026-11-10", "signed_by": ["Chef Dupont"]},
    "deliverables": [
        {"format": "image", "platform": "instagram", "due": "2026-11-25", "posts": ["collab"]}
    ],
}


def partnership(ws: Workspace, slug: str = "dupont", **fields: Any) -> Path:
    return ws.write_item("partnerships", slug, {**PARTNER, **fields}, "The brief.")


def rule_problems(ws: Workspace, rule: str) -> list[Problem]:
    return of_rule(ws.check(), rule)


# --- the record -----------------------------------------------------------------------------


def test_a_partnership_is_a_kind_of_item_with_its_posts(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    partnership(ws)
    ws.post("collab", partnership="dupont", body="#ad — our loaf with Chef Dupont.")
    ws.post("plain")
    loaded, problems = check_workspace(tmp_path, parse_today("2026-11-21"))
    assert problems == []
    client = loaded.clients["acme"]
    (item,) = PARTNERSHIP.items(client.items)
    assert item.uid == "acme/partnership/dupont" and item.meta.value == 800
    assert item.meta.partner.audience["instagram"] == 52000  # type: ignore[index]
    assert [p.slug for p in sponsored_posts(client, "dupont")] == ["collab"]
    (collab,) = [p for p in POST.items(client.items) if p.slug == "collab"]
    assert collab.meta.is_sponsored


def test_unknown_partnership_and_unknown_deliverable_post_are_errors(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    deal = partnership(
        ws,
        deliverables=[
            {"format": "reel", "platform": "instagram", "due": "2026-12-01", "posts": ["nope"]}
        ],
    )
    post = ws.post("collab", partnership="dupond", body="Publicité")
    found = {(p.rule, p.path.rsplit("/", 1)[-1], p.line) for p in ws.check()}
    assert ("item.unknown-partnership", "collab.md", line_of(post, "partnership:")) in found
    assert ("item.unknown-post", "dupont.md", line_of(deal, "- nope")) in found


# --- the commercial mention, in French and in English ---------------------------------------

FRENCH = {"locale": "fr"}


@pytest.mark.parametrize(
    "caption",
    [
        "Publicité · Notre pain d'hiver avec le chef Dupont.",
        "Notre pain d'hiver avec le chef Dupont. #publicite",  # hashtag, no accent: the same
        "COLLABORATION COMMERCIALE avec le chef Dupont.",
    ],
)
def test_french_captions_with_the_mention_pass(tmp_path: Path, caption: str) -> None:
    ws = Workspace(tmp_path, **FRENCH)
    ws.post("collab", sponsored=True, body=caption)
    assert rule_problems(ws, "influence.mention-missing") == []


def test_a_french_caption_without_the_mention_is_an_error_at_its_line(tmp_path: Path) -> None:
    ws = Workspace(tmp_path, **FRENCH)
    path = ws.post(
        "collab",
        partnership="dupont",
        body="Notre pain d'hiver, publicitaire en diable, avec le chef Dupont.",
    )
    partnership(ws)
    (problem,) = rule_problems(ws, "influence.mention-missing")
    assert problem.line == line_of(path, "Notre pain d'hiver")
    assert problem.message == (
        "sponsored, but the caption on Instagram does not say so: write “Publicité” or "
        "“Collaboration commerciale” in it (and on the image or video)"
    )


def test_an_equivalent_wording_counts_once_the_client_accepts_it(tmp_path: Path) -> None:
    ws = Workspace(tmp_path, **FRENCH)
    ws.post("collab", sponsored=True, body="Partenariat rémunéré avec le chef Dupont.")
    assert len(rule_problems(ws, "influence.mention-missing")) == 1
    wordings = ["Publicité", "Collaboration commerciale", "Partenariat rémunéré"]
    ws.write_client(**FRENCH, rules={"influence.mention-missing": {"wordings_fr": wordings}})
    assert rule_problems(ws, "influence.mention-missing") == []


@pytest.mark.parametrize(
    ("caption", "hashtags", "ok"),
    [
        ("Our winter loaf with Chef Dupont #ad", [], True),
        ("Paid partnership with Chef Dupont.", [], True),
        ("Our winter loaf with Chef Dupont.", ["ad"], True),  # the appended hashtag counts
        ("Our winter loaf with Chef Dupont. #adventure", [], False),
        ("Our winter loaf with Chef Dupont.", [], False),
    ],
)
def test_english_captions(tmp_path: Path, caption: str, hashtags: list[str], ok: bool) -> None:
    ws = Workspace(tmp_path)
    ws.post("collab", sponsored=True, body=caption, hashtags=hashtags)
    assert (rule_problems(ws, "influence.mention-missing") == []) is ok


def test_each_network_caption_is_read(tmp_path: Path) -> None:
    """The body says it; the Facebook variant, written separately, does not."""
    ws = Workspace(tmp_path)
    path = ws.post(
        "collab",
        sponsored=True,
        platforms=["instagram", "facebook"],
        body="#ad Our winter loaf.",
        variants={"facebook": {"caption": "Our winter loaf, on Facebook."}},
    )
    (problem,) = rule_problems(ws, "influence.mention-missing")
    assert problem.line == line_of(path, "caption: Our winter loaf, on Facebook")
    assert "on Facebook does not say so" in problem.message


def test_a_post_that_is_not_sponsored_needs_no_mention(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    ws.post("own", body="Our winter loaf.")
    assert rule_problems(ws, "influence.mention-missing") == []


# --- retouched and virtual images -----------------------------------------------------------


@pytest.mark.parametrize(
    ("flag", "rule", "french", "english"),
    [
        ("retouched", "influence.retouched-mention", "Images retouchées", "Retouched images"),
        ("ai_generated", "influence.virtual-mention", "Images virtuelles", "Virtual images"),
    ],
)
def test_image_mentions_in_both_languages(
    tmp_path: Path, flag: str, rule: str, french: str, english: str
) -> None:
    medium = {"file": "media/face.jpg", "alt": "A face", "rights": "owned", flag: True}
    for locale, mention in (("fr", french), ("en", english)):
        root = tmp_path / locale
        ws = Workspace(root, locale=locale)
        path = ws.post("face", media=[medium], body="Winter glow.")
        (problem,) = rule_problems(ws, rule)
        assert problem.line == line_of(path, "Winter glow.")
        assert mention in problem.message and "`media/face.jpg`" in problem.message
        ws.post("face", media=[medium], body=f"Winter glow. {mention.upper()}")
        assert rule_problems(ws, rule) == []


# --- what may be promoted, and the contract -------------------------------------------------


def test_a_forbidden_category_is_refused(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    path = partnership(ws, promotes="Sports betting tips", deliverables=[])
    (problem,) = rule_problems(ws, "influence.forbidden-category")
    assert problem.line == line_of(path, "promotes:")
    partnership(ws, promotes="bakery", deliverables=[])
    assert rule_problems(ws, "influence.forbidden-category") == []


def test_contract_rules(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    ws.post("collab", partnership="dupont", body="#ad Our loaf.")
    path = partnership(ws, fee=1500, contract={"written": False})
    (problem,) = rule_problems(ws, "influence.no-contract")
    assert problem.line == line_of(path, "contract:")
    assert "1500 EUR" in problem.message and "2026-11-25" in problem.message
    late = {"written": True, "signed_on": "2026-11-26"}
    path = partnership(ws, fee=1500, contract=late)
    (problem,) = rule_problems(ws, "influence.no-contract")
    assert problem.line == line_of(path, "signed_on:")
    partnership(ws, fee=1500)  # signed on 2026-11-10, before the first deliverable
    assert rule_problems(ws, "influence.no-contract") == []
    # below the decree's 1,000 €, until the client asks a contract for every partnership
    path = partnership(ws, fee=300, gifted=[{"description": "Bread", "value": 50}], contract={})
    assert rule_problems(ws, "influence.no-contract") == []
    ws.write_client(rules={"influence.no-contract": {"threshold": 0}})
    assert len(rule_problems(ws, "influence.no-contract")) == 1


# --- deliverables ---------------------------------------------------------------------------


def test_overdue_deliverables_are_warned_and_listed_for_the_action_queue(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    deliverables = [
        {"format": "image", "platform": "instagram", "due": "2026-11-18", "posts": ["collab"]},
        {"format": "reel", "platform": "instagram", "due": "2026-11-19"},
        {
            "format": "story",
            "platform": "instagram",
            "due": "2026-11-20",
            "delivered_on": "2026-11-20",
        },
        {"format": "story", "platform": "instagram", "due": "2026-11-30"},
    ]
    path = partnership(ws, deliverables=deliverables, starts="2026-11-01 09:00")
    ws.post("collab", partnership="dupont", body="#ad Our loaf.", publish_at="2026-11-18 12:30")
    found = rule_problems(ws, "partnership.deliverable-overdue")
    # the post is scheduled, not published: the first is overdue too
    assert [p.line for p in found] == [
        line_of(path, "2026-11-18") - 2,
        line_of(path, "2026-11-19") - 2,
    ]
    assert (
        "the reel on Instagram due on 2026-11-19 is not delivered (2 days late)" in found[1].message
    )
    text = path.parent.parent / "posts" / "collab.md"
    text.write_text(
        text.read_text(encoding="utf-8").replace("status: scheduled", "status: published"),
        encoding="utf-8",
    )
    ws_loaded, _ = check_workspace(tmp_path, parse_today("2026-11-21"))
    overdue = overdue_deliverables(ws_loaded.clients["acme"], date(2026, 11, 21))
    assert [(s.deliverable.format.value, s.deliverable.due) for s in overdue] == [
        ("reel", date(2026, 11, 19))
    ]


def test_a_new_partnership_from_the_starter_is_valid(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    path = ws.client_dir / "partnerships" / "new.md"
    path.parent.mkdir()
    path.write_text(f"---\n{dump({**PARTNER, 'deliverables': []})}---\nBrief\n", encoding="utf-8")
    assert ws.check() == []
