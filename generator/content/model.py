"""The typed, validated workspace that every later stage (rules, site, report) reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeAlias, TypeVar

from generator.media_files import Measurement
from generator.schema import Client, MonthNotes, Settings
from generator.schema.items import Media
from generator.schema.watchlist import WatchSource
from generator.yamlread import Path_

if TYPE_CHECKING:
    from generator.content.kinds import ItemMeta, Kind
    from generator.metrics.store import ClientMetrics
    from generator.repo.workspace_history import WorkspaceHistory

# covariant: an Item[Post] is usable wherever any item is
M_co = TypeVar("M_co", bound="ItemMeta", covariant=True)


@dataclass
class Source:
    """Where something was read from, and the line of each of its fields."""

    path: Path
    rel: str
    lines: dict[Path_, int] = field(default_factory=dict)
    body_line: int = 0

    def line_of(self, *path: str | int) -> int:
        key = tuple(path)
        while key and key not in self.lines:
            key = key[:-1]
        return self.lines.get(key, self.lines.get((), 1))


@dataclass
class Item(Generic[M_co]):
    """A planned item of one client (post, contest, curated…), validated against its schema.

    `spec` is its entry in the kind registry (generator.content.kinds); `Item[Post]` is a post.
    """

    spec: Kind[M_co]
    client: str
    slug: str
    meta: M_co
    body: str
    source: Source

    @property
    def kind(self) -> str:
        """The kind's name: post, contest, curated."""
        return self.spec.name

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def status(self) -> str:
        return str(self.meta.status.value)

    @property
    def platforms(self) -> list[str]:
        return [p.value for p in self.meta.platforms]

    @property
    def when(self) -> datetime | None:
        """The moment the item lands on the calendar (publication, contest start, share)."""
        return self.spec.when(self.meta)

    @property
    def category(self) -> str:
        """Its editorial category (promo, education…) as the content mix and approvers see it."""
        return self.spec.category_of(self.meta)

    @property
    def media(self) -> list[Media]:
        """Its images and videos (none for kinds without media)."""
        return self.spec.media_of(self.meta)

    @property
    def milestones(self) -> list[tuple[str, datetime | None]]:
        """Its moments on the calendar, each named (a contest's starts, ends, draw…)."""
        return self.spec.milestones(self.meta)

    @property
    def files(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Every file it refers to, with the field that names it: media, then visuals."""
        found: list[tuple[tuple[str | int, ...], str]] = [
            (("media", index, "file"), medium.file) for index, medium in enumerate(self.media)
        ]
        found += [(("visuals", stage), name) for stage, name in self.spec.visuals_of(self.meta)]
        return found

    @property
    def uid(self) -> str:
        """Stable identifier across builds: client/kind/slug."""
        return f"{self.client}/{self.kind}/{self.slug}"


# An item of any kind: the fields every kind shares are typed, the others need `Kind.narrow`.
AnyItem: TypeAlias = "Item[ItemMeta]"


@dataclass
class MonthNote:
    """The month's notes of one client."""

    client: str
    month: str
    meta: MonthNotes
    body: str
    source: Source


@dataclass
class ClientData:
    """One client: settings, items and month notes, all validated."""

    slug: str
    config: Client
    source: Source
    folder: Path
    locale: str
    timezone: str
    items: list[AnyItem] = field(default_factory=list)
    months: dict[str, MonthNote] = field(default_factory=dict)
    events: list[AgencyEvent] = field(default_factory=list)  # its own and its public holidays
    watchlist: list[WatchSource] = field(default_factory=list)  # the sources watched (veille)
    reports: dict[str, Path] = field(default_factory=dict)  # report PDFs on disk, by month key
    metrics: ClientMetrics | None = None  # when the load asked for them
    # every media file its items name, measured (file name as written -> measurement)
    media: dict[str, Measurement] = field(default_factory=dict)
    # item files that could not be loaded, with the days they name (None: none could be read),
    # by workspace-relative path: a report is blocked by one only if it may be in its months
    unloaded: dict[str, tuple[date, ...] | None] = field(default_factory=dict)
    # by month key: next month's plan as it stood when the month ended (when the load asked)
    plans: dict[str, PlanSource] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.config.name


@dataclass(frozen=True)
class PlanSource:
    """Where a closed month's "next month" plan was read from: the client as it stood at a
    commit, and that commit's day; `commit` None when git had no history to give."""

    client: ClientData
    commit: str | None = None
    day: date | None = None


@dataclass
class AgencyEvent:
    """A dated event on the calendars: the agency's (every client), a client's, or a holiday."""

    day: str
    title: str
    end: str | None = None
    kind: str = "other"
    time: str | None = None
    location: str | None = None
    blackout: bool = False
    post_expected: bool = False
    rel: str = ""  # the file it was read from ("" for computed public holidays)
    line: int = 0
    uid: str | None = None  # its identity in the calendar file it was imported from

    @property
    def days(self) -> list[date]:
        """Every day the event covers."""
        first = date.fromisoformat(self.day)
        last = date.fromisoformat(self.end) if self.end else first
        return [first + timedelta(days=n) for n in range((last - first).days + 1)]


@dataclass
class Workspace:
    """Everything Almanac knows, after loading and validation."""

    root: Path
    settings: Settings
    source: Source
    clients: dict[str, ClientData] = field(default_factory=dict)
    events: list[AgencyEvent] = field(default_factory=list)
    history: WorkspaceHistory | None = None  # git history and approvals, when the load asked

    def items(self) -> list[AnyItem]:
        return [item for client in self.clients.values() for item in client.items]
