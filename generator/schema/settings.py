"""Schema of `almanac.yml`, the agency-wide settings that mark a workspace's root."""

from __future__ import annotations

from typing import Literal

from generator.schema.common import SCHEMA_VERSION, Day, Locale, Strict, Text, TimeZoneName, doc

ENGINES = ("mkdocs", "zensical")


class PlatformLimitOverride(Strict):
    """Overrides of one network's limits (see the platform limits table)."""

    caption_max: int | None = doc("Longest caption, in characters.", default=None, ge=1)
    hashtags_max: int | None = doc("Most hashtags in one post.", default=None, ge=0)
    media_max: int | None = doc("Most images or videos in one post.", default=None, ge=0)


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
    site_url: str | None = doc("Public address of the hosted calendar site.", default=None)
    repo_url: str | None = doc(
        "Address of the git repository on its forge (GitHub, GitLab), for 'edit this item' links.",
        default=None,
    )
    edit_uri: str | None = doc("Path on the forge to edit a file, e.g. `edit/main/`.", default=None)
    git_approvals_since: Day | None = doc(
        "Day from which approvals are given in git (pull requests). Items approved before it, "
        "when the agency adopted Almanac, keep the approval written in their `approved_by:` "
        "field; edits after that day still need a new approval.",
        default=None,
    )
    engine: Literal["mkdocs", "zensical"] = doc(
        "Site engine used by `almanac build`.", default="mkdocs"
    )
    platform_limits: dict[str, PlatformLimitOverride] = doc(
        "Per-network overrides of the built-in platform limits table.", default_factory=dict
    )
