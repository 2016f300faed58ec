"""Format rules: a post written as a story, a reel, a carousel… fits that format on each network.

The limits come from the format table (generator.format_table, overridable per workspace in
almanac.yml `format_limits`); the files are measured once at load (generator.media_files).
Each finding is at the medium's `file:` line and says the number that is wrong and the range
the network takes. Only formats written in the post (or its network variant) are checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.captions import network_name
from generator.content.kinds import variants_of
from generator.content.model import AnyItem
from generator.format_table import FormatLimits
from generator.media_files import Measurement
from generator.post_format import written_format
from generator.problems import Severity
from generator.rules.registry import FieldPath, Finding, RuleContext, rule
from generator.schema.common import Platform, ratio_value
from generator.schema.items import Media

RATIO_TOLERANCE = 0.01  # editors export 1080×1349 for 4:5: one percent is the same shape
NAMED_RATIOS = ("9:16", "2:3", "3:4", "4:5", "1:1", "5:4", "4:3", "3:2", "16:9", "1.91:1")
KIND_WORDS = {"image": "an image", "video": "a video", "document": "a document"}


@dataclass(frozen=True)
class Placed:
    """One post on one network in a written format, with that format's limits there."""

    item: AnyItem
    platform: str
    name: str  # the network's own name for the format (a reel is a short on YouTube)
    limits: FormatLimits

    @property
    def label(self) -> str:
        """How messages name it: "on Instagram a story", "on YouTube a short"."""
        article = "an" if self.name[0] in "aeiou" else "a"
        return f"on {network_name(self.platform)} {article} {self.name}"


def written(ctx: RuleContext) -> Iterator[tuple[AnyItem, str, str]]:
    """Every live post on each of its networks with the format written for it."""
    for item in ctx.plan.posts:
        for platform in ctx.plan.platforms_of(item):
            name = written_format(item, platform)
            if name is not None:
                yield item, platform, name


def placed(ctx: RuleContext) -> Iterator[Placed]:
    """The written formats a network takes, with their limits."""
    for item, platform, name in written(ctx):
        found = ctx.plan.formats.lookup(platform, name)
        if found is not None:
            yield Placed(item, platform, found[0], found[1])


def measured_media(ctx: RuleContext, where: Placed) -> Iterator[tuple[int, Media, Measurement]]:
    """The post's media that were measured (missing or unreadable ones are reported at load)."""
    for index, medium in enumerate(where.item.media):
        found = ctx.client.media.get(medium.file)
        if found is not None and found.kind in KIND_WORDS:
            yield index, medium, found


def at_file(where: Placed, index: int, message: str) -> Finding:
    field: FieldPath = ("media", index, "file")
    return Finding(where.item.source, field, message, where.item)


def format_field(item: AnyItem, platform: str) -> FieldPath:
    """Where the format was written: the network's variant, else the post."""
    variant = variants_of(item).get(Platform(platform))
    if variant is not None and variant.format is not None:
        return ("variants", platform, "format")
    return ("format",)


@rule("format.not-on-network", Severity.ERROR)
def check_format_taken(ctx: RuleContext) -> Iterator[Finding]:
    """A post's format does not exist on one of its networks.

    A story cannot go out on LinkedIn, nor a document on Instagram: the scheduler refuses it
    or the post goes out in another shape than the one reviewed. Write the network's own
    format in `variants.<network>.format`, or take the network off the post. A network that
    gained a format is taught it in almanac.yml `format_limits`.
    """
    for item, platform, name in written(ctx):
        if ctx.plan.formats.lookup(platform, name) is None:
            takes = ", ".join(ctx.plan.formats.names(platform)) or "no format Almanac knows"
            yield Finding(
                item.source,
                format_field(item, platform),
                f"{network_name(platform)} has no {name} format (it takes {takes}): write "
                f"`variants.{platform}.format`, or take {network_name(platform)} off the post",
                item,
            )


def count_range(low: int, high: int) -> str:
    return str(low) if low == high else f"{low} to {high}"


@rule("format.media-count", Severity.ERROR)
def check_format_count(ctx: RuleContext) -> Iterator[Finding]:
    """A post has more or fewer files than its format takes on a network.

    A carousel needs at least two pages, a story or a reel exactly one file, and each network
    caps a carousel (20 on Instagram, 35 photos on TikTok, 4 on X). Checked from `draft` on:
    an idea may not have its visuals yet.
    """
    for where in placed(ctx):
        limits, count = where.limits, len(where.item.media)
        if where.item.status == "idea" and count < limits.media_min:
            continue
        if limits.media_min <= count <= limits.media_max:
            continue
        yield Finding(
            where.item.source,
            ("media",),
            f"{count} file{'s' if count != 1 else ''}; {where.label} takes "
            f"{count_range(limits.media_min, limits.media_max)}",
            where.item,
        )


def kinds_text(kinds: tuple[str, ...]) -> str:
    return " or ".join(KIND_WORDS[k] for k in kinds) if kinds else "no file"


