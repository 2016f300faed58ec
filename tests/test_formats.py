"""Post formats: media measured for real (Pillow, ffprobe), checked against the dated table."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from media_helpers import make_image, make_video
from rules_helpers import Workspace, line_of, of_rule

from generator.format_table import FORMATS, FORMATS_AS_OF, SOURCES, build_format_table
from generator.media_files import DOCUMENT, IMAGE, UNREADABLE, VIDEO, MediaCache, measure
from generator.media_files.cache import CACHE_FILE
from generator.schema.common import Platform, PostFormat
from generator.schema.settings import Settings

FORMAT_RULES = (
    "format.not-on-network",
    "format.media-count",
    "format.media-type",
    "format.ratio",
    "format.resolution",
    "format.file-size",
    "format.duration",
)


# --- measuring ------------------------------------------------------------------------------


def test_images_are_measured_as_shown(tmp_path: Path) -> None:
    wide = measure(make_image(tmp_path / "wide.png", 1600, 900))
    assert (wide.kind, wide.width, wide.height) == (IMAGE, 1600, 900)
    assert wide.size == (tmp_path / "wide.png").stat().st_size
    # a phone stores a portrait photo on its side with an EXIF orientation of 6
    turned = measure(make_image(tmp_path / "turned.jpg", 1600, 900, orientation=6))
    assert (turned.width, turned.height) == (900, 1600)


def test_videos_are_measured_with_ffprobe(tmp_path: Path) -> None:
    clip = measure(make_video(tmp_path / "clip.mp4", 72, 128, 2.4))
    assert (clip.kind, clip.width, clip.height) == (VIDEO, 72, 128)
    assert clip.duration == pytest.approx(2.4, abs=0.21)
    # stored landscape with the rotation a phone records: shown portrait
    turned = measure(make_video(tmp_path / "turned.mp4", 128, 72, 1, rotate=90))
    assert (turned.width, turned.height) == (72, 128)


def test_broken_files_are_measured_as_unreadable(tmp_path: Path) -> None:
    (tmp_path / "broken.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42 not really")
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8\xff not really")
    (tmp_path / "deck.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert measure(tmp_path / "broken.mp4").kind == UNREADABLE
    assert "not a video" in measure(tmp_path / "broken.mp4").problem
    assert measure(tmp_path / "broken.jpg").kind == UNREADABLE
    assert measure(tmp_path / "deck.pdf").kind == DOCUMENT


# --- the cache ------------------------------------------------------------------------------


def test_measurements_are_cached_by_content(tmp_path: Path) -> None:
    make_video(tmp_path / "media" / "a.mp4", 72, 128, 1)
    cache = MediaCache(tmp_path)
    first = cache.measure(tmp_path / "media" / "a.mp4")
    cache.save()
    data = json.loads((tmp_path / CACHE_FILE).read_text(encoding="utf-8"))
    (digest,) = data["measurements"]
    # the cache is what answers next time: a planted value comes back unmeasured
    data["measurements"][digest]["width"] = 4242
    (tmp_path / CACHE_FILE).write_text(json.dumps(data), encoding="utf-8")
    assert MediaCache(tmp_path).measure(tmp_path / "media" / "a.mp4").width == 4242
    # a copy under another name has the same content: measured from the cache too
    shutil.copy(tmp_path / "media" / "a.mp4", tmp_path / "media" / "b.mp4")
    assert MediaCache(tmp_path).measure(tmp_path / "media" / "b.mp4").width == 4242
    # an edited file is measured again
    make_video(tmp_path / "media" / "a.mp4", 72, 128, 2)
    again = MediaCache(tmp_path).measure(tmp_path / "media" / "a.mp4")
    assert again.width == first.width == 72 and again.duration != first.duration


def test_a_damaged_cache_is_ignored_and_gone_files_are_dropped(tmp_path: Path) -> None:
    (tmp_path / CACHE_FILE).parent.mkdir()
    (tmp_path / CACHE_FILE).write_text("{not json", encoding="utf-8")
    photo = make_image(tmp_path / "p.png", 40, 30)
    cache = MediaCache(tmp_path)
    assert cache.measure(photo).width == 40
    cache.save()
    photo.unlink()
    later = MediaCache(tmp_path)
    later.save()
    data = json.loads((tmp_path / CACHE_FILE).read_text(encoding="utf-8"))
    assert data["files"] == {} and data["measurements"] == {}


def test_check_leaves_the_cache_in_the_workspace(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    ws.post("reel", format="reel", media=[{"file": "media/c.mp4", "alt": "A", "rights": "owned"}])
    make_video(ws.client_dir / "media" / "c.mp4", 540, 960, 4)
    assert ws.check() == []
    data = json.loads((tmp_path / CACHE_FILE).read_text(encoding="utf-8"))
    assert sorted(data["files"]) == ["content/acme/media/c.mp4"]


# --- the table ------------------------------------------------------------------------------


def test_the_table_is_dated_sourced_and_uses_known_names() -> None:
    assert FORMATS_AS_OF >= "2026-12-01"
    assert set(FORMATS) == {p.value for p in Platform} == set(SOURCES)
    names = {f.value for f in PostFormat}
    for entries in FORMATS.values():
        for name, limits in entries.items():
            assert name in names and set(limits.also) <= names
            assert limits.media_min <= limits.media_max
            low, high = limits.ratio_range()
            assert low is None or high is None or low <= high


def test_one_reel_is_a_short_on_youtube_and_a_video_on_tiktok() -> None:
    table = build_format_table(Settings(name="T"))
    assert table.lookup("instagram", "reel")[0] == "reel"  # type: ignore[index]
    assert table.lookup("youtube", "reel")[0] == "short"  # type: ignore[index]
    assert table.lookup("tiktok", "reel")[0] == "video"  # type: ignore[index]
    assert table.lookup("linkedin", "story") is None


def test_a_workspace_overrides_a_limit_and_adds_a_format() -> None:
    settings = Settings(
        name="T",
        format_limits={
            "instagram": {"reel": {"duration_max": 900}},
            "linkedin": {"story": {"media": ["image"], "media_min": 1, "media_max": 1}},
        },
    )
    table = build_format_table(settings)
    reel = table.lookup("instagram", "reel")
    assert reel is not None and reel[1].duration_max == 900 and reel[1].duration_min == 3
    story = table.lookup("linkedin", "story")
    assert story is not None and story[1].media == ("image",)


# --- the rules, with real media -------------------------------------------------------------

Medium = dict[str, Any]


def picture(ws: Workspace, name: str, width: int, height: int, noise: bool = False) -> Medium:
    make_image(ws.client_dir / "media" / name, width, height, noise)
    return {"file": f"media/{name}", "alt": "A loaf", "rights": "owned"}


def clip(ws: Workspace, name: str, width: int, height: int, seconds: float) -> Medium:
    make_video(ws.client_dir / "media" / name, width, height, seconds)
    return {"file": f"media/{name}", "alt": "Kneading", "rights": "owned"}


def posted(ws: Workspace, slug: str, media: list[Medium], **fields: Any) -> Path:
    """A post whose media are the real files given (written after the helper's placeholders)."""
    saved = {m["file"]: (ws.client_dir / m["file"]).read_bytes() for m in media}
    path = ws.post(slug, media=media, **fields)
    for name, data in saved.items():
        (ws.client_dir / name).write_bytes(data)
    return path


def format_problems(ws: Workspace) -> list[tuple[str, int, str]]:
    found = [p for p in ws.check() if p.rule in FORMAT_RULES]
    return [(p.rule, p.line, p.message) for p in found]


def test_an_instagram_story_trips_ratio_and_duration_and_passes_a_right_one(
    tmp_path: Path,
) -> None:
    ws = Workspace(tmp_path)
    wide = posted(ws, "wide", [picture(ws, "wide.jpg", 1600, 900)], format="story")
    long = posted(ws, "long", [clip(ws, "long.mp4", 72, 128, 61)], format="story")
    posted(ws, "right", [clip(ws, "right.mp4", 72, 128, 8)], format="story")
    posted(ws, "tall", [picture(ws, "tall.jpg", 1080, 1920)], format="story")
    found = format_problems(ws)
    by_rule = {rule: (line, message) for rule, line, message in found}
    assert set(by_rule) == {"format.ratio", "format.duration"}
    assert by_rule["format.ratio"] == (
        line_of(wide, "file: media/wide.jpg"),
        "`media/wide.jpg` is 16:9 (1600×900); on Instagram a story takes 9:16: it would be "
        "cropped or shown with bands",
    )
    line, message = by_rule["format.duration"]
    assert line == line_of(long, "file: media/long.mp4")
    assert "lasts 61 s (1 min 01 s); on Instagram a story takes 3 to 60 s" in message


def test_a_reel_trips_type_width_and_length_and_passes_a_right_one(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    posted(ws, "photo", [picture(ws, "photo.jpg", 1080, 1920)], format="reel")
    posted(ws, "small", [clip(ws, "small.mp4", 72, 128, 4)], format="reel")
    posted(ws, "short", [clip(ws, "short.mp4", 540, 960, 2)], format="reel")
    posted(ws, "right", [clip(ws, "right.mp4", 540, 960, 4)], format="reel")
    messages = {rule: message for rule, _, message in format_problems(ws)}
    assert messages == {
        "format.media-type": "`media/photo.jpg` is an image; on Instagram a reel takes a video",
        "format.resolution": "`media/small.mp4` is 72 px wide; on Instagram a reel takes at "
        "least 540 px: export it larger",
        "format.duration": "`media/short.mp4` lasts 2 s; on Instagram a reel takes 3 to 180 s",
    }


def test_feed_images_trip_ratio_and_width_within_the_range_they_pass(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    for name, (width, height) in {
        "square": (1080, 1080),
        "portrait": (1080, 1350),  # 4:5, the tallest Instagram keeps whole
        "landscape": (1080, 566),  # 1.91:1, the widest
        "almost": (1080, 1351),  # one pixel off 4:5 is still 4:5
    }.items():
        posted(ws, name, [picture(ws, f"{name}.jpg", width, height)], format="image")
    assert format_problems(ws) == []
    posted(ws, "tall", [picture(ws, "tall.jpg", 1080, 1920)], format="image")
    posted(ws, "huge", [picture(ws, "huge.jpg", 2000, 2000)], format="image")
    messages = sorted(message for _, _, message in format_problems(ws))
    assert messages == [
        "`media/huge.jpg` is 2000 px wide; on Instagram an image takes 320 to 1440 px: export it "
        "smaller",
        "`media/tall.jpg` is 9:16 (1080×1920); on Instagram an image takes 4:5 to 1.91:1: it would "
        "be cropped or shown with bands",
    ]


def test_carousel_counts_and_sizes(tmp_path: Path) -> None:
    ws = Workspace(
        tmp_path, settings={"format_limits": {"instagram": {"carousel": {"image_mb": 1}}}}
    )
    one = posted(ws, "one", [picture(ws, "one.jpg", 1080, 1080)], format="carousel")
    pages = [picture(ws, f"p{n}.jpg", 1080, 1080) for n in range(2)]
    posted(ws, "two", pages, format="carousel")
    heavy = [picture(ws, "heavy.png", 1000, 1000, noise=True), pages[0]]
    heavy_path = posted(ws, "heavy", heavy, format="carousel")
    two_stories = posted(ws, "stories", pages, format="story")  # a story takes one file
    found = format_problems(ws)
    counts = [(line, m) for r, line, m in found if r == "format.media-count"]
    assert counts == [
        (line_of(one, "media:"), "1 file; on Instagram a carousel takes 2 to 20"),
        (line_of(two_stories, "media:"), "2 files; on Instagram a story takes 1"),
    ]
    (size,) = [(line, m) for r, line, m in found if r == "format.file-size"]
    assert size[0] == line_of(heavy_path, "file: media/heavy.png")
    assert "weighs 2.9 MB; on Instagram a carousel takes at most 1 MB: compress it" in size[1]


def test_one_post_is_checked_in_each_networks_own_format(tmp_path: Path) -> None:
    """A landscape clip written `reel` for Instagram, YouTube and TikTok: a short on YouTube
    (9:16 to 1:1), a video on TikTok (9:16 to 16:9 — fine), a reel on Instagram."""
    ws = Workspace(
        tmp_path,
        platforms={n: {"handle": "@acme"} for n in ("instagram", "youtube", "tiktok")},
    )
    path = posted(
        ws,
        "cross",
        [clip(ws, "land.mp4", 640, 360, 4)],
        format="reel",
        platforms=["instagram", "youtube", "tiktok"],
    )
    ratios = [m for r, _, m in format_problems(ws) if r == "format.ratio"]
    assert len(ratios) == 2
    assert any("on YouTube a short takes 9:16 to 1:1" in m for m in ratios)
    assert any("on Instagram a reel takes 9:16 to 4:5" in m for m in ratios)
    # the variant says what it is on one network: a plain video on YouTube has no ratio limit
    text = path.read_text(encoding="utf-8").replace(
        "format: reel", "format: reel\nvariants:\n  youtube:\n    format: video"
    )
    path.write_text(text, encoding="utf-8")
    ratios = [m for r, _, m in format_problems(ws) if r == "format.ratio"]
    assert ratios == [m for m in ratios if "Instagram" in m] and len(ratios) == 1


def test_an_unknown_format_name_is_a_schema_error(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    path = ws.post("odd", format="hologram")
    (problem,) = [p for p in ws.check() if p.field == "format"]
    assert problem.line == line_of(path, "format: hologram") and problem.severity.value == "error"


def test_videos_are_reported_unmeasured_without_ffprobe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = Workspace(tmp_path)
    path = posted(ws, "reel", [clip(ws, "c.mp4", 540, 960, 4)], format="reel")
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))  # a machine without ffmpeg
    (problem,) = of_rule(ws.check(), "media.unmeasured")
    assert problem.line == line_of(path, "file: media/c.mp4")
    assert "ffprobe" in problem.message and problem.severity.value == "warning"
