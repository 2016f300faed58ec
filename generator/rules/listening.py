"""Alerts on what the community says: a negative spike, unanswered mentions, low ratings.

These are the problems a community manager must see before anything else on a Monday
morning: `almanac check` lists them first, and `ALERT_RULES` / `alerts_first` let the site's
action queue do the same. They are notes by default, not warnings: they are about the
community, not about the files, so they never fail a check or a pull request, even with
`--strict` (a client may raise them with `rules: {mentions.unanswered: {severity: warning}}`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from generator.content.kinds import MENTIONS
from generator.content.model import ClientData, Item
from generator.problems import Problem, Severity
from generator.rules.registry import Finding, Option, RuleContext, rule
from generator.schema.client import ResponseTime
from generator.schema.common import parse_clock
from generator.schema.mentions import Mention, MentionLog, Tone

ALERT_RULES = frozenset(
    {"mentions.negative-spike", "mentions.unanswered", "mentions.low-rating-unanswered"}
)


def is_alert(problem: Problem) -> bool:
    """A listening alert: shown before every other problem."""
    return problem.rule in ALERT_RULES


def alerts_first(problems: Iterable[Problem]) -> list[Problem]:
    """The alerts, then the rest, each in the order given."""
    found = list(problems)
    return [p for p in found if is_alert(p)] + [p for p in found if not is_alert(p)]


@dataclass(frozen=True)
class Logged:
    """One mention in its month's log, with where it is written."""

    log: Item[MentionLog]
    index: int
    mention: Mention

    def finding(self, message: str, field: str = "at") -> Finding:
        return Finding(self.log.source, ("mentions", self.index, field), message, self.log)


def logged(client: ClientData) -> list[Logged]:
    """Every mention of the client, from every month's log."""
    return [
        Logged(log, index, mention)
        for log in MENTIONS.items(client.items)
        for index, mention in enumerate(log.meta.mentions)
    ]


def stamp(moment: datetime, zone: str) -> str:
    return f"{moment.astimezone(ZoneInfo(zone)):%d/%m %H:%M}"


@rule(
    "mentions.negative-spike",
    Severity.INFO,
    Option("min_negative", 3, int, "Fewest negative mentions in 7 days that can be a spike.", 1),
    Option("factor", 2.0, float, "Times the weekly average of the weeks before.", 1),
    Option("weeks", 4, int, "Weeks before the last 7 days that make the average.", 1, 52),
)
def check_negative_spike(ctx: RuleContext) -> Iterator[Finding]:
    """Negative mentions spike in the last 7 days against the weeks before.

    A complaint that spreads is caught in its first days or becomes a crisis: the account lead
    is told and the prepared scenario started while answers can still calm it. The threshold
    is the client's (`rules: mentions.negative-spike: {min_negative, factor, weeks}`).
    """
    today, weeks = ctx.today, int(ctx.options["weeks"])
    start = today - timedelta(days=7)
    negative = [m for m in logged(ctx.client) if m.mention.tone is Tone.NEGATIVE]
    recent = [m for m in negative if start < m.mention.at <= today]
    before = [m for m in negative if start - timedelta(weeks=weeks) < m.mention.at <= start]
    average = len(before) / weeks
    if (
        len(recent) < int(ctx.options["min_negative"])
        or len(recent) < ctx.options["factor"] * average
    ):
        return
    last = max(recent, key=lambda m: m.mention.at)
    yield last.finding(
        f"{len(recent)} negative mentions in the 7 days to "
        f"{today.astimezone(ZoneInfo(ctx.client.timezone)):%d/%m} "
        f"against {average:.1f} a week over the {weeks} weeks before: a spike. Read them, tell "
        "the account lead and start the crisis scenario if it spreads"
    )


def response_hours(mention: Mention, client: ClientData) -> float:
    """The client's delay for what arrived then: holiday, weekend, evening, or working hours."""
    response: ResponseTime = client.config.response
    local = mention.at.astimezone(ZoneInfo(client.timezone))
    holidays = {day for e in client.events if e.kind == "holiday" for day in e.days}
    weekend = response.weekends_hours or response.hours
    if local.date() in holidays:
        return response.holidays_hours or weekend
    if local.weekday() >= 5:
        return weekend
    opens, closes = (parse_clock(part) for part in response.working_hours.split("-"))
    if not opens <= local.time() < closes:
        return response.evenings_hours or response.hours
    return response.hours


@rule("mentions.unanswered", Severity.INFO)
def check_unanswered(ctx: RuleContext) -> Iterator[Finding]:
    """A mention or review that calls for an answer is unanswered past the client's delay.

    Reviews and negative mentions call for an answer (or any mention marked `needs_answer`);
    the delay is the client's `response:` in client.yml, which may be longer in the evening,
    at the weekend and on public holidays. Set `answered_at` once answered.
    """
    zone = ctx.client.timezone
    for item in logged(ctx.client):
        mention = item.mention
        if not mention.expects_answer or mention.is_answered:
            continue
        hours = response_hours(mention, ctx.client)
        due = mention.at + timedelta(hours=hours)
        if ctx.today > due:
            yield item.finding(
                f"{what(mention)} from {stamp(mention.at, zone)} is unanswered: the client "
                f"answers within {hours:g} h (due {stamp(due, zone)}); answer it, then set "
                "`answered_at`"
            )


@rule(
    "mentions.low-rating-unanswered",
    Severity.INFO,
    Option("max_rating", 2, int, "Highest rating that counts as low.", 1, 4),
)
def check_low_rating(ctx: RuleContext) -> Iterator[Finding]:
    """A low rating (2 stars or fewer) has no answer yet.

    A one-star review without an answer is read by every future customer; an answer in the
    brand's voice, quickly, is the best a brand can do about it.
    """
    for item in logged(ctx.client):
        mention = item.mention
        if mention.rating is None or mention.is_answered:
            continue
        if mention.rating <= int(ctx.options["max_rating"]) and mention.at <= ctx.today:
            yield item.finding(
                f"{what(mention)} from {stamp(mention.at, ctx.client.timezone)} has no answer",
                "rating",
            )


def what(mention: Mention) -> str:
    """`a 1★ review on google`, `a negative mention on x`: what the sentence is about."""
    if mention.rating is not None:
        return f"a {mention.rating}★ review on {mention.site.value}"
    tone = f"{mention.tone.value} " if mention.tone else ""
    return f"a {tone}mention on {mention.site.value}"
