"""Rules that read the calendar's events: blackout events, events to post about, holidays."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from generator.content.kinds import CONTEST
from generator.content.model import AgencyEvent, Source
from generator.problems import Severity
from generator.rules.cadence import planned_on, time_field
from generator.rules.registry import Finding, Option, RuleContext, rule


def client_events(ctx: RuleContext) -> list[AgencyEvent]:
    """The agency's events, the client's own and its public holidays."""
    return [*ctx.ws.events, *ctx.client.events]


def event_source(ctx: RuleContext, event: AgencyEvent) -> Source:
    return Source(ctx.ws.root / event.rel, event.rel, {(): event.line})


@rule("events.promo-on-blackout", Severity.ERROR)
def check_promo_on_blackout(ctx: RuleContext) -> Iterator[Finding]:
    """A promotional post is planned during an event marked `blackout: true`.

    Some days call for silence or restraint from brands (a national day of mourning, a local
    tragedy, a competitor's crisis the agency chose not to exploit). Events marked `blackout`
    in `content/_events/` or a client's `events/` keep promotion off those days.
    """
    days = {day: e.title for e in client_events(ctx) if e.blackout for day in e.days}
    promos = (post for post in ctx.plan.posts if post.category == "promo")
    for item, day in planned_on(ctx, promos, days):
        yield Finding(
            item.source,
            time_field(item),
            f"promotional post on {day}, during “{days[day]}” (a blackout event): move it "
            "or make it a non-promotional post",
            item,
        )


@rule(
    "events.no-post",
    Severity.WARNING,
    Option("before_days", 7, int, "Days before the event in which a post counts.", maximum=90),
    Option("lookahead_days", 21, int, "How far ahead events are checked.", maximum=365),
)
def check_event_without_post(ctx: RuleContext) -> Iterator[Finding]:
    """An event marked `post_expected: true` has no post planned around it.

    A trade fair, a launch or an awareness day the brand takes part in is content the audience
    expects; noticing the gap three weeks ahead leaves time to brief the designer.
    """
    today = ctx.plan.local(ctx.today).date()
    horizon = today + timedelta(days=int(ctx.options["lookahead_days"]))
    before = timedelta(days=int(ctx.options["before_days"]))
    post_days = [ctx.plan.local(p.when).date() for p in ctx.plan.posts if p.when is not None]
    for event in client_events(ctx):
        days = event.days
        if not event.post_expected or not today <= days[0] <= horizon:
            continue
        if not any(days[0] - before <= day <= days[-1] for day in post_days):
            yield Finding(
                event_source(ctx, event),
                ("events",),
                f"no post planned for “{event.title}” ({days[0]}): plan one between "
                f"{days[0] - before} and {days[-1]}",
                line=event.line or 1,
            )


@rule("events.draw-on-holiday", Severity.WARNING)
def check_draw_on_holiday(ctx: RuleContext) -> Iterator[Finding]:
    """A contest's draw or winners' announcement falls on a public holiday of the client's country.

    The bailiff or the client's staff who certify the draw and ship the prize are off, and the
    announcement lands when the audience is away: move it to a working day. Holidays come from
    the client's `country:` (and `region:`) in `client.yml`.
    """
    holidays = {day: e.title for e in ctx.client.events if e.kind == "holiday" for day in e.days}
    for item in CONTEST.items(ctx.client.items):
        meta = item.meta
        for name, moment in (("draw_at", meta.draw_at), ("announce_at", meta.announce_at)):
            if moment is None or not ctx.plan.ahead(moment):
                continue
            day: date = ctx.plan.local(moment).date()
            if day in holidays:
                yield Finding(
                    item.source,
                    (name,),
                    f"{day} is a public holiday ({holidays[day]}): move the "
                    f"{'draw' if name == 'draw_at' else 'announcement'} to a working day",
                    item,
                )
