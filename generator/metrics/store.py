"""A client's canonical metrics (`metrics/*.csv`): typed rows, strict reads, atomic writes."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any

from generator.atomic import write_atomic
from generator.metrics.audience import (
    AUDIENCE_COLUMNS,
    AUDIENCE_FILE,
    AudienceRow,
    audience_cells,
    build_audience_row,
    sort_audience,
)
from generator.problems import AlmanacError

METRICS_FOLDER = "metrics"
ACCOUNT_FILE = "account_daily.csv"
POSTS_FILE = "posts.csv"

ACCOUNT_COLUMNS = (
    "platform",
    "date",
    "followers",
    "follower_change",
    "impressions",
    "reach",
    "profile_visits",
    "link_clicks",
    "video_views",
    "source",
)
POST_COLUMNS = (
    "platform",
    "post_id",
    "post_url",
    "published_at",
    "impressions",
    "reach",
    "engagements",
    "likes",
    "comments",
    "shares",
    "saves",
    "clicks",
    "video_views",
    "watch_seconds",
    "ctr_percent",
    "ad_spend",
    "paid_impressions",
    "paid_reach",
    "paid_clicks",
    "paid_results",
    "source",
)
# what an ad report says the spend bought, kept apart from the post's organic figures
PAID_COUNTS = ("paid_impressions", "paid_reach", "paid_clicks", "paid_results")
# posts.csv as written before the paid figures, and before watch time and click-through
# rate, were kept: still read (the next import writes the current header)
OLD_POST_COLUMNS = (
    tuple(c for c in POST_COLUMNS if c not in PAID_COUNTS),
    tuple(c for c in POST_COLUMNS if c not in (*PAID_COUNTS, "watch_seconds", "ctr_percent")),
)
POST_COUNTS = (*POST_COLUMNS[4:14], *PAID_COUNTS)  # impressions … watch_seconds, paid_*


@dataclass(frozen=True)
class AccountDay:
    """One platform's account-level figures for one day; None means not available."""

    platform: str
    date: date
    followers: int | None = None
    follower_change: int | None = None
    impressions: int | None = None
    reach: int | None = None
    profile_visits: int | None = None
    link_clicks: int | None = None
    video_views: int | None = None
    source: str = ""
    # the row of the export (or canonical file) it was read from, for messages; not a figure
    line: int = field(default=0, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, str]:
        return (self.platform, self.date.isoformat())


@dataclass(frozen=True)
class PostMetrics:
    """One post's lifetime figures on one platform, as last exported; None means not available."""

    platform: str
    post_id: str
    post_url: str | None = None
    published_at: datetime | None = None
    impressions: int | None = None
    reach: int | None = None
    engagements: int | None = None
    likes: int | None = None
    comments: int | None = None
    shares: int | None = None
    saves: int | None = None
    clicks: int | None = None
    video_views: int | None = None
    # total watch time in seconds and the click-through rate of impressions in percent, as
    # the platform computed it (YouTube)
    watch_seconds: int | None = None
    ctr_percent: float | None = None
    ad_spend: float | None = None
    # from an ad report (Ads Manager): the impressions, people reached, link clicks and
    # results (what the ad was optimised for) the spend bought; never added to the organic
    # figures above, which the network's own export gives for the whole post
    paid_impressions: int | None = None
    paid_reach: int | None = None
    paid_clicks: int | None = None
    paid_results: int | None = None
    source: str = ""
    line: int = field(default=0, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, str]:
        return (self.platform, self.post_id)


def with_published_at(row: PostMetrics, moment: datetime | None) -> PostMetrics:
    """`dataclasses.replace(row, published_at=moment)` at a fifth of the cost (it runs once
    per imported post): the fields are copied as they are, as copy.copy would, since the
    frozen __init__ setting fifteen fields one by one is what takes the time."""
    copy = object.__new__(PostMetrics)
    copy.__dict__.update(vars(row), published_at=moment)
    return copy


@dataclass
class ClientMetrics:
    """Every canonical metrics row of one client."""

    account: list[AccountDay] = field(default_factory=list)
    posts: list[PostMetrics] = field(default_factory=list)
    audience: list[AudienceRow] = field(default_factory=list)


# --- reading -------------------------------------------------------------------------------


def load_metrics(client_folder: Path) -> ClientMetrics:
    """The client's canonical metrics; missing files are empty, malformed ones an AlmanacError."""
    folder = client_folder / METRICS_FOLDER
    refuse_links_out(client_folder, [folder / ACCOUNT_FILE, folder / POSTS_FILE])
    account = load_rows(folder / ACCOUNT_FILE, ACCOUNT_COLUMNS, build_account_day)
    posts = load_rows(folder / POSTS_FILE, POST_COLUMNS, build_post_metrics, OLD_POST_COLUMNS)
    audience = load_rows(folder / AUDIENCE_FILE, AUDIENCE_COLUMNS, build_audience_row)
    return ClientMetrics(account=account, posts=posts, audience=audience)


def refuse_links_out(client_folder: Path, paths: list[Path]) -> None:
    """A client's metrics come from its own folder: a link to another client's is refused."""
    inside = client_folder.resolve()
    for path in paths:
        if os.path.lexists(path) and inside not in path.resolve().parents:
            raise AlmanacError(
                "this metrics file is a link that leads outside the client's folder: "
                "copy the file instead of linking it",
                path,
            )


