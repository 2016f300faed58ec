"""Every editorial rule: a case that trips it (at the right file and line) and one that does not."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from media_helpers import make_image, make_video
from rules_helpers import Workspace, line_of, of_rule, rel

from generator.rules import RULES

Where = tuple[Path, str]


@dataclass
class Case:
    """How to trip one rule (returning the file and a text on the expected line) and not."""

    rule: str
    bad: Callable[[Workspace], Where]
    good: Callable[[Workspace], object]
    client: dict[str, Any] = field(default_factory=dict)


CASES: list[Case] = []


def case(rule: str, **client: Any) -> Callable[[type], type]:
    def wrap(cls: type) -> type:
        CASES.append(Case(rule, cls.bad, cls.good, client))  # type: ignore[attr-defined]
        return cls

    return wrap


LONG = "Fresh bread every morning. " * 12  # 324 characters


@case("platform.caption-too-long")
class CaptionTooLong:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.post("long", body=LONG, platforms=["x"], media=[]), "Fresh bread"

    @staticmethod
    def good(ws: Workspace) -> None:
        # a long caption is fine on Instagram; on X a link counts as 23 characters
        ws.post("long", body=LONG)
        ws.post(
            "short",
            body="Fresh. " * 35 + "https://example.org/" + "a" * 80,
            platforms=["x"],
            media=[],
        )


@case("platform.hashtags")
class Hashtags:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.post("tags", hashtags=[f"tag{n}" for n in range(31)]), "hashtags:"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("tags", hashtags=[f"tag{n}" for n in range(30)])


@case("platform.media-count")
class MediaCount:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        media = [{"file": f"media/p{n}.jpg", "alt": "A loaf", "rights": "owned"} for n in range(5)]
        return ws.post("many", platforms=["x"], media=media), "media:"

    @staticmethod
    def good(ws: Workspace) -> None:
        media = [{"file": f"media/p{n}.jpg", "alt": "A loaf", "rights": "owned"} for n in range(4)]
        ws.post("many", platforms=["x"], media=media)


@case("platform.alt-missing")
class AltMissing:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        media = [{"file": "media/p.jpg", "rights": "owned"}]
        return ws.post("noalt", media=media), "- file: media/p.jpg"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("alt")


@case("platform.instagram-link")
class InstagramLink:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.post("link", body="Order at https://acme.example/shop today"), "Order at"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("link", body="Order at https://acme.example/shop today", platforms=["facebook"])
        ws.post("bio", body="Order now: link in bio <!-- https://internal.example -->")


@case("platform.variant-not-on-post")
class VariantNotOnPost:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.post("variant", variants={"x": {"caption": "Short"}}), "  x:"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("variant", variants={"instagram": {"caption": "Short"}})


WEEKLY = {"platforms": {"instagram": {"handle": "@a", "cadence": {"max_per_week": 2}}}}


@case("cadence.per-week", **WEEKLY)
class PerWeek:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        ws.post("mon", publish_at="2026-11-23 12:30")
        ws.post("tue", publish_at="2026-11-24 12:30")
        return ws.post("wed", publish_at="2026-11-25 12:30"), "publish_at:"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("mon", publish_at="2026-11-23 12:30")
        ws.post("tue", publish_at="2026-11-24 12:30")
        ws.post("next-mon", publish_at="2026-11-30 12:30")


GAP = {  # a facebook account too: a post on a network without one is an error
    "platforms": {
        "instagram": {"handle": "@a", "cadence": {"min_gap_hours": 4}},
        "facebook": {"handle": "@a"},
    }
}


@case("cadence.min-gap", **GAP)
class MinGap:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        ws.post("noon", publish_at="2026-11-23 12:30")
        return ws.post("two", publish_at="2026-11-23 14:00"), "publish_at:"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("noon", publish_at="2026-11-23 12:30")
        ws.post("five", publish_at="2026-11-23 16:30")
        ws.post("facebook", publish_at="2026-11-23 13:00", platforms=["facebook"])


WINDOWS = {"platforms": {"instagram": {"handle": "@a", "windows": ["07:30-09:00"]}}}


@case("cadence.window", **WINDOWS)
class Window:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.post("noon", publish_at="2026-11-23 12:30"), "publish_at:"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("nine", publish_at="2026-11-23 09:00")  # the end minute is inside
        ws.post("past", publish_at="2026-11-10 12:30", status="published")


SILENCE = {"platforms": {"instagram": {"handle": "@a", "cadence": {"max_silence_days": 7}}}}


@case("cadence.silence", **SILENCE)
class Silence:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        ws.post("first", publish_at="2026-11-22 12:30")
        return ws.post("late", publish_at="2026-12-05 12:30"), "publish_at:"

    @staticmethod
    def good(ws: Workspace) -> None:
        for day in ("2026-11-22", "2026-11-28", "2026-12-04"):
            ws.post(f"p-{day}", publish_at=f"{day} 12:30")


BLACKOUT = {"blackout": [{"date": "2026-11-25", "reason": "national mourning"}]}


@case("cadence.blackout", **BLACKOUT)
class BlackoutDay:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.post("mourning", publish_at="2026-11-25 12:30"), "publish_at:"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("after", publish_at="2026-11-26 12:30")


def posts_of_kinds(ws: Workspace, kinds: list[str]) -> Path:
    path = ws.root
    for day, kind in enumerate(kinds, start=23):
        path = ws.post(f"p{day}", publish_at=f"2026-11-{day} 12:30", category=kind)
    return path


@case("mix.promo-streak")
class PromoStreak:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return posts_of_kinds(ws, ["promo", "promo", "promo"]), "publish_at:"

    @staticmethod
    def good(ws: Workspace) -> None:
        posts_of_kinds(ws, ["promo", "education", "promo"])


@case("mix.promo-share")
class PromoShare:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        posts_of_kinds(ws, ["promo", "education", "promo", "education", "promo"])
        return ws.client_dir / "posts" / "p26.md", "publish_at:"  # 2 of 4 is over 40 %

    @staticmethod
    def good(ws: Workspace) -> None:
        posts_of_kinds(ws, ["promo", "education", "education", "education", "promo"])


@case("mix.curated-share")
class CuratedShare:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        ws.post("own", publish_at="2026-11-23 12:30", platforms=["linkedin"])
        for day in (24, 25):
            ws.curated(f"c{day}", share_at=f"2026-11-{day} 12:30")
        return ws.curated("c26", share_at="2026-11-26 12:30"), "share_at:"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("own", publish_at="2026-11-23 12:30", platforms=["linkedin"])
        ws.post("own2", publish_at="2026-11-24 12:30", platforms=["linkedin"])
        for day in (25, 26):
            ws.curated(f"c{day}", share_at=f"2026-11-{day} 12:30")


@case("workflow.review-due")
class ReviewDue:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.post("soon", publish_at="2026-11-22 10:00", status="in_review"), "status:"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("soon", publish_at="2026-11-22 10:00", status="approved")
        ws.post("later", publish_at="2026-11-25 10:00", status="in_review")


@case("workflow.missed")
class Missed:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.post("gone", publish_at="2026-11-18 10:00"), "publish_at:"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("gone", publish_at="2026-11-18 10:00", status="published")
        ws.post("dropped", publish_at="2026-11-18 11:00", status="cancelled")


PAST_CONTEST = {
    "starts": "2026-11-01 09:00",
    "ends": "2026-11-10 20:00",
    "draw_at": "2026-11-12 10:00",
    "announce_at": "2026-11-12 18:00",
    "status": "published",
}


@case("workflow.contest-no-winners")
class ContestNoWinners:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.contest("cake", **PAST_CONTEST), "draw_at:"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.contest("cake", winners=[{"name": "Jeanne"}], **PAST_CONTEST)


OLD_DRAW = {
    **PAST_CONTEST,
    "draw_at": "2026-11-01 10:00",
    "starts": "2026-10-20 09:00",
    "ends": "2026-10-30 20:00",
    "winners": [{"name": "Jeanne"}],
}


@case("workflow.prize-not-shipped")
class PrizeNotShipped:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.contest("cake", **OLD_DRAW), "status: pending"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.contest("cake", **{**OLD_DRAW, "shipping": {"status": "shipped"}})


def media(**fields: Any) -> list[dict[str, Any]]:
    return [{"file": "media/shot.jpg", "alt": "A chef at work", **fields}]


@case("rights.credit-missing")
class CreditMissing:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.post("photo", media=media(rights="licensed")), "rights: licensed"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("photo", media=media(rights="licensed", credit="© Jane Roe"))
        ws.post("photo2", media=media(credit="© Jane Roe"), publish_at="2026-11-26 12:30")


@case("rights.permission-pending")
class PermissionPending:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        permission = {"requested_at": "2026-11-10"}
        return (
            ws.post(
                "photo",
                media=media(rights="permission", credit="© Jane Roe", permission=permission),
            ),
            "permission:",
        )

    @staticmethod
    def good(ws: Workspace) -> None:
        permission = {"requested_at": "2026-11-10", "granted_at": "2026-11-12"}
        ws.post(
            "photo", media=media(rights="permission", credit="© Jane Roe", permission=permission)
        )


@case("rights.curated-source")
class CuratedSource:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.curated("nosource", source_url=None), "title:"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.curated("candidate", status="candidate", credit=None)


@case("validation.cited")
class Cited:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.post("chef", cited=[{"name": "Chef Dupont"}]), "- name: Chef Dupont"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("chef", cited=[{"name": "Chef Dupont", "validated": True}])
        ws.post(
            "draft", cited=[{"name": "Chef Dupont"}], status="draft", publish_at="2026-11-28 12:30"
        )


POLICY = {
    "approvers": [{"name": "Brand Boss", "email": "boss@acme.example", "categories": ["promo"]}]
}


@case("validation.approval-policy", **POLICY)
class ApprovalPolicy:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.post("sale", category="promo"), "status:"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("sale", category="promo", approved_by=["boss@acme.example"])
        ws.post("tips", category="education", publish_at="2026-11-27 12:30")


@case("contest.checklist")
class Checklist:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.contest("cake", draw_method=None), "status:"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.contest("cake")
        ws.contest("idea", status="idea", draw_method=None, after_post=False)


def write_events(ws: Workspace, *events: dict[str, Any]) -> Path:
    path = ws.client_dir / "events" / "dates.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["events:"]
    for event in events:
        lines.append(f"  - date: {event['date']}")
        lines += [f"    {key}: {value}" for key, value in event.items() if key != "date"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


MOURNING = {"date": "2026-11-25", "title": "Journée de deuil", "blackout": "true"}


@case("events.promo-on-blackout")
class PromoOnBlackoutEvent:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        write_events(ws, MOURNING)
        return ws.post("sale", category="promo", status="draft"), "publish_at:"

    @staticmethod
    def good(ws: Workspace) -> None:
        write_events(ws, MOURNING)
        ws.post("tips", category="education")
        ws.post("sale", category="promo", status="draft", publish_at="2026-11-27 12:30")


FAIR = {"date": "2026-12-01", "end": "2026-12-03", "title": "Salon", "post_expected": "true"}


@case("events.no-post")
class EventWithoutPost:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        ws.post("before", publish_at="2026-11-22 12:30")
        return write_events(ws, FAIR), "- date: 2026-12-01"

    @staticmethod
    def good(ws: Workspace) -> None:
        write_events(ws, FAIR, {"date": "2027-03-01", "title": "Later", "post_expected": "true"})
        ws.post("stand", publish_at="2026-11-28 12:30")


CHRISTMAS_CONTEST: dict[str, Any] = {
    "starts": "2026-12-01 09:00",
    "ends": "2026-12-20 20:00",
    "announce_at": "2026-12-28 18:00",
}


@case("events.draw-on-holiday", country="FR")
class DrawOnHoliday:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        ws.post("results", publish_at="2026-12-29 12:30", contest="noel", category="contest")
        path = ws.contest("noel", after_post=False, draw_at="2026-12-25 10:00", **CHRISTMAS_CONTEST)
        return path, "draw_at:"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("results", publish_at="2026-12-29 12:30", contest="noel", category="contest")
        ws.contest("noel", after_post=False, draw_at="2026-12-22 10:00", **CHRISTMAS_CONTEST)


def image(ws: Workspace, name: str, width: int, height: int, noise: bool = False) -> dict[str, Any]:
    """A real picture of that size in the client's media, as a `media:` entry."""
    make_image(ws.client_dir / name, width, height, noise)
    return {"file": name, "alt": "A loaf", "rights": "owned"}


