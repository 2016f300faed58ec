"""iCalendar (RFC 5545) feeds of one client's plan, for all networks or for one network.

The icalendar library writes the text (escaping, folding at 75 octets, CRLF, value types), the
library that also reads the calendar files of `almanac events import`. This module decides what
goes in: one event per post, share and contest milestone, and, in the feed of all networks, the
calendar's days (the agency's events, the client's own and its public holidays) as all-day or
timed events.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from generator.captions import network_name, plain_caption
from generator.content.kinds import CONTEST, CURATED, POST
from generator.content.model import AnyItem, ClientData, Item, Workspace
from generator.feeds.ics_days import day_events
from generator.feeds.ics_event import FeedEvent, build_calendar
from generator.sanitise import plain_text, safe_url
from generator.schema import Contest, Curated, Post

POST_MINUTES = 15
EXCERPT_CHARS = 280
TENTATIVE = {"idea", "draft", "in_review", "candidate"}
CANCELLED = {"cancelled", "rejected"}
WEB_SCHEMES = frozenset({"http", "https"})  # a calendar URL property is a web page

WORDS = {
    "fr": {
        "draw": "Tirage au sort",
        "announce": "Annonce des gagnants",
        "contest": "Concours",
        "curated": "Partage",
        "status": "Statut",
        "source": "Source",
        "feed": "Calendrier",
    },
    "en": {
        "draw": "Draw",
        "announce": "Winners announced",
        "contest": "Contest",
        "curated": "Share",
        "status": "Status",
        "source": "Source",
        "feed": "Calendar",
    },
}

UrlFor = Callable[[AnyItem], str | None]


def render_ics(
    workspace: Workspace,
    client: ClientData,
    platform: str | None = None,
    url_for: UrlFor | None = None,
) -> str:
    """The feed of `client` (all networks, or only `platform`) as an RFC 5545 text with CRLF.

    The feed of all networks carries the calendar's days too (fairs, awareness days, public
    holidays); a network's feed holds what goes out on that network only.
    """
    events = build_events(workspace, client, platform, url_for)
    if platform is None:
        events = sort_events([*events, *day_events(workspace, client)])
    return build_calendar(calendar_names(client, platform), client.timezone, events).decode()


def calendar_names(client: ClientData, platform: str | None) -> dict[str, str]:
    """X-WR-CALNAME and X-WR-CALDESC: the names calendar applications show for a feed."""
    words = WORDS.get(client.locale, WORDS["en"])
    name = plain_text(client.name)
    name = name if platform is None else f"{name} · {network_name(platform)}"
    return {"X-WR-CALNAME": name, "X-WR-CALDESC": f"{words['feed']} · {name}"}


def sort_events(events: list[FeedEvent]) -> list[FeedEvent]:
    """By start instant (an all-day event at the day's UTC midnight), then UID."""
    return sorted(events, key=lambda e: (e.instant, e.uid))


def build_events(
    workspace: Workspace, client: ClientData, platform: str | None, url_for: UrlFor | None = None
) -> list[FeedEvent]:
    """Every event of the client's items on `platform` (or all), sorted by start then UID."""
    events: list[FeedEvent] = []
    for item in client.items:
        if platform is not None and platform not in item.platforms:
            continue
        url = url_for(item) if url_for else default_url(workspace, client)
        events.extend(item_events(item, client, platform, safe_url(url, WEB_SCHEMES)))
    return sort_events(events)


def default_url(workspace: Workspace, client: ClientData) -> str | None:
    base = workspace.settings.site_url
    return f"{base.rstrip('/')}/{client.slug}/" if base else None


def item_events(
    item: AnyItem, client: ClientData, platform: str | None, url: str | None
) -> list[FeedEvent]:
    if (post := POST.narrow(item)) is not None:
        return [post_event(post, client, platform, url)]
    if (contest := CONTEST.narrow(item)) is not None:
        return contest_events(contest, client, platform, url)
    if (curated := CURATED.narrow(item)) is not None and curated.meta.share_at is not None:
        return [curated_event(curated, client, platform, url)]
    return []


def event_uid(item: AnyItem, platform: str | None, part: str | None = None) -> str:
    """`<client>/<kind>/<slug>[/<platform>][/<part>]@almanac`: stable across builds."""
    pieces = [item.uid, platform, part]
    return "/".join(p for p in pieces if p) + "@almanac"


def ical_status(status: str) -> str:
    if status in CANCELLED:
        return "CANCELLED"
    return "TENTATIVE" if status in TENTATIVE else "CONFIRMED"


def summary_of(title: str, item: AnyItem, platform: str | None) -> str:
    networks = [platform] if platform else item.platforms
    return f"{title} ({', '.join(network_name(p) for p in networks)})"


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def describe(
    item: AnyItem, client: ClientData, platform: str | None, extra: list[str] | None = None
) -> str:
    words = WORDS.get(client.locale, WORDS["en"])
    parts = [
        excerpt(plain_caption(item, platform)),
        *(extra or []),
        f"{words['status']}: {item.status.replace('_', ' ')}",
    ]
    return "\n\n".join(p for p in parts if p)


def categories_of(item: AnyItem, kind: str) -> list[str]:
    values = [kind, *item.meta.tags]
    return list(dict.fromkeys(v for v in values if v))


def post_event(
    item: Item[Post], client: ClientData, platform: str | None, url: str | None
) -> FeedEvent:
    start = item.meta.publish_at
    return FeedEvent(
        uid=event_uid(item, platform),
        start=start,
        end=start + timedelta(minutes=POST_MINUTES),
        summary=summary_of(item.title, item, platform),
        description=describe(item, client, platform),
        status=ical_status(item.status),
        categories=categories_of(item, item.meta.category),
        url=url,
    )


def contest_events(
    item: Item[Contest], client: ClientData, platform: str | None, url: str | None
) -> list[FeedEvent]:
    meta = item.meta
    words = WORDS.get(client.locale, WORDS["en"])
    status = ical_status(item.status)
    text = describe(item, client, platform, _prize(meta))
    tags = categories_of(item, "contest")
    end = meta.ends if meta.ends > meta.starts else meta.starts + timedelta(minutes=POST_MINUTES)
    events = [
        FeedEvent(
            event_uid(item, platform),
            meta.starts,
            end,
            f"{words['contest']}: {summary_of(item.title, item, platform)}",
            text,
            status,
            tags,
            url,
        )
    ]
    for part, moment in (("draw", meta.draw_at), ("announce", meta.announce_at)):
        if moment is not None:
            events.append(
                FeedEvent(
                    event_uid(item, platform, part),
                    moment,
                    moment + timedelta(minutes=POST_MINUTES),
                    f"{words[part]}: {summary_of(item.title, item, platform)}",
                    text,
                    status,
                    tags,
                    url,
                )
            )
    return events


def _prize(meta: Contest) -> list[str]:
    return [meta.prize.description] if meta.prize else []


def curated_event(
    item: Item[Curated], client: ClientData, platform: str | None, url: str | None
) -> FeedEvent:
    meta = item.meta
    assert meta.share_at is not None
    words = WORDS.get(client.locale, WORDS["en"])
    source = " · ".join(p for p in (meta.source_name, meta.source_url) if p)
    extra = [f"{words['source']}: {source}"] if source else []
    return FeedEvent(
        uid=event_uid(item, platform),
        start=meta.share_at,
        end=meta.share_at + timedelta(minutes=POST_MINUTES),
        summary=f"{words['curated']}: {summary_of(item.title, item, platform)}",
        description=describe(item, client, platform, extra),
        status=ical_status(item.status),
        categories=categories_of(item, "curated"),
        url=url,
    )
