"""An item's page (or card): previews per network, status, validations, checklist, source."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from generator.calendar_model import ClientCalendar
from generator.captions import network_name
from generator.content.kinds import CONTEST, CURATED, POST, contest_of
from generator.content.model import AnyItem, Item
from generator.problems import Problem
from generator.rules.contest import contest_checklist
from generator.schema import Contest, Curated, Post
from generator.schema.settings import Settings
from generator.site_pages.calendar_pages import client_open, render_entry_list
from generator.site_pages.context import Page, SiteContext
from generator.site_pages.history_section import render_history_section
from generator.site_pages.html import esc, href, link, render_markdown, safe_url
from generator.site_pages.labels import (
    format_moment,
    icon,
    shipping_label,
    status_chip,
    t,
)
from generator.site_pages.mockups import render_media, render_mockup
from generator.vocabulary import category_word, problem_sentence


def edit_url(settings: Settings, rel: str) -> str | None:
    """The forge address that edits the item's source file (repo_url + edit_uri + path)."""
    if not settings.repo_url:
        return None
    parts = [settings.repo_url.rstrip("/"), (settings.edit_uri or "").strip("/"), rel]
    return safe_url("/".join(p for p in parts if p))


def render_facts(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows if v)
    return f'<dl class="al-facts">{cells}</dl>'


def render_problems(ctx: SiteContext, problems: list[Problem]) -> str:
    if not problems:
        return ""
    rows = "".join(
        f'<li class="al-problem al-{p.severity.value}"><code>{esc(p.path)}:{p.line}</code> '
        f'<span class="al-problem-what">{esc(problem_sentence(p.rule, ctx.locale))}</span> '
        f"{esc(p.message)} <small>({esc(p.rule)})</small></li>"
        for p in problems
    )
    return (
        f'<h2 id="problems">{esc(t("problems", ctx.locale))}</h2>'
        f'<ul class="al-problems" data-search-exclude>{rows}</ul>'
    )


def render_head(ctx: SiteContext, cal: ClientCalendar, item: AnyItem, page: str, level: int) -> str:
    """Title, status and the facts everyone asks first."""
    zone = ZoneInfo(cal.client.timezone)
    when = item.when
    meta = item.meta
    post = POST.narrow(item)
    anchor = f' id="{esc(item.slug)}"' if level > 1 else ""
    rows = [
        (t("status", ctx.locale), status_chip(item.status, ctx.locale)),
        (
            t("kind", ctx.locale),
            f"{esc(t(f'kind.{item.kind}', ctx.locale))}"
            + (f" · {esc(category_word(meta.kind, ctx.locale))}" if isinstance(meta, Post) else ""),
        ),
        (
            t("when", ctx.locale),
            esc(format_moment(when.astimezone(zone), ctx.locale))
            if when
            else esc(t("unscheduled", ctx.locale)),
        ),
        (
            t("filter_network", ctx.locale),
            " ".join(
                f'<span class="al-net">{icon(p, page)} {esc(network_name(p))}</span>'
                for p in item.platforms
            ),
        ),
        (t("campaign", ctx.locale), esc(meta.campaign or "")),
        (t("author", ctx.locale), esc((post.meta.author if post is not None else None) or "")),
        (
            t("tags", ctx.locale),
            " ".join(f'<span class="al-tag">{esc(tag)}</span>' for tag in meta.tags),
        ),
    ]
    edit = edit_url(ctx.model.workspace.settings, item.source.rel)
    edit_link = (
        f'<a class="al-edit md-button" href="{esc(edit)}" rel="noopener">✎ '
        f"{esc(t('edit', ctx.locale))}</a>"
        if edit
        else ""
    )
    return (
        f"<h{level}{anchor}>{esc(item.title)}</h{level}>"
        f'<div class="al-item-head">{render_facts(rows)}{edit_link}</div>'
    )


