"""The example workspace is clean; a copy with one violation of each rule planted reports each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from media_helpers import make_image, make_video
from rules_helpers import TODAY, Workspace, dump, line_of

from generator.checking import check_workspace, parse_today
from generator.problem_output import promote_warnings
from generator.problems import Severity
from generator.rules import RULES

EXAMPLE_CLIENT = "atelier-velo"  # on instagram, facebook, linkedin and x
IMAGE = {"file": "media/planted.jpg", "alt": "A bike in the workshop", "rights": "owned"}
Expected = tuple[str, str, int]


class Planter:
    """Writes planted items into one client of a workspace and remembers where each should hit."""

    def __init__(self, root: Path, slug: str) -> None:
        self.root, self.folder = root, root / "content" / slug
        self.expected: list[Expected] = []
        self.touch(IMAGE["file"])

    def touch(self, name: str) -> None:
        (self.folder / name).parent.mkdir(parents=True, exist_ok=True)
        (self.folder / name).write_bytes(b"\x89PNG planted")

    def item(
        self,
        folder: str,
        slug: str,
        fields: dict[str, Any],
        body: str = "Planted.",
        rule: str | None = None,
        text: str = "",
    ) -> Path:
        for medium in fields.get("media", []):
            self.touch(medium["file"])
        path = self.folder / folder / f"planted-{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{dump(fields)}---\n{body}\n", encoding="utf-8")
        if rule:
            self.expect(rule, path, text)
        return path

    def post(
        self,
        slug: str,
        when: str,
        rule: str | None = None,
        text: str = "publish_at:",
        body: str = "A planted post.",
        **fields: Any,
    ) -> Path:
        base = {
            "title": f"Planted {slug}",
            "publish_at": when,
            "platforms": ["instagram"],
            "status": "scheduled",
            "category": "education",
            "media": [IMAGE],
        }
        return self.item("posts", slug, {**base, **fields}, body, rule, text)

    def expect(self, rule: str, path: Path, text: str) -> None:
        self.expected.append((rule, path.relative_to(self.root).as_posix(), line_of(path, text)))


def tune_client(planter: Planter) -> None:
    """Cadence, windows, blackout, an approver and bad rule settings in the client's client.yml."""
    path = planter.folder / "client.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    instagram = config["platforms"]["instagram"]
    instagram["cadence"] = {"max_per_week": 2, "min_gap_hours": 4, "max_silence_days": 10}
    instagram["windows"] = ["07:30-09:00", "12:00-13:30", "18:00-20:00"]
    config["blackout"] = [
        *config.get("blackout", []),
        {"date": "2027-03-08", "reason": "planted blackout"},
    ]
    config["approvers"] = [
        *config.get("approvers", []),
        {"name": "Planted Boss", "categories": ["announcement"]},
    ]
    config["rules"] = {
        **config.get("rules", {}),
        "planted.no-such-rule": {"enabled": False},
        "workflow.missed": {"grace_hours": "soon"},
        "events.no-post": {"lookahead_days": 365, "before_days": 0},
        "mix.video-share": {"min_share": 0.5},
    }
    config["country"] = "FR"
    path.write_text(dump(config), encoding="utf-8")
    planter.expect("rules.unknown-rule", path, "planted.no-such-rule")
    planter.expect("rules.bad-option", path, "grace_hours: soon")
    settings = planter.root / "almanac.yml"
    text = settings.read_text(encoding="utf-8")
    assert "platform_limits" not in text
    settings.write_text(
        text + "platform_limits:\n  myspace:\n    caption_max: 10\n", encoding="utf-8"
    )
    planter.expect("limits.unknown-platform", settings, "myspace")


def plant_platform(p: Planter) -> None:
    p.post(
        "long-x",
        "2027-01-04 12:30",
        "platform.caption-too-long",
        "Pedal",
        body="Pedal on. " * 40,
        platforms=["x"],
    )
    p.post(
        "tags",
        "2027-01-05 12:30",
        "platform.hashtags",
        "hashtags:",
        hashtags=[f"velo{n}" for n in range(31)],
    )
    many = [{**IMAGE, "file": f"media/planted-{n}.jpg"} for n in range(21)]
    p.post("carousel", "2027-01-06 12:30", "platform.media-count", "media:", media=many)
    p.post(
        "noalt",
        "2027-01-07 12:30",
        "platform.alt-missing",
        "- file: media/planted-na.jpg",
        media=[{"file": "media/planted-na.jpg", "rights": "owned"}],
    )
    p.post(
        "link",
        "2027-01-08 12:30",
        "platform.instagram-link",
        "Book at",
        body="Book at https://atelier.example/rdv now",
    )
    p.post(
        "variant",
        "2027-01-11 12:30",
        "platform.variant-not-on-post",
        "  pinterest:",
        variants={"pinterest": {"caption": "Pin it"}},
    )


