"""The action queue: every item that needs someone, across clients, most urgent first.

The rules already decide what is late or due (their thresholds are tuned per client), so most
actions are read from the problems `almanac check` found; the rest (posts waiting for a
reviewer, a draw coming up) are read from the calendar. Each source is a function in
`ACTION_SOURCES`: a new kind of work (alerts from social listening, for example) is a new
source and a row in `ACTION_KINDS`, nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from generator.calendar_model import CalendarModel, ClientCalendar
from generator.content.kinds import CONTEST
from generator.content.model import AnyItem
from generator.problems import Problem, Severity
from generator.rules.listening import ALERT_RULES
from generator.schema.common import Status

# Kinds in order of urgency; `client`: also shown on a client's own site (a reviewer's work)
ACTION_KINDS: dict[str, bool] = {
    "alert": False,  # social listening: a spike of negative mentions, one left unanswered
    "missed": False,
    "review_due": True,
    "approval_invalid": False,
    "edited_after": False,
    "awaiting_approval": True,
    "draw_due": False,
    "prize_due": False,
    "deliverable_due": False,
    "draw_soon": False,
}
# The rule whose finding means the action (the rule decides; the queue only says it)
RULE_ACTIONS: dict[str, str] = {
    "workflow.missed": "missed",
    "workflow.review-due": "review_due",
    "approval.missing": "approval_invalid",
    "approval.not-approver": "approval_invalid",
    "approval.wrong-kind": "approval_invalid",
    "approval.claim-mismatch": "approval_invalid",
    "approval.edited-after": "edited_after",
    "validation.cited": "awaiting_approval",
    "validation.approval-policy": "awaiting_approval",
    "workflow.contest-no-winners": "draw_due",
    "workflow.prize-not-shipped": "prize_due",
    **{rule: "alert" for rule in ALERT_RULES},
    "partnership.deliverable-overdue": "deliverable_due",
}
DRAW_NOTICE = timedelta(days=7)  # a draw this close is announced in the queue


@dataclass(frozen=True)
class Action:
    """One item needing someone: why (kind), for which client, by when."""

    kind: str
    item: AnyItem
    client: str  # slug
    client_name: str
    due: datetime | None  # the moment that matters (publication, draw); None: not dated

    @property
    def urgency(self) -> int:
        return list(ACTION_KINDS).index(self.kind)


@dataclass(frozen=True)
class ItemFlag:
    """What marks an item on the grid: its worst problem and the rules that found it."""

    severity: Severity
    rules: tuple[str, ...]  # the worst problem's rule first


def action(cal: ClientCalendar, kind: str, item: AnyItem, due: datetime | None) -> Action:
    """An action dated in the client's time zone (the hour the team plans in)."""
    local = due.astimezone(ZoneInfo(cal.client.timezone)) if due is not None else None
    return Action(kind, item, cal.slug, cal.client.name, local)


def draw_moment(item: AnyItem) -> datetime | None:
    contest = CONTEST.narrow(item)
    return contest.meta.draw_at if contest is not None else None


def from_problems(cal: ClientCalendar, now: datetime) -> Iterator[Action]:
    """What the rules found late or due, on the item the problem is about."""
    items = {item.source.rel: item for item in cal.client.items}
    for problem in cal.problems:
        kind = RULE_ACTIONS.get(problem.rule)
        item = items.get(problem.path)
        if kind is None or item is None:
            continue
        if kind == "awaiting_approval" and item.when is not None and item.when < now:
            continue  # a validation missing on a past post is history: the report says it
        draw = kind in ("draw_due", "prize_due")
        yield action(cal, kind, item, draw_moment(item) if draw else item.when)


def awaiting_review(cal: ClientCalendar, now: datetime) -> Iterator[Action]:
    """Items in review that have not gone out yet (a past one is missed, said above)."""
    for entry in cal.awaiting_review:
        when = entry.item.when
        if when is None or when >= now:
            yield action(cal, "awaiting_approval", entry.item, when)


def draws_coming(cal: ClientCalendar, now: datetime) -> Iterator[Action]:
    """Contests whose draw falls in the next days and has no winners yet."""
    for contest in cal.contests:
        draw = contest.meta.draw_at
        live = contest.meta.status is not Status.CANCELLED and not contest.meta.winners
        if draw is not None and live and now <= draw <= now + DRAW_NOTICE:
            yield action(cal, "draw_soon", contest, draw)


ActionSource = Callable[[ClientCalendar, datetime], Iterable[Action]]
ACTION_SOURCES: list[ActionSource] = [from_problems, awaiting_review, draws_coming]


def build_actions(model: CalendarModel, client_site: bool = False) -> list[Action]:
    """The queue across clients: one row per item (its most urgent kind), most urgent first."""
    best: dict[str, Action] = {}
    for cal in model.clients:
        for source in ACTION_SOURCES:
            for found in source(cal, model.today):
                if client_site and not ACTION_KINDS[found.kind]:
                    continue
                kept = best.get(found.item.uid)
                if kept is None or found.urgency < kept.urgency:
                    best[found.item.uid] = found
    return sorted(best.values(), key=sort_key)


def sort_key(found: Action) -> tuple[int, float, str, str]:
    """Most urgent kind first, then the earliest moment; undated items last in their kind."""
    due = found.due.timestamp() if found.due is not None else float("inf")
    return (found.urgency, due, found.client, found.item.uid)


_ORDER = [Severity.ERROR, Severity.WARNING, Severity.INFO]


def build_flags(model: CalendarModel) -> dict[str, ItemFlag]:
    """Per item uid, its worst problem: the mark an entry carries on the grid and boards."""
    by_path: dict[str, list[Problem]] = {}
    for problem in model.problems:
        by_path.setdefault(problem.path, []).append(problem)
    flags = {}
    for cal in model.clients:
        for item in cal.client.items:
            found = by_path.get(item.source.rel)
            if found:
                ranked = sorted(found, key=lambda p: (_ORDER.index(p.severity), p.rule))
                rules = tuple(dict.fromkeys(p.rule for p in ranked))  # the worst one first
                flags[item.uid] = ItemFlag(ranked[0].severity, rules)
    return flags
