"""Schema of `almanac.yml`, the agency-wide settings that mark a workspace's root."""

from __future__ import annotations

from typing import Literal

from generator.schema.common import (
    SCHEMA_VERSION,
    Address,
    Day,
    Locale,
    Platform,
    PostFormat,
    Ratio,
    Strict,
    Text,
    TimeZoneName,
    doc,
)

ENGINES = ("mkdocs", "zensical")
LIMIT_CEILING = 1_000_000  # far above any network's limit; keeps counts ordinary numbers


class PlatformLimitOverride(Strict):
    """Overrides of one network's limits (see the platform limits table)."""

    caption_max: int | None = doc(
        "Longest caption, in characters.", default=None, ge=1, le=LIMIT_CEILING
    )
    hashtags_max: int | None = doc(
        "Most hashtags in one post.", default=None, ge=0, le=LIMIT_CEILING
    )
    media_max: int | None = doc(
        "Most images or videos in one post.", default=None, ge=0, le=LIMIT_CEILING
    )


MediaKind = Literal["image", "video", "document"]
MAX_SECONDS = 7 * 24 * 3600.0  # a week: above any network's longest video or live


class FormatLimitOverride(Strict):
    """Overrides of what one network accepts for one format (see the format table)."""

    media: list[MediaKind] | None = doc(
        "Kinds of file it takes: image, video, document (a format the table lacks starts "
        "with none).",
        default=None,
    )
    media_min: int | None = doc("Fewest files.", default=None, ge=0, le=LIMIT_CEILING)
    media_max: int | None = doc("Most files.", default=None, ge=0, le=LIMIT_CEILING)
    ratio_min: Ratio | None = doc("Narrowest aspect ratio, width:height (e.g. 9:16).", default=None)
    ratio_max: Ratio | None = doc("Widest aspect ratio (e.g. 1.91:1).", default=None)
    width_min: int | None = doc("Narrowest width, in pixels.", default=None, ge=1, le=LIMIT_CEILING)
    width_max: int | None = doc("Widest width, in pixels.", default=None, ge=1, le=LIMIT_CEILING)
    image_mb: float | None = doc(
        "Largest image, in megabytes.", default=None, gt=0, le=LIMIT_CEILING
    )
    video_mb: float | None = doc(
        "Largest video, in megabytes.", default=None, gt=0, le=LIMIT_CEILING
    )
    document_mb: float | None = doc(
        "Largest document, in megabytes.", default=None, gt=0, le=LIMIT_CEILING
    )
    duration_min: float | None = doc(
        "Shortest video, in seconds.", default=None, ge=0, le=MAX_SECONDS
    )
    duration_max: float | None = doc(
        "Longest video, in seconds.", default=None, gt=0, le=MAX_SECONDS
    )


class ImportLimits(Strict):
    """Bounds on what `almanac import` reads, so that a damaged or hostile file is refused with
    a message instead of exhausting memory or time. Real exports stay far below them."""

    max_file_mb: int = doc(
        "Largest export file, or file inside a ZIP, in megabytes (uncompressed).",
        default=64,
        ge=1,
        le=4096,
    )
    max_download_mb: int = doc(
        "Largest total of the files inside one ZIP download, in megabytes (uncompressed).",
        default=256,
        ge=1,
        le=16384,
    )
    max_zip_ratio: int = doc(
        "Highest ratio of uncompressed to compressed size for a file inside a ZIP or XLSX "
        "(a ZIP bomb's is in the thousands).",
        default=200,
        ge=10,
    )
    max_rows: int = doc("Most rows in one table (a CSV file or a sheet).", default=200_000, ge=1)
    max_columns: int = doc("Most columns in one row.", default=2_000, ge=1)
    max_cells: int = doc(
        "Most cells in one table: each cell read is held in memory, about 60 bytes each.",
        default=8_000_000,
        ge=1,
    )
    max_cell_kb: int = doc(
        "Longest cell of a CSV file, in kilobytes.", default=128, ge=1, le=1_048_576
    )
    max_json_depth: int = doc("Deepest nesting of a JSON export.", default=64, ge=2, le=500)


class Settings(Strict):
    """Agency-wide settings (`almanac.yml`)."""

    version: int = doc(
        "Version of the data contract this workspace is written for.",
        default=SCHEMA_VERSION,
        ge=1,
        le=SCHEMA_VERSION,
    )
    name: Text = doc("The agency's name, shown on the site and on report covers.")
    timezone: TimeZoneName = doc(
        "Default time zone for clients that do not set one.", default="Europe/Paris"
    )
    locale: Locale = doc(
        "Default language (fr or en) for clients that do not set one.", default=Locale.FR
    )
    site_url: Address | None = doc("Public address of the hosted calendar site.", default=None)
    repo_url: Address | None = doc(
        "Address of the git repository on its forge (GitHub, GitLab, Gitea), for the item "
        "pages' links: edit the file, its open pull requests, request changes. Without it, "
        "the git remote `origin` is used.",
        default=None,
    )
    forge: Literal["github", "gitlab", "gitea"] | None = doc(
        "Which forge software hosts the repository, when its host name does not say it (a "
        "self-hosted GitLab or Gitea/Forgejo); github.com, gitlab.com, codeberg.org and "
        "hosts named gitlab.… or gitea.… are recognised.",
        default=None,
    )
    edit_uri: str | None = doc("Path on the forge to edit a file, e.g. `edit/main/`.", default=None)
    git_approvals_since: Day | None = doc(
        "Day from which approvals are given in git (pull requests). Items approved before it, "
        "when the agency adopted Almanac, keep the approval written in their `approved_by:` "
        "field; edits after that day still need a new approval.",
        default=None,
    )
    as_of: Day | None = doc(
        "The day an archived or demo workspace is seen from: `check`, `build`, `serve`, "
        "`report`, `new`, `import` and `diff` take it as today instead of the clock, so "
        "deadlines, the home page's week and the default report month stay as they were on "
        "that day. `--today` on the command line overrides it. Leave it unset in a live "
        "workspace.",
        default=None,
    )
    engine: Literal["mkdocs", "zensical"] = doc(
        "Site engine used by `almanac build`.", default="mkdocs"
    )
    platform_limits: dict[str, PlatformLimitOverride] = doc(
        "Per-network overrides of the built-in platform limits table.", default_factory=dict
    )
    format_limits: dict[Platform, dict[PostFormat, FormatLimitOverride]] = doc(
        "Per-network, per-format overrides of the built-in format table (media count, aspect "
        "ratios, width, file size, video duration), e.g. `instagram: {reel: {duration_max: "
        "900}}`.",
        default_factory=dict,
    )
    import_limits: ImportLimits = doc(
        "Limits of `almanac import` (file size, rows, columns, cell length, ZIP expansion, "
        "JSON nesting); raise one when a real export is refused for it.",
        default_factory=ImportLimits,
    )