def render_validations(ctx: SiteContext, cal: ClientCalendar, meta: Post) -> str:
    cited = "".join(
        f'<li class="{"al-yes" if c.validated else "al-no"}">{"✓" if c.validated else "✗"} '
        f"{esc(c.name)} {esc(c.handle or '')} — "
        f"{esc(t('validated' if c.validated else 'not_validated', ctx.locale))}"
        f"{' ' + esc(c.validated_at.isoformat()) if c.validated_at else ''}</li>"
        for c in meta.cited
    )
    approvers = "".join(
        f"<li>{esc(a.name)}{' (' + esc(a.role) + ')' if a.role else ''} — "
        f"{esc(t('must_approve' if meta.category in a.categories else 'may_approve', ctx.locale))}"
        "</li>"
        for a in cal.client.config.approvers
        if not a.categories or meta.category in a.categories
    )
    out = ""
    if cited:
        out += f'<h2 id="validations">{esc(t("validations", ctx.locale))}</h2><ul>{cited}</ul>'
    if approvers:
        out += f'<h2 id="approvals">{esc(t("approvals", ctx.locale))}</h2><ul>{approvers}</ul>'
    return out


def render_post(ctx: SiteContext, cal: ClientCalendar, item: Item[Post], page: str) -> str:
    meta = item.meta
    mockups = "".join(render_mockup(ctx, cal.client, item, p, page) for p in item.platforms)
    out = (
        f'<h2 id="previews">{esc(t("previews", ctx.locale))}</h2>'
        f'<div class="al-mockups">{mockups}</div>'
    )
    out += render_validations(ctx, cal, meta)
    extra = []
    if meta.boost:
        boost = meta.boost
        extra.append(
            (
                t("boost", ctx.locale),
                esc(
                    f"{boost.budget:g} {boost.currency} {boost.objective or ''} "
                    f"{boost.start or ''} → {boost.end or ''}"
                ),
            )
        )
    for platform, live in sorted(meta.published.items(), key=lambda kv: kv[0].value):
        extra.append(
            (
                f"{t('published_at', ctx.locale)} · {network_name(platform.value)}",
                link(live.url, live.url or live.id),
            )
        )
    return out + render_facts(extra)


def check_row(ok: bool, label: str, detail: str = "") -> str:
    mark = '<span class="al-yes">✓</span>' if ok else '<span class="al-no">✗</span>'
    return f"<li>{mark} <strong>{esc(label)}</strong> {detail}</li>"


def checklist_details(meta: Contest, locale: str) -> dict[str, str]:
    """What the contest says for each checklist line (escaped HTML)."""
    prize = meta.prize
    prize_text = ""
    if prize is not None:
        value = f" ({prize.value:g} {prize.currency})" if prize.value else ""
        prize_text = f"{prize.quantity} × {prize.description}{value}"
    return {
        "organizers": esc(", ".join(meta.organizers)),
        "prize": esc(prize_text),
        "rules": link(meta.rules) if meta.rules else "",
        "eligibility": esc(meta.eligibility or ""),
        "mechanics": esc(meta.mechanics or ""),
        "draw_method": esc(meta.draw_method or ""),
        "shipping": esc(shipping_label(meta, locale)),
        "visuals.launch": esc(meta.visuals.launch or ""),
        "visuals.reminder": esc(meta.visuals.reminder or ""),
        "visuals.results": esc(meta.visuals.results or ""),
    }


def render_contest(ctx: SiteContext, cal: ClientCalendar, item: Item[Contest], page: str) -> str:
    meta = item.meta
    zone = ZoneInfo(cal.client.timezone)
    moments = [
        ("starts", meta.starts),
        ("ends", meta.ends),
        ("draw", meta.draw_at),
        ("announce", meta.announce_at),
    ]
    dates = [
        (
            t(f"milestone.{name}", ctx.locale).capitalize(),
            esc(format_moment(when.astimezone(zone), ctx.locale)),
        )
        for name, when in moments
        if when
    ]
    related = [e for e in cal.entries if contest_of(e.item) == item.slug]
    # the list `almanac check` judges (contest.checklist), with what each line says
    details = checklist_details(meta, ctx.locale)
    checks = [
        check_row(entry.done, t(f"ck_{entry.name}", ctx.locale), details.get(entry.name, ""))
        for entry in contest_checklist(meta, POST.items(e.item for e in related))
    ]
    checks += [
        check_row(
            bool(meta.winners),
            t("ck_winners", ctx.locale),
            esc(", ".join(w.name for w in meta.winners)),
        ),
        check_row(
            bool(meta.winners) and all(w.notified_at for w in meta.winners),
            t("ck_notified", ctx.locale),
        ),
        check_row(
            meta.shipping is not None and meta.shipping.status.value != "pending",
            t("ck_shipped", ctx.locale),
            esc(shipping_label(meta, ctx.locale)),
        ),
    ]
    out = render_facts(
        dates
        + [
            (t("partners", ctx.locale), esc(", ".join(meta.partners))),
            (t("participants", ctx.locale), esc(meta.participants or "")),
        ]
    )
    out += (
        f'<h2 id="checklist">{esc(t("checklist", ctx.locale))}</h2>'
        f'<ul class="al-checklist">{"".join(checks)}</ul>'
    )
    if item.body.strip():
        out += (
            f'<h2 id="announcement">{esc(t("announcement", ctx.locale))}</h2>'
            f'<div class="al-prose">{render_markdown(item.body)}</div>'
        )
    out += render_media(ctx, cal.slug, meta.media, page)
    if related:
        out += f'<h2 id="related">{esc(t("related_posts", ctx.locale))}</h2>' + render_entry_list(
            ctx, related, page
        )
    return out