def load_rows(
    path: Path,
    columns: tuple[str, ...],
    build: Callable[[dict[str, str], Path, int], Any],
    older: tuple[tuple[str, ...], ...] = (),
) -> list[Any]:
    """The rows of one canonical file; a header of an `older` version is read, its missing
    columns empty (the next import writes the current header)."""
    if not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AlmanacError(f"cannot read canonical metrics file: {exc}", path) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return []
    written = tuple(header)
    if written != columns and written not in older:
        raise AlmanacError(
            f"row 1: the header must be `{','.join(columns)}`, found "
            f"`{','.join(header)}` (re-create it with `almanac import`)",
            path,
            1,
        )
    missing = dict.fromkeys(columns, "") if written != columns else None
    rows = []
    for cells in reader:
        line = reader.line_num
        if not cells:
            continue
        if len(cells) != len(written):
            raise AlmanacError(
                f"row {line}: expected {len(written)} cells, found {len(cells)}", path, line
            )
        row = dict(zip(written, cells, strict=True))
        rows.append(build(row if missing is None else missing | row, path, line))
    return rows


def _cell_error(path: Path, line: int, column: str, value: str, expected: str) -> AlmanacError:
    return AlmanacError(f"row {line}, column {column}: `{value}` is not {expected}", path, line)


def _int(row: dict[str, str], column: str, path: Path, line: int) -> int | None:
    value = row[column]
    if value == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise _cell_error(path, line, column, value, "a whole number") from None


def _ints(
    row: dict[str, str], columns: tuple[str, ...], path: Path, line: int
) -> dict[str, int | None]:
    """_int of each column, with the plain digits canonical files hold read in place (a
    large file has a million such cells)."""
    numbers: dict[str, int | None] = {}
    for column in columns:
        value = row[column]
        if value.isascii() and value.isdigit():
            numbers[column] = int(value)
        else:
            numbers[column] = _int(row, column, path, line)
    return numbers


def _float(row: dict[str, str], column: str, path: Path, line: int) -> float | None:
    value = row[column]
    if value == "":
        return None
    try:
        return float(value)
    except ValueError:
        raise _cell_error(path, line, column, value, "a number") from None


def _text(row: dict[str, str], column: str, path: Path, line: int) -> str:
    if row[column] == "":
        raise AlmanacError(f"row {line}, column {column}: must not be empty", path, line)
    return row[column]


def build_account_day(row: dict[str, str], path: Path, line: int) -> AccountDay:
    try:
        day = date.fromisoformat(row["date"])
    except ValueError:
        raise _cell_error(path, line, "date", row["date"], "a date (YYYY-MM-DD)") from None
    numbers = _ints(row, ACCOUNT_COLUMNS[2:-1], path, line)
    return AccountDay(
        platform=_text(row, "platform", path, line),
        date=day,
        source=row["source"],
        line=line,
        **numbers,
    )


def build_post_metrics(row: dict[str, str], path: Path, line: int) -> PostMetrics:
    published: datetime | None = None
    if row["published_at"]:
        try:
            published = datetime.fromisoformat(row["published_at"])
        except ValueError:
            published = None
        if published is None or published.tzinfo is None:
            raise _cell_error(
                path,
                line,
                "published_at",
                row["published_at"],
                "a date and time with an offset (2026-09-03T15:30:00+00:00)",
            )
    numbers = _ints(row, POST_COUNTS, path, line)
    return PostMetrics(
        platform=_text(row, "platform", path, line),
        post_id=_text(row, "post_id", path, line),
        post_url=row["post_url"] or None,
        published_at=published,
        ctr_percent=_float(row, "ctr_percent", path, line),
        ad_spend=_float(row, "ad_spend", path, line),
        source=row["source"],
        line=line,
        **numbers,
    )


# --- writing -------------------------------------------------------------------------------


def sort_account(rows: Iterable[AccountDay]) -> list[AccountDay]:
    return sorted(rows, key=lambda r: (r.platform, r.date))


def post_sort_key(row: PostMetrics) -> tuple[str, str, str]:
    """Rows sort by the instant of publication (UTC), whatever offset they are written with."""
    when = row.published_at.astimezone(UTC).isoformat() if row.published_at else ""
    return (row.platform, when, row.post_id)


def sort_posts(rows: Iterable[PostMetrics]) -> list[PostMetrics]:
    return sorted(rows, key=post_sort_key)


def format_datetime(moment: datetime) -> str:
    """ISO 8601 with its offset; `almanac import` writes times in the client's time zone."""
    return moment.isoformat(timespec="seconds")


def format_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


# csv writes None as an empty cell and ints and strs as str() does, just as format_cell would
_WRITTEN_AS_IS = frozenset({type(None), int, str})


def render_rows(columns: tuple[str, ...], rows: Iterable[Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    cells_of = attrgetter(*columns)
    writer.writerows(
        [value if type(value) in _WRITTEN_AS_IS else format_cell(value) for value in cells_of(row)]
        for row in rows
    )
    return out.getvalue()


def render_metrics(metrics: ClientMetrics) -> dict[str, str]:
    """The text of each canonical file, sorted and deterministic; audience.csv only for a
    client that has audience figures."""
    files = {
        ACCOUNT_FILE: render_rows(ACCOUNT_COLUMNS, sort_account(metrics.account)),
        POSTS_FILE: render_rows(POST_COLUMNS, sort_posts(metrics.posts)),
    }
    if metrics.audience:
        files[AUDIENCE_FILE] = render_audience(metrics.audience)
    return files


def render_audience(rows: Iterable[AudienceRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(AUDIENCE_COLUMNS)
    writer.writerows(audience_cells(row) for row in sort_audience(rows))
    return out.getvalue()


def write_metrics(client_folder: Path, metrics: ClientMetrics) -> list[Path]:
    """Write both canonical files atomically (temp file beside each, then os.replace).

    Returns the files whose content changed; unchanged files are not touched."""
    folder = client_folder / METRICS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in render_metrics(metrics).items():
        target = folder / name
        if write_atomic(target, text.encode("utf-8")):
            changed.append(target)
    return changed
