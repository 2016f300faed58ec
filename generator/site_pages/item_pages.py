"""An item's page or card (item.html.j2): previews, status, validations, checklist, source.

This module decides what each kind of item shows (an ItemView); the template writes the HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.numbers import format_currency
from markupsafe import Markup

from generator.calendar_model import ClientCalendar, Entry
from generator.captions import network_name
from generator.content.kinds import CONTEST, PARTNERSHIP, POST, contest_of
from generator.content.model import AnyItem, Item
from generator.rules.contest import contest_checklist
from generator.sanitise import safe_url
from generator.schema import Contest, Post
from generator.schema.items import Boost
from generator.schema.settings import Settings
from generator.site_pages.context import Page, SiteContext
from generator.site_pages.history_section import render_history_section
from generator.site_pages.labels import format_day, format_moment, shipping_label
from generator.site_pages.mockups import MockupView, mockup_view
from generator.site_pages.partnership_view import (
    DeliverableLine,
    PartnershipFacts,
    deliverable_lines,
    partnership_facts,
)
from generator.site_pages.render import macro
from generator.site_pages.review import ReviewView, review_view
from generator.vocabulary import category_word, goal_word
from generator.vocabulary import word as t


@dataclass(frozen=True)
class CheckLine:
    """One line of a contest's checklist: done or not, and what the contest says for it."""

    ok: bool
    label: str
    text: str = ""
    url: str | None = None  # the line shows this address as a link instead of `text`


@dataclass
class ItemView:
    """What an item's article shows beyond its own fields, decided here, written by item.html.j2."""

    history: Markup
    review: ReviewView
    when: str | None = None
    category: str | None = None  # a post's editorial category, in words
    author: str | None = None
    edit: str | None = None  # the forge address that edits the source file
    mockups: list[MockupView] = field(default_factory=list)
    boost: str | None = None
    published: list[tuple[str, Any]] = field(default_factory=list)  # (network name, live post)
    dates: list[tuple[str, str]] = field(default_factory=list)
    checks: list[CheckLine] = field(default_factory=list)
    related: list[Entry] = field(default_factory=list)
    deliverables: list[DeliverableLine] = field(default_factory=list)  # a partnership's
    partnership: PartnershipFacts | None = None


def edit_url(settings: Settings, rel: str) -> str | None:
    """The forge address that edits the item's source file (repo_url + edit_uri + path)."""
    if not settings.repo_url:
        return None
    parts = [settings.repo_url.rstrip("/"), (settings.edit_uri or "").strip("/"), rel]
    return safe_url("/".join(p for p in parts if p))


def boost_line(boost: Boost, locale: str) -> str:
    """A boost in words: budget as money, objective and dates in the site's language."""
    budget = format_currency(boost.budget, boost.currency, locale=locale)
    days = [format_day(d, locale, "d MMM y") for d in (boost.start, boost.end) if d]
    dates = t("from_to", locale, start=days[0], end=days[1]) if len(days) == 2 else "".join(days)
    parts = [budget]
    if boost.objective:
        parts.append(t("ad_goal", locale, goal=goal_word(boost.objective, locale)))
    return " · ".join([*parts, dates] if dates else parts)


def local_moment(cal: ClientCalendar, moment: datetime, locale: str) -> str:
    return format_moment(moment.astimezone(ZoneInfo(cal.client.timezone)), locale)


def post_view(ctx: SiteContext, cal: ClientCalendar, item: Item[Post], view: ItemView) -> None:
    meta = item.meta
    view.category = category_word(meta.category, ctx.locale)
    view.author = meta.author
    view.mockups = [mockup_view(ctx, cal.client, item, p) for p in item.platforms]
    if meta.boost:
        view.boost = boost_line(meta.boost, ctx.locale)
    view.published = [
        (network_name(platform.value), live)
        for platform, live in sorted(meta.published.items(), key=lambda kv: kv[0].value)
    ]


def checklist(ctx: SiteContext, meta: Contest, related: list[Entry]) -> list[CheckLine]:
    """The list `almanac check` judges (contest.checklist), then winners and shipping."""
    locale = ctx.locale
    prize = meta.prize
    prize_text = ""
    if prize is not None:
        value = f" ({prize.value:g} {prize.currency})" if prize.value else ""
        prize_text = f"{prize.quantity} × {prize.description}{value}"
    says = {
        "organizers": ", ".join(meta.organizers),
        "prize": prize_text,
        "eligibility": meta.eligibility or "",
        "mechanics": meta.mechanics or "",
        "draw_method": meta.draw_method or "",
        "shipping": shipping_label(meta, locale),
        "visuals.launch": meta.visuals.launch or "",
        "visuals.reminder": meta.visuals.reminder or "",
        "visuals.results": meta.visuals.results or "",
    }
    lines = [
        CheckLine(
            entry.done,
            t(f"ck_{entry.name}", locale),
            says.get(entry.name, ""),
            meta.rules if entry.name == "rules" else None,
        )
        for entry in contest_checklist(meta, POST.items(e.item for e in related))
    ]
    winners = meta.winners
    shipped = meta.shipping is not None and meta.shipping.status.value != "pending"
    return [
        *lines,
        CheckLine(bool(winners), t("ck_winners", locale), ", ".join(w.name for w in winners)),
        CheckLine(bool(winners) and all(w.notified_at for w in winners), t("ck_notified", locale)),
        CheckLine(shipped, t("ck_shipped", locale), shipping_label(meta, locale)),
    ]


def contest_view(
    ctx: SiteContext, cal: ClientCalendar, item: Item[Contest], view: ItemView
) -> None:
    meta = item.meta
    moments = [
        ("starts", meta.starts),
        ("ends", meta.ends),
        ("draw", meta.draw_at),
        ("announce", meta.announce_at),
    ]
    view.dates = [
        (t(f"milestone.{name}", ctx.locale).capitalize(), local_moment(cal, when, ctx.locale))
        for name, when in moments
        if when
    ]
    view.related = [e for e in cal.entries if contest_of(e.item) == item.slug]
    view.checks = checklist(ctx, meta, view.related)


def item_view(ctx: SiteContext, cal: ClientCalendar, item: AnyItem) -> ItemView:
    when = item.when
    view = ItemView(
        history=render_history_section(ctx, item),
        review=review_view(ctx, cal, item),
        when=local_moment(cal, when, ctx.locale) if when else None,
        edit=edit_url(ctx.model.workspace.settings, item.source.rel),
    )
    if (post := POST.narrow(item)) is not None:
        post_view(ctx, cal, post, view)
    if (contest := CONTEST.narrow(item)) is not None:
        contest_view(ctx, cal, contest, view)
    if (partnership := PARTNERSHIP.narrow(item)) is not None:
        view.deliverables = deliverable_lines(ctx, cal, partnership)
        view.partnership = partnership_facts(ctx, partnership)
    return view


def render_item(
    ctx: SiteContext, cal: ClientCalendar, item: AnyItem, page: str, level: int = 1
) -> Markup:
    """The item's article: head, its problems, what its kind needs, approval and history."""
    article = macro("item.html.j2", "article")
    return article(ctx, cal, item, item_view(ctx, cal, item), page, level)


def render_item_page(ctx: SiteContext, cal: ClientCalendar, item: AnyItem) -> Page:
    page = ctx.item_page(item)
    when = item.when
    key = f"{when.astimezone(ZoneInfo(cal.client.timezone)):%Y-%m}" if when else None
    body = macro("item.html.j2", "item_page")(ctx, cal, item, item_view(ctx, cal, item), key, page)
    return Page(page, item.title, str(body), hide=["toc"], boost=2, tags=list(item.meta.tags))