def video(ws: Workspace, name: str, width: int, height: int, seconds: float) -> dict[str, Any]:
    make_video(ws.client_dir / name, width, height, seconds)
    return {"file": name, "alt": "Kneading", "rights": "owned"}


@case("format.not-on-network")
class FormatNotOnNetwork:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.post("story", platforms=["linkedin"], format="story"), "format: story"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("story", format="story")
        image(ws, "media/photo.jpg", 540, 960)


@case("format.media-count")
class FormatMediaCount:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        path = ws.post("pages", format="carousel")
        image(ws, "media/photo.jpg", 1080, 1080)
        return path, "media:"

    @staticmethod
    def good(ws: Workspace) -> None:
        pages = [{"file": f"media/p{n}.jpg", "alt": "A loaf", "rights": "owned"} for n in (1, 2)]
        ws.post("pages", format="carousel", media=pages)
        for page in pages:
            image(ws, page["file"], 1080, 1350)


@case("format.media-type")
class FormatMediaType:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        path = ws.post("reel", format="reel")
        image(ws, "media/photo.jpg", 1080, 1920)
        return path, "file: media/photo.jpg"

    @staticmethod
    def good(ws: Workspace) -> None:
        clip = {"file": "media/clip.mp4", "alt": "Kneading", "rights": "owned"}
        ws.post("reel", format="reel", media=[clip])
        video(ws, "media/clip.mp4", 540, 960, 3.5)


