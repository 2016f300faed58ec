"""Output folders are Almanac's own: a build never replaces a folder that holds anything else.

`almanac build --output DIR` replaces DIR as a whole, so DIR must be a folder Almanac made. Every
site Almanac writes carries a marker file; an existing folder without it is refused unless it is
empty (or is a site written before the marker existed, recognised by Almanac's own stylesheet).
The workspace, any folder containing it, and the sources (content/, calendar/, reports/, .git)
are refused whatever they hold, like MkDocs refuses a site folder that contains its docs.
"""

from __future__ import annotations

from pathlib import Path

from generator.problems import AlmanacError

MARKER = ".almanac-output"
MARKER_TEXT = (
    "This folder is written by `almanac build` and replaced as a whole on every build.\n"
    "Do not keep other files in it: the next build removes them.\n"
)
# folders (and files) of the workspace that a build reads or that people write by hand
SOURCES = ("content", "calendar", "reports", ".git", "almanac.yml")
# a site built before the marker existed still carries Almanac's stylesheet here
LEGACY_SIGN = Path("assets") / "almanac.css"


def check_output(output: Path, root: Path) -> None:
    """Raise AlmanacError (exit 2, nothing touched) unless `output` may be replaced by a build."""
    out = output.resolve()
    workspace = root.resolve()
    if out == workspace or out in workspace.parents:
        raise refusal(output, "it is the workspace or a folder containing it")
    for name in SOURCES:
        source = workspace / name
        if out == source or source in out.parents:
            raise refusal(output, f"it is inside the workspace's `{name}`, which a build reads")
    if out.exists() and not out.is_dir():
        raise refusal(output, "it is not a folder")
    if out.is_dir() and not is_almanac_output(out):
        raise refusal(
            output,
            f"it is a folder Almanac did not create and it is not empty (no {MARKER} file in it)",
        )


def is_almanac_output(folder: Path) -> bool:
    """True for an empty folder, a folder with Almanac's marker, or a pre-marker Almanac site."""
    if (folder / MARKER).is_file() or (folder / LEGACY_SIGN).is_file():
        return True
    return not any(folder.iterdir())


def refusal(output: Path, why: str) -> AlmanacError:
    return AlmanacError(
        f"refusing to write the site into {output}: {why}. A build replaces its output folder "
        "as a whole; choose a new or empty folder (nothing was changed)",
        exit_code=2,
    )


def write_marker(folder: Path) -> None:
    """Mark a freshly built site as Almanac's, so the next build may replace it."""
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
