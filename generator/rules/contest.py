"""Contest checklist: everything a contest needs before it is reviewed, and after it ends."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.content.kinds import CONTEST
from generator.content.model import Item
from generator.problems import Severity
from generator.rules.registry import Finding, Option, RuleContext, rule
from generator.schema import Contest, Post
from generator.schema.common import WORKFLOW, Status


@dataclass(frozen=True)
class ChecklistEntry:
    """One line of a contest's checklist (the site shows the whole list)."""

    name: str
    label: str
    done: bool


def _after_post(contest: Contest, posts: list[Item[Post]]) -> bool:
    end = contest.draw_at or contest.ends
    return any(p.meta.publish_at >= end for p in posts)


def contest_checklist(contest: Contest, posts: list[Item[Post]]) -> list[ChecklistEntry]:
    """The checklist of a contest; `posts` are the posts that name it in `contest:`."""
    prize = contest.prize
    checks = [
        ("organizers", "organisers named", bool(contest.organizers)),
        ("prize", "prize described", prize is not None),
        ("prize.value", "prize value", prize is not None and prize.value is not None),
        ("rules", "rules (address or text)", bool(contest.rules)),
        ("eligibility", "who may enter", bool(contest.eligibility)),
        ("mechanics", "how to enter", bool(contest.mechanics)),
        ("dates", "entries open before they close", contest.starts < contest.ends),
        ("draw_at", "draw date", contest.draw_at is not None),
        ("draw_method", "draw method", bool(contest.draw_method)),
        ("announce_at", "announcement date", contest.announce_at is not None),
        ("shipping", "prize shipping planned", contest.shipping is not None),
        ("visuals.launch", "launch visual", bool(contest.visuals.launch)),
        ("visuals.reminder", "reminder visual", bool(contest.visuals.reminder)),
        ("visuals.results", "results visual", bool(contest.visuals.results)),
        ("after_post", "after-contest post planned", _after_post(contest, posts)),
    ]
    return [ChecklistEntry(name, label, done) for name, label, done in checks]


CHECKLIST_NAMES = [
    "organizers",
    "prize",
    "prize.value",
    "rules",
    "eligibility",
    "mechanics",
    "dates",
    "draw_at",
    "draw_method",
    "announce_at",
    "shipping",
    "visuals.launch",
    "visuals.reminder",
    "visuals.results",
    "after_post",
]


@rule(
    "contest.checklist",
    Severity.WARNING,
    Option(
        "from_status",
        "in_review",
        str,
        "Status from which the checklist must be complete.",
        choices=tuple(s.value for s in WORKFLOW),
    ),
    Option(
        "skip",
        [],
        list,
        "Checklist entries this client does not need, e.g. [shipping, visuals.reminder].",
        choices=tuple(CHECKLIST_NAMES),
    ),
)
def check_contest_checklist(ctx: RuleContext) -> Iterator[Finding]:
    """A contest under review (or later) misses part of its checklist.

    A contest is a legal operation as much as a post: organisers, prize (description, value,
    quantity), rules, eligibility, mechanics, dates, draw date and method, announcement,
    shipping, launch/reminder/results visuals and an after-contest post (a post with
    `contest: <slug>` after the draw). The message lists what is missing.
    """
    first = WORKFLOW.index(Status(ctx.options["from_status"]))
    skip = set(ctx.options["skip"])
    for item in CONTEST.items(ctx.plan.live_items):
        meta = item.meta
        if WORKFLOW.index(meta.status) < first:
            continue
        entries = contest_checklist(meta, ctx.plan.contest_posts.get(item.slug, []))
        missing = [e.label for e in entries if not e.done and e.name not in skip]
        if missing:
            yield Finding(
                item.source,
                ("status",),
                f"`{meta.status.value}` contest with an "
                f"incomplete checklist: missing {', '.join(missing)}",
                item,
            )
