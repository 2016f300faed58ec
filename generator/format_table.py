"""Which network takes which post format, and its limits (dated table, overridable per workspace).

Each entry is what one network accepts for one format: the kinds of media (image, video,
document), how many, the aspect ratio range (width:height), the width in pixels, the file size
and a video's duration. None means no limit worth checking. The values are those of the
networks' own help and publishing-API pages listed in SOURCES, for an ordinary account, as of
FORMATS_AS_OF; networks change them, so a workspace overrides any value (or adds a format a
network gained) in almanac.yml under `format_limits: {network: {format: {field: value}}}`.

Names follow the networks: Instagram and Facebook call a short vertical video a reel, YouTube a
short, TikTok a video; `also` lists the other names a network's entry answers to, so one post
written `format: reel` is checked as a short on YouTube and as a video on TikTok.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.schema.common import Platform, PostFormat, ratio_value
from generator.schema.settings import FormatLimitOverride, Settings

FORMATS_AS_OF = "2026-12-02"
IMAGE, VIDEO, DOCUMENT = "image", "video", "document"
MB = 1024 * 1024


@dataclass(frozen=True)
class FormatLimits:
    """What one network accepts for one format; None means no limit worth checking."""

    media: tuple[str, ...] = ()  # kinds of file it takes: image, video, document
    media_min: int = 0
    media_max: int = 0
    ratio_min: str | None = None  # width:height, the narrowest accepted (e.g. 9:16)
    ratio_max: str | None = None  # the widest accepted (e.g. 1.91:1)
    width_min: int | None = None  # pixels
    width_max: int | None = None
    image_mb: float | None = None  # largest file of each kind, in megabytes (MiB)
    video_mb: float | None = None
    document_mb: float | None = None
    duration_min: float | None = None  # seconds, for videos
    duration_max: float | None = None
    also: tuple[str, ...] = ()  # other format names this entry answers to on this network
    note: str = ""

    def ratio_range(self) -> tuple[float | None, float | None]:
        low = ratio_value(self.ratio_min) if self.ratio_min else None
        high = ratio_value(self.ratio_max) if self.ratio_max else None
        return low, high

    def size_limit(self, kind: str) -> float | None:
        """The largest file of `kind` in megabytes, or None."""
        return {IMAGE: self.image_mb, VIDEO: self.video_mb, DOCUMENT: self.document_mb}.get(kind)


NO_FILE = FormatLimits()  # text, link, poll, live, article: nothing to measure
_PHOTO, _CLIP, _EITHER = (IMAGE,), (VIDEO,), (IMAGE, VIDEO)

# fmt: off
FORMATS: dict[str, dict[str, FormatLimits]] = {
    Platform.INSTAGRAM.value: {
        "image": FormatLimits(_PHOTO, 1, 1, "4:5", "1.91:1", 320, 1440, image_mb=8),
        "carousel": FormatLimits(
            _EITHER, 2, 20, "4:5", "1.91:1", 320, 1440, image_mb=8, video_mb=300,
            duration_min=3, duration_max=60,
            note="20 items in the app since August 2024 (10 through the publishing API); "
            "every item is cropped to the first one's ratio."),
        "reel": FormatLimits(
            _CLIP, 1, 1, "9:16", "4:5", 540, video_mb=300, duration_min=3, duration_max=180,
            also=("short", "video"),
            note="3 minutes in the app since January 2025 (the publishing API takes 15); "
            "feed videos are published as reels since 2022."),
        "story": FormatLimits(
            _EITHER, 1, 1, "9:16", "9:16", image_mb=8, video_mb=100, duration_min=3,
            duration_max=60, note="Full screen 9:16; other shapes show with bands."),
        "live": NO_FILE,
    },
    Platform.FACEBOOK.value: {
        "image": FormatLimits(_PHOTO, 1, 1, image_mb=10),
        "carousel": FormatLimits(_EITHER, 2, 10, image_mb=10, video_mb=4096),
        "video": FormatLimits(
            _CLIP, 1, 1, "9:16", "16:9", video_mb=10240, duration_min=1, duration_max=14400),
        "reel": FormatLimits(
            _CLIP, 1, 1, "9:16", "9:16", 540, video_mb=1024, duration_min=3, duration_max=90,
            also=("short",)),
        "story": FormatLimits(
            _EITHER, 1, 1, "9:16", "9:16", image_mb=10, video_mb=4096, duration_min=1,
            duration_max=60),
        "text": NO_FILE,
        "link": NO_FILE,
        "live": NO_FILE,
    },
    Platform.LINKEDIN.value: {
        "text": NO_FILE,
        "image": FormatLimits(_PHOTO, 1, 1, image_mb=8),
        "carousel": FormatLimits(_PHOTO, 2, 20, image_mb=8, note="A multi-image post."),
        "video": FormatLimits(
            _CLIP, 1, 1, "1:2.4", "2.4:1", 256, 4096, video_mb=5120, duration_min=3,
            duration_max=900, note="15 minutes from a computer, 10 from the mobile app."),
        "document": FormatLimits(
            (DOCUMENT,), 1, 1, document_mb=100, note="PDF, PowerPoint or Word; 300 pages."),
        "poll": NO_FILE,
        "article": FormatLimits(_PHOTO, 0, 1, image_mb=8, note="Cover image optional."),
        "link": NO_FILE,
        "live": NO_FILE,
    },
    Platform.X.value: {
        "text": NO_FILE,
        "image": FormatLimits(_PHOTO, 1, 4, image_mb=5, note="Up to 4 images (GIF: 15 MB)."),
        "carousel": FormatLimits(_PHOTO, 2, 4, image_mb=5, note="Shown as a grid of 4."),
        "video": FormatLimits(
            _CLIP, 1, 1, "1:3", "3:1", 32, video_mb=512, duration_min=0.5, duration_max=140,
            also=("reel", "short"), note="140 seconds for accounts without Premium."),
        "poll": NO_FILE,
        "link": NO_FILE,
    },
    Platform.TIKTOK.value: {
        "video": FormatLimits(
            _CLIP, 1, 1, "9:16", "16:9", 360, 4096, video_mb=4096, duration_min=3,
            duration_max=600, also=("reel", "short"),
            note="10 minutes through the Content Posting API; 60 minutes uploaded in the app."),
        "image": FormatLimits(_PHOTO, 1, 1, image_mb=20, note="Photo mode."),
        "carousel": FormatLimits(_PHOTO, 2, 35, image_mb=20, note="Photo mode: 35 photos."),
        "live": NO_FILE,
    },
    Platform.YOUTUBE.value: {
        "video": FormatLimits(
            _CLIP, 1, 1, video_mb=262144, duration_min=1, duration_max=43200,
            note="12 hours for a verified channel (15 minutes otherwise)."),
        "short": FormatLimits(
            _CLIP, 1, 1, "9:16", "1:1", video_mb=262144, duration_min=1, duration_max=180,
            also=("reel",), note="3 minutes since October 2024; square or vertical."),
        "live": NO_FILE,
        "text": NO_FILE,
        "image": FormatLimits(_PHOTO, 1, 5, image_mb=16, note="A community post."),
        "poll": NO_FILE,
    },
    Platform.MASTODON.value: {
        "text": NO_FILE,
        "image": FormatLimits(_PHOTO, 1, 4, image_mb=16),
        "carousel": FormatLimits(_PHOTO, 2, 4, image_mb=16, note="Shown as a grid of 4."),
        "video": FormatLimits(_CLIP, 1, 1, video_mb=99, also=("reel", "short")),
        "poll": NO_FILE,
        "link": NO_FILE,
    },
    Platform.THREADS.value: {
        "text": NO_FILE,
        "image": FormatLimits(_PHOTO, 1, 1, "1:10", "10:1", 320, 1440, image_mb=8),
        "carousel": FormatLimits(
            _EITHER, 2, 20, "1:10", "10:1", 320, 1440, image_mb=8, video_mb=1024,
            duration_max=300),
        "video": FormatLimits(
            _CLIP, 1, 1, "1:10", "10:1", video_mb=1024, duration_max=300,
            also=("reel", "short")),
        "poll": NO_FILE,
        "link": NO_FILE,
    },
    Platform.BLUESKY.value: {
        "text": NO_FILE,
        "image": FormatLimits(_PHOTO, 1, 4, image_mb=1),
        "carousel": FormatLimits(_PHOTO, 2, 4, image_mb=1, note="Shown as a grid of 4."),
        "video": FormatLimits(
            _CLIP, 1, 1, video_mb=100, duration_max=180, also=("reel", "short"),
            note="3 minutes since March 2025."),
        "link": NO_FILE,
    },
    Platform.PINTEREST.value: {
        "image": FormatLimits(
            _PHOTO, 1, 1, "1:2.1", None, image_mb=20, note="2:3 shows whole; taller is cut."),
        "carousel": FormatLimits(_PHOTO, 2, 5, "1:2.1", None, image_mb=20),
        "video": FormatLimits(
            _CLIP, 1, 1, video_mb=2048, duration_min=4, duration_max=900,
            also=("reel", "short")),
    },
}
# fmt: on

SOURCES: dict[str, str] = {
    "instagram": "https://developers.facebook.com/docs/instagram-platform/"
    "instagram-graph-api/reference/ig-user/media; https://help.instagram.com",
    "facebook": "https://www.facebook.com/help/; https://developers.facebook.com/docs/"
    "video-api/guides/reels-publishing",
    "linkedin": "https://www.linkedin.com/help/linkedin/answer/a548372 (video); "
    "https://www.linkedin.com/help/linkedin/answer/a564109 (documents)",
    "x": "https://developer.x.com/en/docs/x-api/v1/media/upload-media/"
    "uploading-media/media-best-practices",
    "tiktok": "https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide",
    "youtube": "https://support.google.com/youtube/answer/71673; "
    "https://support.google.com/youtube/answer/15424877 (Shorts)",
    "mastodon": "https://docs.joinmastodon.org/user/posting/ (a server's defaults)",
    "threads": "https://developers.facebook.com/docs/threads/overview",
    "bluesky": "https://bsky.social/about/blog (video announcement, March 2025)",
    "pinterest": "https://help.pinterest.com/en/business/article/pinterest-product-specs",
}


@dataclass(frozen=True)
class FormatTable:
    """The table with a workspace's overrides applied, answering by the networks' names."""

    formats: dict[str, dict[str, FormatLimits]] = field(default_factory=dict)

    def lookup(self, network: str, name: str) -> tuple[str, FormatLimits] | None:
        """The network's own name for the format and its limits, or None if it does not take it."""
        entries = self.formats.get(network, {})
        if name in entries:
            return name, entries[name]
        for own, limits in entries.items():
            if name in limits.also:
                return own, limits
        return None

    def names(self, network: str) -> list[str]:
        """The formats a network takes, in the table's order."""
        return list(self.formats.get(network, {}))