@case("format.ratio")
class FormatRatio:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        path = ws.post("story", format="story")
        image(ws, "media/photo.jpg", 1600, 900)
        return path, "file: media/photo.jpg"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("story", format="story")
        image(ws, "media/photo.jpg", 1080, 1920)


@case("format.resolution")
class FormatResolution:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        path = ws.post("small", format="image")
        image(ws, "media/photo.jpg", 200, 250)
        return path, "file: media/photo.jpg"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("small", format="image")
        image(ws, "media/photo.jpg", 1080, 1350)


@case("format.file-size")
class FormatFileSize:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        path = ws.post("heavy", platforms=["x"], format="image", media=[SHOT])
        image(ws, SHOT["file"], 1400, 1300, noise=True)  # about 5.5 MB: X takes 5
        return path, "file: media/shot.png"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("heavy", platforms=["x"], format="image", media=[SHOT])
        image(ws, SHOT["file"], 1000, 1000, noise=True)


SHOT = {"file": "media/shot.png", "alt": "Crumb", "rights": "owned"}


@case("format.duration")
class FormatDuration:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        clip = {"file": "media/clip.mp4", "alt": "Kneading", "rights": "owned"}
        path = ws.post("story", format="story", media=[clip])
        video(ws, clip["file"], 72, 128, 61)  # an Instagram story takes 60 s
        return path, "file: media/clip.mp4"

    @staticmethod
    def good(ws: Workspace) -> None:
        clip = {"file": "media/clip.mp4", "alt": "Kneading", "rights": "owned"}
        ws.post("story", format="story", media=[clip])
        video(ws, clip["file"], 72, 128, 5)


