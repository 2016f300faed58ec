"""The typed, validated workspace that every later stage (rules, site, report) reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal

from generator.schema import Client, Contest, Curated, MonthNotes, Post, Settings
from generator.yamlread import Path_

ItemKind = Literal["post", "contest", "curated"]


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
class Item:
    """A post, contest or curated item of one client, validated."""

    kind: ItemKind
    client: str
    slug: str
    meta: Post | Contest | Curated
    body: str
    source: Source

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
        if isinstance(self.meta, Post):
            return self.meta.publish_at
        if isinstance(self.meta, Contest):
            return self.meta.starts
        return self.meta.share_at

    @property
    def uid(self) -> str:
        """Stable identifier across builds: client/kind/slug."""
        return f"{self.client}/{self.kind}/{self.slug}"


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
    items: list[Item] = field(default_factory=list)
    months: dict[str, MonthNote] = field(default_factory=dict)
    events: list[AgencyEvent] = field(default_factory=list)  # its own and its public holidays

    @property
    def name(self) -> str:
        return self.config.name

    def posts(self) -> list[Item]:
        return [i for i in self.items if i.kind == "post"]

    def contests(self) -> list[Item]:
        return [i for i in self.items if i.kind == "contest"]

    def curated(self) -> list[Item]:
        return [i for i in self.items if i.kind == "curated"]


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

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    def items(self) -> list[Item]:
        return [item for client in self.clients.values() for item in client.items]