def plant_cadence(p: Planter) -> None:
    for day in ("01", "02"):
        p.post(f"week-{day}", f"2027-02-{day} 12:30")
    p.post("week-03", "2027-02-03 12:30", "cadence.per-week")
    p.post("gap-a", "2027-02-08 12:30")
    p.post("gap-b", "2027-02-08 13:00", "cadence.min-gap")
    p.post("window", "2027-02-15 15:10", "cadence.window")
    p.post("silence", "2027-03-01 12:30", "cadence.silence")
    p.post("blackout", "2027-03-08 12:30", "cadence.blackout")


def plant_mix(p: Planter) -> None:
    on = {"platforms": ["linkedin"], "media": []}
    for day in ("05", "06"):
        p.post(f"promo-{day}", f"2027-04-{day} 12:30", category="promo", **on)
    p.post("promo-07", "2027-04-07 12:30", "mix.promo-streak", category="promo", **on)
    for day, kind in (("03", "promo"), ("04", "education"), ("05", "promo")):
        p.post(f"share-{day}", f"2027-05-{day} 12:30", category=kind, **on)
    p.post("share-06", "2027-05-06 12:30", "mix.promo-share", **on)
    p.post("own-07", "2027-06-07 12:30", **on)
    curated = {
        "platforms": ["linkedin"],
        "status": "selected",
        "credit": "via Planted",
        "source_url": "https://example.org/planted",
    }
    for day in ("08", "09", "10"):
        p.item(
            "curated",
            f"cur-{day}",
            {"title": f"Planted curated {day}", "share_at": f"2027-06-{day} 12:30", **curated},
            rule="mix.curated-share" if day == "10" else None,
            text="share_at:",
        )


def plant_formats(p: Planter) -> None:
    """Real pictures and videos that miss each format limit, a long run of one format, and a
    plan without the video share the client asked for (set in tune_client)."""

    def medium(name: str) -> dict[str, Any]:
        return {**IMAGE, "file": f"media/{name}"}

    p.post(
        "fmt-story-in",
        "2027-01-20 12:30",
        "format.not-on-network",
        "format: story",
        platforms=["linkedin"],
        format="story",
    )
    p.post("fmt-pages", "2027-01-21 12:30", "format.media-count", "media:", format="carousel")
    cases = (
        ("fmt-reel", "2027-01-22", "format.media-type", "reel", "fmt-reel.jpg", (1080, 1920)),
        ("fmt-story", "2027-01-25", "format.ratio", "story", "fmt-story.jpg", (1600, 900)),
        ("fmt-small", "2027-01-26", "format.resolution", "image", "fmt-small.jpg", (200, 250)),
    )
    for slug, day, rule, shape, name, (width, height) in cases:
        p.post(
            slug, f"{day} 12:30", rule, f"file: media/{name}", format=shape, media=[medium(name)]
        )
        make_image(p.folder / "media" / name, width, height)
    heavy = medium("fmt-heavy.png")
    p.post(
        "fmt-heavy",
        "2027-01-27 12:30",
        "format.file-size",
        "file: media/fmt-heavy.png",
        platforms=["x"],
        format="image",
        media=[heavy],
    )
    make_image(p.folder / heavy["file"], 1400, 1300, noise=True)
    clip = medium("fmt-long.mp4")
    p.post(
        "fmt-long",
        "2027-01-28 12:30",
        "format.duration",
        "file: media/fmt-long.mp4",
        format="story",
        media=[clip],
    )
    make_video(p.folder / clip["file"], 72, 128, 61)
    links = {"platforms": ["facebook"], "format": "link", "media": []}
    for day in range(2, 8):
        rule = "mix.format-streak" if day == 7 else None
        p.post(f"fmt-link-{day}", f"2027-08-0{day} 12:30", rule, **links)
    for day in range(6, 10):
        rule = "mix.video-share" if day == 9 else None
        p.post(f"fmt-photo-{day}", f"2027-09-0{day} 12:30", rule)