TEXT_ON_LINKEDIN: dict[str, Any] = {"platforms": ["linkedin"], "media": []}


@case("mix.format-streak")
class FormatStreak:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        for day in range(23, 28):
            ws.post(f"text-{day}", publish_at=f"2026-11-{day} 12:30", **TEXT_ON_LINKEDIN)
        return ws.post("text-28", publish_at="2026-11-28 12:30", **TEXT_ON_LINKEDIN), "publish_at"

    @staticmethod
    def good(ws: Workspace) -> None:
        for day in range(23, 28):
            ws.post(f"text-{day}", publish_at=f"2026-11-{day} 12:30", **TEXT_ON_LINKEDIN)
        ws.post("picture-28", publish_at="2026-11-28 12:30", platforms=["linkedin"])


@case("mix.video-share", rules={"mix.video-share": {"min_share": 0.5}})
class VideoShare:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        for day in range(23, 26):
            ws.post(f"photo-{day}", publish_at=f"2026-11-{day} 12:30")
        return ws.post("photo-26", publish_at="2026-11-26 12:30"), "publish_at"

    @staticmethod
    def good(ws: Workspace) -> None:
        clip = {"file": "media/clip.mp4", "alt": "Kneading", "rights": "owned"}
        for day in range(23, 27):
            reel = {"format": "reel", "media": [clip]} if day % 2 else {}
            ws.post(f"post-{day}", publish_at=f"2026-11-{day} 12:30", **reel)
        video(ws, clip["file"], 540, 960, 4)


DEAL: dict[str, Any] = {
    "title": "Winter bread with Chef Dupont",
    "status": "signed",
    "platforms": ["instagram"],
    "partner": {"name": "Chef Dupont", "handles": {"instagram": "@chef.dupont"}},
    "starts": "2026-11-23 09:00",
    "promotes": "bakery",
    "fee": 800,
    "contract": {"written": True, "signed_on": "2026-11-10"},
    "deliverables": [{"format": "image", "platform": "instagram", "due": "2026-11-30"}],
}


def deal(ws: Workspace, **fields: Any) -> Path:
    return ws.write_item("partnerships", "dupont", {**DEAL, **fields}, "The brief.")


@case("influence.mention-missing", locale="fr")
class CommercialMention:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.post("collab", sponsored=True, body="Notre pain d'hiver."), "Notre pain"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("collab", sponsored=True, body="Notre pain d'hiver. #CollaborationCommerciale")
        ws.post("own", publish_at="2026-11-27 12:30", body="Notre pain d'hiver.")