def build_format_table(settings: Settings) -> FormatTable:
    """The table with the workspace's `format_limits` overrides applied."""
    table = {network: dict(entries) for network, entries in FORMATS.items()}
    for network, overrides in settings.format_limits.items():
        entries = table.setdefault(network.value, {})
        for name, override in overrides.items():
            entries[name.value] = apply_override(entries.get(name.value, NO_FILE), override)
    return FormatTable(table)


def apply_override(limits: FormatLimits, override: FormatLimitOverride) -> FormatLimits:
    changes = override.model_dump(exclude_none=True)
    if "media" in changes:
        changes["media"] = tuple(changes["media"])
    return replace(limits, **changes)


def format_names() -> list[str]:
    return [f.value for f in PostFormat]


def render_format_table() -> str:
    """The table as Markdown for the rules reference (docs/rules.md): one row per entry."""
    lines = [
        f"## Post formats table (as of {FORMATS_AS_OF})",
        "",
        "What each network takes for each `format`: media kinds and count, aspect ratio "
        "(width:height), width in pixels, largest file in MB, video duration in seconds. "
        "Override any value per workspace in `almanac.yml`, e.g. "
        "`format_limits: {instagram: {reel: {duration_max: 900}}}`.",
        "",
        "| network | format | also | media | count | ratio | width | MB | seconds | note |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for network, entries in FORMATS.items():
        for name, limits in entries.items():
            lines.append(f"| {network} | {name} | {format_row(limits)} |")
    lines += ["", "Sources:", ""]
    lines += [f"- {network}: {source}" for network, source in SOURCES.items()]
    return "\n".join(lines)


def format_row(limits: FormatLimits) -> str:
    """The cells of one entry after its name; `-` where there is no limit."""

    def span(low: object, high: object) -> str:
        if low is None and high is None:
            return "-"
        return f"{low if low is not None else ''}–{high if high is not None else ''}"

    sizes = [
        f"{kind} {mb:g}"
        for kind, mb in (
            (IMAGE, limits.image_mb),
            (VIDEO, limits.video_mb),
            (DOCUMENT, limits.document_mb),
        )
        if mb is not None
    ]
    cells = [
        ", ".join(limits.also) or "-",
        ", ".join(limits.media) or "none",
        f"{limits.media_min}–{limits.media_max}",
        span(limits.ratio_min, limits.ratio_max),
        span(limits.width_min, limits.width_max),
        ", ".join(sizes) or "-",
        span(limits.duration_min, limits.duration_max),
        limits.note,
    ]
    return " | ".join(cells)