def plant_influence(p: Planter) -> None:
    """A sponsored post, a retouched and an AI-made image without their mentions; partnerships
    promoting nicotine, without a contract, and late on a deliverable."""
    p.post(
        "sponsored",
        "2027-10-04 12:30",
        "influence.mention-missing",
        "Planted ad.",
        body="Planted ad.",
        sponsored=True,
    )
    for slug, flag, rule in (
        ("retouched", "retouched", "influence.retouched-mention"),
        ("virtual", "ai_generated", "influence.virtual-mention"),
    ):
        medium = {**IMAGE, "file": f"media/planted-{slug}.jpg", flag: True}
        p.post(
            slug,
            "2027-10-05 12:30" if slug == "retouched" else "2027-10-06 12:30",
            rule,
            f"Planted {slug}.",
            body=f"Planted {slug}.",
            media=[medium],
        )
    deal = {
        "title": "Planted partnership",
        "status": "signed",
        "platforms": ["instagram"],
        "partner": {"name": "Planted Partner"},
        "starts": "2026-11-01 09:00",
        "promotes": "bikes",
        "fee": 500,
        "contract": {"written": True, "signed_on": "2026-10-20"},
        "deliverables": [{"format": "image", "platform": "instagram", "due": "2027-10-10"}],
    }
    p.item(
        "partnerships",
        "nicotine",
        {**deal, "promotes": "nicotine"},
        rule="influence.forbidden-category",
        text="promotes:",
    )
    p.item(
        "partnerships",
        "unsigned",
        {**deal, "fee": 1500, "contract": {"written": False}},
        rule="influence.no-contract",
        text="contract:",
    )
    late = [{"format": "reel", "platform": "instagram", "due": "2026-11-10"}]
    p.item(
        "partnerships",
        "late",
        {**deal, "deliverables": late},
        rule="partnership.deliverable-overdue",
        text="- format: reel",
    )


def contest_fields(**fields: Any) -> dict[str, Any]:
    base = {
        "title": "Planted contest",
        "platforms": ["instagram"],
        "status": "published",
        "starts": "2026-11-01 09:00",
        "ends": "2026-11-10 20:00",
        "draw_at": "2026-11-12 10:00",
        "announce_at": "2026-11-12 18:00",
        "organizers": ["Planted SAS"],
        "prize": {"description": "A lamp", "value": 30},
        "rules": "https://example.org/rules",
        "eligibility": "Adults",
        "mechanics": "Comment",
        "draw_method": "Random draw",
        "shipping": {"status": "pending"},
        "visuals": {"launch": IMAGE["file"], "reminder": IMAGE["file"], "results": IMAGE["file"]},
    }
    return {**base, **fields}


def plant_workflow(p: Planter) -> None:
    p.post("due", "2026-11-22 12:30", "workflow.review-due", "status:", status="in_review")
    p.post("missed", "2026-11-19 12:30", "workflow.missed")
    p.item(
        "contests",
        "nowinner",
        contest_fields(),
        rule="workflow.contest-no-winners",
        text="draw_at:",
    )
    p.item(
        "contests",
        "unshipped",
        contest_fields(
            starts="2026-10-20 09:00",
            ends="2026-10-30 20:00",
            draw_at="2026-11-01 10:00",
            winners=[{"name": "Jeanne"}],
        ),
        rule="workflow.prize-not-shipped",
        text="status: pend",
    )
    for slug in ("nowinner", "unshipped"):
        p.post(f"{slug}-results", "2026-11-18 12:30", status="published", contest=f"planted-{slug}")
    p.item(
        "contests",
        "incomplete",
        contest_fields(
            status="in_review",
            starts="2027-01-10 09:00",
            ends="2027-01-20 20:00",
            draw_at="2027-01-21 10:00",
            announce_at="2027-01-21 18:00",
            draw_method=None,
        ),
        rule="contest.checklist",
        text="status:",
    )