def render_curated(ctx: SiteContext, cal: ClientCalendar, item: Item[Curated], page: str) -> str:
    meta = item.meta
    source = (
        link(meta.source_url, meta.source_name or meta.source_url)
        if meta.source_url
        else esc(meta.source_name or "")
    )
    permission = meta.permission
    rows = [
        (t("source", ctx.locale), source),
        (t("author", ctx.locale), esc(meta.source_author or "")),
        (t("found_at", ctx.locale), esc(meta.found_at or "")),
        (t("credit", ctx.locale), esc(meta.credit or "")),
        (
            t("permission", ctx.locale),
            esc(f"{permission.requested_at or '?'} → {permission.granted_at or '…'}")
            if permission
            else "",
        ),
    ]
    out = render_facts(rows)
    if meta.why:
        out += f'<h2 id="why">{esc(t("why", ctx.locale))}</h2><p>{esc(meta.why)}</p>'
    if item.body.strip():
        out += (
            f'<h2 id="commentary">{esc(t("commentary", ctx.locale))}</h2>'
            f'<div class="al-prose">{render_markdown(item.body)}</div>'
        )
    return out


def render_kind(ctx: SiteContext, cal: ClientCalendar, item: AnyItem, page: str) -> str:
    """What the item's own kind shows (previews, checklist, source), typed over its schema."""
    if (post := POST.narrow(item)) is not None:
        return render_post(ctx, cal, post, page)
    if (contest := CONTEST.narrow(item)) is not None:
        return render_contest(ctx, cal, contest, page)
    if (curated := CURATED.narrow(item)) is not None:
        return render_curated(ctx, cal, curated, page)
    return ""


def render_item(
    ctx: SiteContext, cal: ClientCalendar, item: AnyItem, page: str, level: int = 1
) -> str:
    """The item's article: head, its problems, what its kind needs, approval and history."""
    body = render_kind(ctx, cal, item, page)
    problems = render_problems(ctx, cal.item_problems(item))
    history = render_history_section(ctx, item)
    return (
        f'<article class="al-item al-st-{item.status}" data-status="{item.status}" '
        f'data-platforms="{" ".join(item.platforms)}">'
        f"{render_head(ctx, cal, item, page, level)}{problems}{body}{history}</article>"
    )


def render_item_page(ctx: SiteContext, cal: ClientCalendar, item: AnyItem) -> Page:
    page = ctx.item_page(item)
    back = (
        f'<nav class="al-crumbs" data-search-exclude><a href="'
        f'{href(page, ctx.client_page(cal.slug))}">{esc(cal.client.name)}</a>'
    )
    if item.when is not None:
        key = f"{item.when.astimezone(ZoneInfo(cal.client.timezone)):%Y-%m}"
        back += f' › <a href="{href(page, ctx.month_page(cal.slug, key))}">{esc(key)}</a>'
    back += "</nav>"
    body = client_open(cal) + back + render_item(ctx, cal, item, page) + "</div>"
    return Page(page, item.title, body, hide=["toc"], boost=2, tags=list(item.meta.tags))
