"""A post's format on each network: the one written (variant, then post), else inferred.

The rules check the limits of a written format only: a format is a decision (this is a story),
and only a decision has limits to keep. The content mix and the site also need the shape of
posts nobody labelled, so they read `shape_on`, which infers it from the media: no media is
text (or a link when the post promotes one), one picture an image, several files a carousel,
one video a video, one document a document. An idea or a draft without media has no shape
yet (its visuals are still to come): None.
"""

from __future__ import annotations

from generator.content.kinds import POST
from generator.content.model import AnyItem
from generator.media_files import DOCUMENT, VIDEO, Measurement
from generator.media_files.probe import DOCUMENT_SUFFIXES, VIDEO_SUFFIXES
from generator.schema.common import Platform

# Formats that count as video in the content mix (a story or carousel counts when it holds one)
VIDEO_FORMATS = frozenset({"video", "reel", "short", "live"})
EARLY = frozenset({"idea", "draft"})  # statuses at which a post may still lack its visuals


def written_format(item: AnyItem, platform: str) -> str | None:
    """The format written for `platform` (its variant's, else the post's), or None."""
    post = POST.narrow(item)
    if post is None:
        return None
    variant = post.meta.variants.get(Platform(platform))
    chosen = (variant.format if variant is not None else None) or post.meta.format
    return chosen.value if chosen is not None else None


def file_kind(name: str, media: dict[str, Measurement]) -> str:
    """A file's kind as measured, else as its name says (a file not measured yet)."""
    measured = media.get(name)
    if measured is not None:
        return measured.kind
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return VIDEO if suffix in VIDEO_SUFFIXES else DOCUMENT if suffix in DOCUMENT_SUFFIXES else ""


def inferred_format(item: AnyItem, media: dict[str, Measurement]) -> str | None:
    """The shape of a post from its media alone; None for an early post without media."""
    files = [medium.file for medium in item.media]
    if not files and item.status in EARLY:
        return None
    if not files:
        post = POST.narrow(item)
        return "link" if post is not None and post.meta.link else "text"
    if len(files) > 1:
        return "carousel"
    kind = file_kind(files[0], media)
    return "video" if kind == VIDEO else "document" if kind == DOCUMENT else "image"


def shape_on(item: AnyItem, platform: str, media: dict[str, Measurement]) -> str | None:
    """The format of `item` on `platform`: written, else inferred from its media."""
    return written_format(item, platform) or inferred_format(item, media)


def holds_video(item: AnyItem, platform: str, media: dict[str, Measurement]) -> bool:
    """Whether the post is a video on `platform`: a video format, or a video among its files."""
    if shape_on(item, platform, media) in VIDEO_FORMATS:
        return True
    return any(file_kind(medium.file, media) == VIDEO for medium in item.media)