@rule("format.media-type", Severity.ERROR)
def check_format_type(ctx: RuleContext) -> Iterator[Finding]:
    """A file of the wrong kind for the format: a picture in a reel, a video in a document post.

    The network refuses it, or turns a picture into a still video nobody asked for.
    """
    for where in placed(ctx):
        for index, medium, found in measured_media(ctx, where):
            if found.kind not in where.limits.media:
                yield at_file(
                    where,
                    index,
                    f"`{medium.file}` is {KIND_WORDS[found.kind]}; {where.label} takes "
                    f"{kinds_text(where.limits.media)}",
                )


def ratio_text(value: float) -> str:
    """A ratio by its usual name (9:16, 4:5, 1.91:1) when it is one, else as n:1 or 1:n."""
    for name in NAMED_RATIOS:
        if abs(ratio_value(name) - value) <= RATIO_TOLERANCE * value:
            return name
    return f"{value:.2f}:1" if value >= 1 else f"1:{1 / value:.2f}"


def range_text(low: str | None, high: str | None) -> str:
    if low and high:
        return low if low == high else f"{low} to {high}"
    return f"at least {low}" if low else f"at most {high}"


@rule("format.ratio", Severity.WARNING)
def check_format_ratio(ctx: RuleContext) -> Iterator[Finding]:
    """A picture or video is not the shape its format takes on a network.

    The classic last-minute problem: a landscape video for a reel, a square picture for a
    story. The network crops it (heads cut off, text lost) or shows it small between bands.
    Ratios are width:height and read after the rotation a phone records; one percent of
    difference is the same shape.
    """
    for where in placed(ctx):
        low, high = where.limits.ratio_range()
        if low is None and high is None:
            continue
        for index, medium, found in measured_media(ctx, where):
            ratio = found.ratio
            if ratio is None:
                continue
            too_narrow = low is not None and ratio < low * (1 - RATIO_TOLERANCE)
            too_wide = high is not None and ratio > high * (1 + RATIO_TOLERANCE)
            if too_narrow or too_wide:
                wanted = range_text(where.limits.ratio_min, where.limits.ratio_max)
                yield at_file(
                    where,
                    index,
                    f"`{medium.file}` is {ratio_text(ratio)} ({found.width}×{found.height}); "
                    f"{where.label} takes {wanted}: it would be cropped or shown with bands",
                )


@rule("format.resolution", Severity.WARNING)
def check_format_width(ctx: RuleContext) -> Iterator[Finding]:
    """A picture or video is narrower (blurred) or wider (refused or shrunk) than the format takes.

    Too few pixels look blurred on a phone; above the network's width the file is refused
    by the publishing interface or shrunk by it.
    """
    for where in placed(ctx):
        low, high = where.limits.width_min, where.limits.width_max
        if low is None and high is None:
            continue
        for index, medium, found in measured_media(ctx, where):
            width = found.width
            if width is None or (low or 0) <= width <= (high or width):
                continue
            wanted = bounds_text(low, high, "px")
            yield at_file(
                where,
                index,
                f"`{medium.file}` is {width} px wide; {where.label} takes {wanted}: "
                f"export it {'larger' if low and width < low else 'smaller'}",
            )


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


@rule("format.file-size", Severity.ERROR)
def check_format_size(ctx: RuleContext) -> Iterator[Finding]:
    """A file is heavier than the network takes for the format.

    The upload fails at publishing time, usually when nobody is watching the scheduler.
    """
    for where in placed(ctx):
        for index, medium, found in measured_media(ctx, where):
            limit = where.limits.size_limit(found.kind)
            if limit is not None and found.size > limit * 1024 * 1024:
                yield at_file(
                    where,
                    index,
                    f"`{medium.file}` weighs {megabytes(found.size)}; {where.label} takes "
                    f"at most {limit:g} MB: compress it",
                )


def seconds_text(value: float) -> str:
    """75.2 -> "75.2 s (1 min 15 s)": seconds as the limits are written, minutes to read."""
    if value < 60:
        return f"{value:g} s"
    return f"{value:g} s ({int(value // 60)} min {value % 60:02.0f} s)"


def bounds_text(low: float | None, high: float | None, unit: str) -> str:
    if low is not None and high is not None:
        return f"{low:g} to {high:g} {unit}"
    return f"at least {low:g} {unit}" if low is not None else f"at most {high:g} {unit}"


@rule("format.duration", Severity.ERROR)
def check_format_duration(ctx: RuleContext) -> Iterator[Finding]:
    """A video is shorter or longer than the format takes on a network.

    An Instagram story over 60 s is cut, a reel under 3 s refused, an X video over 140 s
    refused for an account without Premium.
    """
    for where in placed(ctx):
        low, high = where.limits.duration_min, where.limits.duration_max
        if low is None and high is None:
            continue
        for index, medium, found in measured_media(ctx, where):
            length = found.duration
            if length is None or (low or 0) <= length <= (high or length):
                continue
            wanted = bounds_text(low, high, "s")
            yield at_file(
                where,
                index,
                f"`{medium.file}` lasts {seconds_text(length)}; {where.label} takes {wanted}",
            )