def plant_rights_and_validation(p: Planter) -> None:
    def photo(**fields: Any) -> list[dict[str, Any]]:
        return [{**IMAGE, "file": "media/planted-third.jpg", **fields}]

    p.post(
        "licensed",
        "2027-01-12 12:30",
        "rights.credit-missing",
        "rights: licensed",
        media=photo(rights="licensed"),
    )
    p.post(
        "asked",
        "2027-01-13 12:30",
        "rights.permission-pending",
        "permission:",
        media=photo(
            rights="permission", credit="© Planted", permission={"requested_at": "2026-11-10"}
        ),
    )
    p.item(
        "curated",
        "nosource",
        {"title": "Planted no source", "platforms": ["linkedin"], "status": "candidate"},
        rule="rights.curated-source",
        text="title:",
    )
    p.post(
        "cited",
        "2027-01-14 12:30",
        "validation.cited",
        "- name: Planted Chef",
        status="approved",
        cited=[{"name": "Planted Chef"}],
    )
    p.post(
        "policy",
        "2027-01-15 12:30",
        "validation.approval-policy",
        "status:",
        status="approved",
        category="announcement",
    )
    p.post(
        "silenced",
        "2027-01-18 12:30",
        "ignore.no-reason",
        "platform.alt-missing",
        ignore={"platform.alt-missing": ""},
    )
    p.post(
        "unknown-ignore",
        "2027-01-19 12:30",
        "ignore.unknown-rule",
        "planted.nothing",
        ignore={"planted.nothing": "typo on purpose"},
    )


def plant_events(p: Planter) -> None:
    """A blackout event with a promo on it, an event with no post, a draw on 14 July."""
    path = p.folder / "events" / "planted.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "events:\n"
        "  - date: 2027-07-05\n    title: Planted silence\n    blackout: true\n"
        "  - date: 2027-07-20\n    title: Planted fair\n    post_expected: true\n",
        encoding="utf-8",
    )
    p.expect("events.no-post", path, "date: 2027-07-20")
    p.post(
        "blackout-promo",
        "2027-07-05 12:30",
        "events.promo-on-blackout",
        category="promo",
        status="draft",
    )
    fields = contest_fields(
        status="draft",
        starts="2027-07-01 09:00",
        ends="2027-07-12 20:00",
        draw_at="2027-07-14 10:00",
        announce_at="2027-07-15 18:00",
    )
    p.item("contests", "holiday", fields, rule="events.draw-on-holiday", text="draw_at:")
    p.post("holiday-results", "2027-07-16 12:30", contest="planted-holiday", status="draft")


def plant_mentions(p: Planter) -> None:
    """Four negative mentions in a week (a spike), one unanswered; a 2-star review unanswered."""
    path = p.folder / "mentions" / "2026-11.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    answered = "    answered_at: 2026-11-19 09:00\n"
    negatives = "".join(
        f"  - at: 2026-11-{day} 10:00\n    site: x\n    excerpt: planted spike {day}\n"
        f"    tone: negative\n{answered if day != '19' else ''}"
        for day in ("16", "17", "18", "19")
    )
    review = (
        "  - at: 2026-11-20 10:00\n    site: google\n    excerpt: planted review\n"
        "    tone: neutral\n    rating: 2\n"
    )
    path.write_text(f"---\nmentions:\n{negatives}{review}---\n", encoding="utf-8")
    p.expect("mentions.negative-spike", path, "at: 2026-11-19 10:00")
    p.expect("mentions.unanswered", path, "at: 2026-11-19 10:00")
    p.expect("mentions.low-rating-unanswered", path, "rating: 2")


def plant_all(root: Path, slug: str) -> list[Expected]:
    planter = Planter(root, slug)
    tune_client(planter)
    for plant in (
        plant_platform,
        plant_cadence,
        plant_mix,
        plant_formats,
        plant_influence,
        plant_workflow,
        plant_rights_and_validation,
        plant_events,
        plant_mentions,
    ):
        plant(planter)
    return planter.expected


def assert_each_reported(root: Path, expected: list[Expected]) -> None:
    _, problems = check_workspace(root, parse_today(TODAY))
    found = {(p.rule, p.path, p.line) for p in problems}
    missing = [e for e in expected if e not in found]
    assert not missing, (missing, sorted(f for f in found if f[1] in {e[1] for e in missing}))
    assert {e[0] for e in expected} == set(RULES), "plant one violation of every rule"


def test_example_workspace_is_clean_under_strict(example_ws: Path) -> None:
    _, problems = check_workspace(example_ws, parse_today(TODAY))
    strict = promote_warnings(problems)
    assert [p for p in strict if p.severity is Severity.ERROR] == []


def test_planted_violations_in_the_example_are_each_reported(example_ws: Path) -> None:
    expected = plant_all(example_ws, EXAMPLE_CLIENT)
    assert_each_reported(example_ws, expected)


def test_planted_violations_in_a_small_workspace_are_each_reported(tmp_path: Path) -> None:
    """The same planting on a minimal workspace: the planting itself is sound."""
    Workspace(tmp_path)
    expected = plant_all(tmp_path, "acme")
    assert_each_reported(tmp_path, expected)