RETOUCHED = [{"file": "media/face.jpg", "alt": "A face", "rights": "owned", "retouched": True}]
VIRTUAL = [{"file": "media/face.jpg", "alt": "A face", "rights": "owned", "ai_generated": True}]


@case("influence.retouched-mention", locale="fr")
class RetouchedMention:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.post("glow", media=RETOUCHED, body="Éclat d'hiver."), "Éclat"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("glow", media=RETOUCHED, body="Éclat d'hiver. Images retouchées.")


@case("influence.virtual-mention")
class VirtualMention:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return ws.post("face", media=VIRTUAL, body="Meet our winter face."), "Meet our"

    @staticmethod
    def good(ws: Workspace) -> None:
        ws.post("face", media=VIRTUAL, body="Meet our winter face (AI-generated).")


@case("influence.forbidden-category")
class ForbiddenCategory:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return deal(ws, promotes="nicotine"), "promotes:"

    @staticmethod
    def good(ws: Workspace) -> None:
        deal(ws)


@case("influence.no-contract")
class NoContract:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return deal(ws, fee=1200, contract={"written": True}), "contract:"

    @staticmethod
    def good(ws: Workspace) -> None:
        deal(ws, fee=1200)


@case("partnership.deliverable-overdue")
class DeliverableOverdue:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        late = [{"format": "reel", "platform": "instagram", "due": "2026-11-20"}]
        return deal(ws, deliverables=late, starts="2026-11-01 09:00"), "- format: reel"

    @staticmethod
    def good(ws: Workspace) -> None:
        done = [
            {
                "format": "reel",
                "platform": "instagram",
                "due": "2026-11-20",
                "delivered_on": "2026-11-19",
            }
        ]
        deal(ws, deliverables=done, starts="2026-11-01 09:00")


def mentions_log(ws: Workspace, *mentions: dict[str, Any]) -> Path:
    """The client's November log of mentions and reviews."""
    return ws.write_item("mentions", "2026-11", {"mentions": list(mentions)}, "")


def negative(day: int, **more: Any) -> dict[str, Any]:
    at = f"2026-11-{day} 10:00"
    return {"at": at, "site": "x", "excerpt": f"Bad {day}", "tone": "negative", **more}


@case("mentions.negative-spike")
class NegativeSpike:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        done = {"answered_at": "2026-11-20 09:00"}
        path = mentions_log(ws, *(negative(day, **done) for day in (16, 17, 18)))
        return path, "at: 2026-11-18 10:00"

    @staticmethod
    def good(ws: Workspace) -> None:
        done = {"answered_at": "2026-11-20 09:00"}
        mentions_log(ws, *(negative(day, **done) for day in (17, 18)))


@case("mentions.unanswered")
class Unanswered:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        return mentions_log(ws, negative(19)), "at: 2026-11-19 10:00"

    @staticmethod
    def good(ws: Workspace) -> None:
        mentions_log(ws, negative(19, answered_at="2026-11-19 11:00"), negative(20))


@case("mentions.low-rating-unanswered")
class LowRating:
    @staticmethod
    def bad(ws: Workspace) -> Where:
        review = {"at": "2026-11-20 20:00", "site": "google", "excerpt": "Meh", "rating": 2}
        return mentions_log(ws, review), "rating: 2"

    @staticmethod
    def good(ws: Workspace) -> None:
        review = {"at": "2026-11-20 20:00", "site": "google", "excerpt": "Meh", "rating": 2}
        mentions_log(ws, {**review, "answered": True}, {**review, "rating": 3, "excerpt": "Ok"})


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.rule)
def test_rule_trips_at_the_right_line(tmp_path: Path, case: Case) -> None:
    ws = Workspace(tmp_path, **case.client)
    path, text = case.bad(ws)
    problems = ws.check()
    found = of_rule(problems, case.rule)
    assert [(p.path, p.line) for p in found] == [(rel(ws, path), line_of(path, text))]
    assert {p.rule for p in problems} == {case.rule}, problems
    assert found[0].severity is RULES[case.rule].severity


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.rule)
def test_rule_stays_quiet_on_good_content(tmp_path: Path, case: Case) -> None:
    ws = Workspace(tmp_path, **case.client)
    case.good(ws)
    assert ws.check() == []


def test_every_rule_has_cases() -> None:
    checked = {rule_id for rule_id, rule in RULES.items() if rule.check is not None}
    assert checked == {c.rule for c in CASES}
