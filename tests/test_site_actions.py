"""The action queue from the model: which kinds, in which order, one row per item (issue 17).

The site fixture seen from several days: each day makes a different item need someone. No
site is built; the queue is read from the calendar model the site is rendered from.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.clock import parse_today
from generator.site_build import BuildOptions, load_model
from generator.site_pages.actions import ACTION_KINDS, Action, build_actions, build_flags

FIXTURE = Path(__file__).parent / "fixtures" / "site_ws"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("actions") / "ws"
    shutil.copytree(FIXTURE, root)
    return root


def queue(root: Path, today: str, client_site: bool = False) -> list[Action]:
    model, _problems = load_model(BuildOptions(root=root, today=parse_today(today)))
    return build_actions(model, client_site)


def kinds(actions: list[Action]) -> dict[str, str]:
    return {a.item.slug: a.kind for a in actions}


def test_review_due_then_awaiting(workspace: Path) -> None:
    """Galette (in review, out on the 23rd at 12:30) is due for review within 48 h."""
    early = kinds(queue(workspace, "2026-11-20T09:00:00+01:00"))
    assert early["2026-11-23-galette"] == "awaiting_approval"
    late = kinds(queue(workspace, "2026-11-22T09:00:00+01:00"))
    assert late["2026-11-23-galette"] == "review_due"


def test_missed_is_most_urgent_and_each_item_is_listed_once(workspace: Path) -> None:
    actions = queue(workspace, "2026-11-25T09:00:00+01:00")
    assert kinds(actions)["2026-11-23-galette"] == "missed"  # still in review, day passed
    assert len({a.item.uid for a in actions}) == len(actions)
    order = [list(ACTION_KINDS).index(a.kind) for a in actions]
    assert order == sorted(order)


def test_contest_draw_coming_then_overdue(workspace: Path) -> None:
    """Concours de Noël is drawn on 1 December and has no winners."""
    assert kinds(queue(workspace, "2026-11-26T09:00:00+01:00"))["concours-noel"] == "draw_soon"
    assert kinds(queue(workspace, "2026-12-03T09:00:00+01:00"))["concours-noel"] == "draw_due"


def test_a_clients_site_keeps_only_the_reviewers_work(workspace: Path) -> None:
    team = queue(workspace, "2026-11-25T09:00:00+01:00")
    client = queue(workspace, "2026-11-25T09:00:00+01:00", client_site=True)
    assert any(a.kind == "missed" for a in team)
    assert {a.kind for a in client} <= {k for k, shown in ACTION_KINDS.items() if shown}


def test_flags_carry_the_worst_problem(workspace: Path) -> None:
    model, _problems = load_model(
        BuildOptions(root=workspace, today=parse_today("2026-11-25T09:00:00+01:00"))
    )
    flags = build_flags(model)
    galette = flags["pain-doux/post/2026-11-23-galette"]
    assert galette.severity.value == "error" and galette.rules[0] == "workflow.missed"
    assert flags["pain-doux/contest/concours-noel"].severity.value == "warning"  # checklist


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import copy_workspace

    return copy_workspace(tmp_path_factory.mktemp("example") / "ws")


def test_listening_alerts_come_first(example: Path) -> None:
    """The example's November mentions log has a negative spike and an unanswered 1-star review."""
    actions = queue(example, "2026-11-21T09:00:00+01:00")
    assert actions[0].kind == "alert", [(a.kind, a.item.slug) for a in actions[:3]]
    alerts = [a for a in actions if a.kind == "alert"]
    assert [(a.client, a.item.slug) for a in alerts] == [("fournil-des-halles", "2026-11")]
    assert not [a for a in queue(example, "2026-11-21T09:00:00+01:00", True) if a.kind == "alert"]


def test_an_overdue_deliverable_is_in_the_queue(example: Path) -> None:
    """Chef Vidal's deliverable due on 18 December names no post: late a week later."""
    before = kinds(queue(example, "2026-12-10T09:00:00+01:00"))
    after = kinds(queue(example, "2026-12-26T09:00:00+01:00"))
    assert before.get("chef-vidal-noel") != "deliverable_due"
    assert after.get("chef-vidal-noel") == "deliverable_due"
