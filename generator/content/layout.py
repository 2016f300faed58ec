"""The workspace layout: where every kind of file lives, in one place.

    almanac.yml                       settings
    content/_events/*.yml             agency-wide dates
    content/<client>/client.yml       a client (folders starting with `_` or `.` are not clients)
    content/<client>/watchlist.yml    the sources watched for the client (veille)
    content/<client>/<kind folder>/   items, one folder per kind (see generator.content.kinds)
    content/<client>/months/*.md      month notes
    content/<client>/events/          the client's own dates
    content/<client>/media|metrics|exports/
    reports/<client>/<YYYY-MM>.pdf    the monthly reports

Everything that looks for a file by its place asks here, so moving one is changing one line.
"""

from __future__ import annotations

from pathlib import Path

from generator.content.kinds import BY_FOLDER, KINDS
from generator.months import Month, is_month_key
from generator.problems import AlmanacError

SETTINGS_FILE = "almanac.yml"
CONTENT_FOLDER = "content"
EVENTS_FOLDER = "_events"
CLIENT_FILE = "client.yml"
WATCHLIST_FILE = "watchlist.yml"  # the sources watched for the client (veille)
MONTHS_FOLDER = "months"
CLIENT_EVENTS_FOLDER = "events"  # the client's own dates (calendar files, YAML)
MEDIA_FOLDER = "media"
METRICS_FOLDER = "metrics"
EXPORTS_FOLDER = "exports"
DATA_FOLDERS = (MEDIA_FOLDER, METRICS_FOLDER, EXPORTS_FOLDER)
REPORTS_FOLDER = "reports"


def content_dir(root: Path) -> Path:
    return root / CONTENT_FOLDER


def events_dir(root: Path) -> Path:
    return content_dir(root) / EVENTS_FOLDER


def client_dir(root: Path, slug: str) -> Path:
    return content_dir(root) / slug


def client_file(root: Path, slug: str) -> Path:
    return client_dir(root, slug) / CLIENT_FILE


def watchlist_file(root: Path, slug: str) -> Path:
    return client_dir(root, slug) / WATCHLIST_FILE


def client_folders(root: Path) -> list[str]:
    """Names of the client folders under content/ (not `_events` or hidden folders), sorted."""
    content = content_dir(root)
    if not content.is_dir():
        return []
    return [
        p.name
        for p in sorted(content.iterdir())
        if p.is_dir() and not p.name.startswith(("_", "."))
    ]


def client_slugs(root: Path) -> list[str]:
    """The clients: the client folders that hold a client.yml, sorted."""
    return [name for name in client_folders(root) if client_file(root, name).is_file()]


def pick_clients(root: Path, only: str | None = None) -> list[str]:
    """The clients a command works on: all of them, or the one asked for (which must exist)."""
    found = client_slugs(root)
    if only is None:
        return found
    if only not in found:
        raise AlmanacError(
            f"no client `{only}` in content/ (clients: {', '.join(found)})", exit_code=2
        )
    return [only]


def known_client_folders() -> set[str]:
    """The folders a client folder may hold: one per item kind, months and data."""
    return {*(kind.folder for kind in KINDS), MONTHS_FOLDER, CLIENT_EVENTS_FOLDER, *DATA_FOLDERS}


def item_uid(rel_path: str) -> str | None:
    """`client/kind/slug` of a workspace-relative item path, or None for other files."""
    parts = rel_path.split("/")
    if (
        len(parts) < 4
        or parts[0] != CONTENT_FOLDER
        or parts[2] not in BY_FOLDER
        or not parts[-1].endswith(".md")
        or parts[1].startswith(("_", "."))
    ):
        return None
    return f"{parts[1]}/{BY_FOLDER[parts[2]].name}/{parts[-1][:-3]}"


def report_path(root: Path, client: str, month: Month) -> Path:
    """Where the PDF report of `client` for `month` is written."""
    return root / REPORTS_FOLDER / client / f"{month.key}.pdf"


def find_reports(root: Path, client: str) -> dict[str, Path]:
    """The client's report PDFs on disk, by month key (files with other names are ignored)."""
    folder = (root / REPORTS_FOLDER / client).resolve()
    if not folder.is_dir():
        return {}
    found = {}
    for path in sorted(folder.glob("*.pdf")):
        if is_month_key(path.stem) and path.is_file() and folder in path.resolve().parents:
            found[path.stem] = path
    return found
