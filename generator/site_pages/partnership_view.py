"""What a partnership's page shows beyond its fields: each deliverable, its posts, where it is."""

from __future__ import annotations

from dataclasses import dataclass, field

from babel.numbers import format_currency, format_decimal

from generator.calendar_model import ClientCalendar, Entry
from generator.captions import network_name
from generator.content.model import Item
from generator.partnerships import deliverable_states
from generator.schema.partnership import Partnership
from generator.site_pages.context import SiteContext
from generator.site_pages.labels import format_day
from generator.vocabulary import word as t


@dataclass(frozen=True)
class DeliverableLine:
    """One row of the deliverables table."""

    what: str  # "reel · Instagram"
    due: str
    state: str  # done, overdue or due, as a css class
    label: str  # the state in words
    posts: tuple[Entry, ...]


@dataclass(frozen=True)
class PartnershipFacts:
    """The partner's accounts and the money, written in the site's language."""

    accounts: list[tuple[str, str, str]] = field(default_factory=list)  # network, handle, audience
    fee: str = ""
    gifts: str = ""


def money(value: float, currency: str, locale: str) -> str:
    return format_currency(value, currency, locale=locale, format_type="standard")


def partnership_facts(ctx: SiteContext, item: Item[Partnership]) -> PartnershipFacts:
    meta, locale = item.meta, ctx.locale
    accounts = [
        (
            network.value,
            handle,
            format_decimal(meta.partner.audience[network], locale=locale)
            if network in meta.partner.audience
            else "",
        )
        for network, handle in meta.partner.handles.items()
    ]
    gifts = [
        gift.description + (f" ({money(gift.value, meta.currency, locale)})" if gift.value else "")
        for gift in meta.gifted
    ]
    fee = money(meta.fee, meta.currency, locale) if meta.fee else ""
    return PartnershipFacts(accounts, fee, ", ".join(gifts))


def deliverable_lines(
    ctx: SiteContext, cal: ClientCalendar, item: Item[Partnership]
) -> list[DeliverableLine]:
    """The partnership's deliverables as of the site's day, with the calendar entries of their
    posts (so the page links to them)."""
    today = ctx.model.today.date()
    entries = {e.item.slug: e for e in cal.entries}
    lines = []
    for state in deliverable_states(cal.client, today):
        if state.partnership is not item:
            continue
        wanted = state.deliverable
        name = "done" if state.done else "overdue" if state.overdue else "due"
        lines.append(
            DeliverableLine(
                what=f"{t('format.' + wanted.format.value, ctx.locale)} · "
                f"{network_name(wanted.platform.value)}",
                due=format_day(wanted.due, ctx.locale),
                state=name,
                label=t(f"deliverable_{name}", ctx.locale),
                posts=tuple(entries[p.slug] for p in state.posts if p.slug in entries),
            )
        )
    return lines
