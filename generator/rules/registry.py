"""The rule registry: what a rule is, its options, and what it reports (findings)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from generator.content.kinds import POST
from generator.content.model import AnyItem, ClientData, Item, Source, Workspace
from generator.format_table import FORMATS, FormatTable
from generator.problems import Severity
from generator.rules.limits import PlatformLimits
from generator.schema.common import CuratedStatus, Status
from generator.schema.items import Post
from generator.yamlread import field_name

FieldPath = tuple[str | int, ...]
# Every tunable number is bounded: no threshold in days, hours or posts needs more, and a
# bound keeps the dates a rule computes (now + N days) inside the calendar.
OPTION_CEILING = 10_000


@dataclass(frozen=True)
class Option:
    """A threshold a client may tune in `client.yml` under `rules: {rule-id: {name: value}}`."""

    name: str
    default: Any
    value_type: type
    doc: str
    minimum: float | None = 0
    maximum: float | None = OPTION_CEILING
    choices: tuple[str, ...] = ()
    old_name: str | None = None  # still read, with a deprecation warning

    def describe(self) -> str:
        default = "none" if self.default is None else self.default
        choices = f" One of: {', '.join(self.choices)}." if self.choices else ""
        return f"`{self.name}` (default {default}): {self.doc}{choices}"


@dataclass(frozen=True)
class Finding:
    """What a rule saw: where (file, field, line) and a sentence for the community manager."""

    source: Source
    field: FieldPath
    message: str
    item: AnyItem | None = None
    line: int | None = None

    @property
    def where(self) -> int:
        return self.line if self.line is not None else self.source.line_of(*self.field)

    @property
    def field_label(self) -> str:
        return field_name(self.field)


@dataclass(frozen=True)
class Entry:
    """One item going out on one network at one moment (the unit of cadence and mix)."""

    when: datetime
    item: AnyItem
    local: datetime

    @property
    def category(self) -> str:
        """The item's editorial category (promo, education…, contest, curated)."""
        return self.item.category


@dataclass
class ClientPlan:
    """A client's items grouped once, so every rule reads them without re-sorting (fast)."""

    client: ClientData
    today: datetime
    limits: dict[str, PlatformLimits]
    formats: FormatTable = field(default_factory=lambda: FormatTable(FORMATS))
    memo: dict[Any, Any] = field(default_factory=dict)

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.client.timezone)

    @cached_property
    def live_items(self) -> list[AnyItem]:
        """Items that are still meant to happen (not cancelled or rejected)."""
        return [i for i in self.client.items if is_live(i)]

    @cached_property
    def posts(self) -> list[Item[Post]]:
        return POST.items(self.live_items)

    @cached_property
    def feeds(self) -> dict[str, list[Entry]]:
        """Per network, the posts and curated shares in time order."""
        feeds: dict[str, list[Entry]] = {}
        for item in self.live_items:
            when = item.when
            if not item.spec.posted or when is None:
                continue
            local = self.local(when)
            for platform in self.platforms_of(item):
                feeds.setdefault(platform, []).append(Entry(when, item, local))
        for entries in feeds.values():
            entries.sort(key=lambda e: (e.when, e.item.slug))
        return feeds

    @cached_property
    def contest_posts(self) -> dict[str, list[Item[Post]]]:
        out: dict[str, list[Item[Post]]] = {}
        for item in self.posts:
            slug = item.meta.contest
            if slug:
                out.setdefault(slug, []).append(item)
        return out

    def platforms_of(self, item: AnyItem) -> list[str]:
        key = ("platforms", id(item))
        if key not in self.memo:
            self.memo[key] = item.platforms
        return self.memo[key]

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def ahead(self, moment: datetime) -> bool:
        """Plan rules look forward: what is already past is history, not a plan to fix."""
        return moment >= self.today


def is_live(item: AnyItem) -> bool:
    status = item.meta.status
    return status not in (Status.CANCELLED, CuratedStatus.REJECTED)


@dataclass
class RuleContext:
    """What a rule's check function gets: the workspace, one client, its plan, its options."""

    ws: Workspace
    plan: ClientPlan
    options: dict[str, Any]

    @property
    def client(self) -> ClientData:
        return self.plan.client

    @property
    def today(self) -> datetime:
        return self.plan.today


CheckFn = Callable[[RuleContext], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """An editorial rule: stable id, default severity, doc (why it matters), options, check."""

    id: str
    severity: Severity
    summary: str
    doc: str
    options: tuple[Option, ...] = ()
    check: CheckFn | None = None
    tunable: bool = True

    def defaults(self) -> dict[str, Any]:
        return {o.name: o.default for o in self.options}

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]


RULES: dict[str, Rule] = {}


def split_doc(text: str) -> tuple[str, str]:
    """The first paragraph of a docstring is the summary, the rest says why it matters."""
    parts = inspect.cleandoc(text).split("\n\n", 1)
    summary = " ".join(parts[0].split())
    why = " ".join(parts[1].split()) if len(parts) > 1 else ""
    return summary, why


def register(rule: Rule) -> Rule:
    if rule.id in RULES:
        raise ValueError(f"rule {rule.id} registered twice")
    RULES[rule.id] = rule
    return rule


def rule(rule_id: str, severity: Severity, *options: Option) -> Callable[[CheckFn], CheckFn]:
    """Register a check function as a rule; its docstring is the rule's documentation."""

    def wrap(fn: CheckFn) -> CheckFn:
        summary, why = split_doc(fn.__doc__ or rule_id)
        register(Rule(rule_id, severity, summary, why, tuple(options), fn))
        return fn

    return wrap


@dataclass
class Tuning:
    """A client's effective settings for every rule (defaults merged with `client.yml`)."""

    enabled: dict[str, bool] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
