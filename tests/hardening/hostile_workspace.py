"""A workspace whose every text field, of every kind, carries attack payloads and markers.

The documents are generated from the schemas themselves: every free-text field (plain `str`,
lists of them, values of text mappings) found by walking the pydantic models gets a payload
with its own marker, so a field added later is covered without editing this file. Fields with
a format (dates, slugs, colours, addresses, paths) get an ordinary valid value.

Markers: `PUB<client><n>Z` is public text of that client (it may appear in that client's
artifacts, never in another's); `INT<client><n>Z` is written in `internal:` fields and
`HID<client><n>Z` inside HTML comments: neither may appear in any artifact.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from PIL import Image
from pydantic import BaseModel

from generator.schema import Client, Contest, Curated, MonthNotes, Post
from generator.schema.events import EventList
from generator.schema.mentions import MentionLog
from generator.schema.watchlist import WatchList

CLIENTS = ("alpha", "bravo")
MONTH = "2026-11"
FREE_TEXT_TYPES = (str,)
MARKER = re.compile(r"\b(?:PUB|INT|HID)[a-z]+\d+Z\b")
EXTERNAL_HOST = "evil.example"


def payload(public: str, hidden: str) -> str:
    """Everything a hostile colleague could type into one text field."""
    return (
        f"=HYPERLINK(\"https://{EXTERNAL_HOST}/f\") {public} <script>alert('{public}')</script> "
        f'<img src=x onerror="alert(1)"> "><svg onload=alert(1)> '
        f"[clic](javascript:alert(1)) </style><style>*{{background:url(//{EXTERNAL_HOST}/c)}}"
        f"</style> <!-- {hidden} --> ' OR 1=1; {{{{ 7*7 }}}} fin"
    )


@dataclass
class Markers:
    """The markers planted in one client's files, by kind."""

    public: dict[str, str] = field(default_factory=dict)  # marker -> field path
    internal: dict[str, str] = field(default_factory=dict)
    hidden: dict[str, str] = field(default_factory=dict)

    def all_secret(self) -> dict[str, str]:
        return {**self.internal, **self.hidden}


class Planter:
    """Fills schema-shaped documents with payloads, counting one marker per field."""

    def __init__(self, client: str) -> None:
        self.client = client
        self.markers = Markers()

    def _next(self, kind: str, where: str) -> str:
        table = {
            "PUB": self.markers.public,
            "INT": self.markers.internal,
            "HID": self.markers.hidden,
        }
        marker = f"{kind}{self.client}{sum(len(t) for t in table.values())}Z"
        table[kind][marker] = where
        return marker

    def text(self, where: str) -> str:
        if where.endswith("internal"):
            return f"{self._next('INT', where)} <script>alert(1)</script> note interne"
        public = self._next("PUB", where)
        return payload(public, self._next("HID", where))

    def fill(self, model: type[BaseModel], where: str, given: dict[str, Any]) -> dict[str, Any]:
        """A document for `model`: `given` values first, payloads in every free-text field."""
        out: dict[str, Any] = {}
        checked = _fields_with_validators(model)
        for name, info in model.model_fields.items():
            path = f"{where}.{name}" if where else name
            if name in given:
                out[name] = self.merge(info.annotation, given[name], path)
                continue
            if name in checked:  # a format of its own (a region code…): left to its default
                continue
            value = self.sample(info.annotation, info.metadata, path)
            if value is not None:
                out[name] = value
        return out

    def merge(self, annotation: Any, given: Any, path: str) -> Any:
        """A value given by the caller, with payloads added in the models it holds."""
        annotation = _without_none(annotation)
        args = typing.get_args(annotation)
        if _is_model(annotation) and isinstance(given, dict):
            return self.fill(annotation, path, given)
        if isinstance(given, list) and args and _is_model(args[0]):
            return [self.fill(args[0], f"{path}[{i}]", g) for i, g in enumerate(given)]
        if isinstance(given, dict) and len(args) == 2 and _is_model(args[1]):
            return {k: self.fill(args[1], f"{path}.{k}", v) for k, v in given.items()}
        return given

    def sample(self, annotation: Any, metadata: list[Any], path: str) -> Any:
        """A value for a field the caller left free: payload text, or nothing if not text."""
        annotation = _without_none(annotation)
        if annotation in FREE_TEXT_TYPES and not _has_validator(metadata):
            return self.text(path)
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is list and args and args[0] is str:
            return [self.text(f"{path}[0]")]
        if origin is list and args and _is_model(args[0]):
            return [self.fill(args[0], f"{path}[0]", {})]
        if origin is dict and len(args) == 2 and _without_none(args[1]) is str:
            return {"note": self.text(f"{path}.note")}
        if _is_model(annotation):
            return self.fill(annotation, path, {})
        return None


def _without_none(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        rest = [a for a in typing.get_args(annotation) if a is not type(None)]
        return rest[0] if len(rest) == 1 else annotation
    return annotation


def _fields_with_validators(model: type[BaseModel]) -> set[str]:
    decorators = model.__pydantic_decorators__.field_validators.values()
    return {name for decorator in decorators for name in decorator.info.fields}


def _has_validator(metadata: list[Any]) -> bool:
    return any(type(m).__name__.endswith("Validator") for m in metadata)


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _model_of(annotation: Any) -> Any:
    inner = _without_none(annotation)
    return inner if _is_model(inner) else None


class _NoAliases(yaml.SafeDumper):
    """Writes shared values out in full: the reader refuses anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)


def _front(data: dict[str, Any], body: str) -> str:
    return "---\n" + dump(data) + "---\n" + body


def _image(path: Path, colour: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 48), colour).save(path)


def write_client(root: Path, slug: str) -> Markers:
    """One client's folder: client.yml, a post, a contest, a curated item, month notes, events."""
    planter = Planter(slug)
    folder = root / "content" / slug
    for name in ("logo", "photo", "launch", "shot"):
        _image(folder / "media" / f"{name}.png", "#336699")
    media = {"file": "media/photo.png", "rights": "owned"}
    account = {"url": f"https://www.instagram.com/{slug}/", "windows": ["09:00-12:00"]}
    client = planter.fill(
        Client,
        "client",
        {
            "locale": "fr",
            "timezone": "Europe/Paris",
            "brand": {"colour": "#1d4e89", "logo": "media/logo.png"},
            "platforms": {
                "instagram": account,
                "facebook": {**account, "url": f"https://www.facebook.com/{slug}"},
            },
            "objectives": [{"metric": "reach", "target": 1000, "platform": "instagram"}],
            "blackout": [{"date": "2026-11-28"}],
            "rules": {},
        },
    )
    _write(folder / "client.yml", dump(client))
    common = {"platforms": ["instagram", "facebook"], "status": "approved"}
    dated = {"requested_at": "2026-11-01", "granted_at": "2026-11-02"}
    post = planter.fill(
        Post,
        "post",
        {
            **common,
            "publish_at": "2026-11-20 10:00",
            "media": [{**media, "rights": "permission", "permission": dated}],
            "cited": [{"validated": True, "validated_at": "2026-11-03"}],
            "variants": {"instagram": {}, "facebook": {}},
            "link": f"javascript:alert('{slug}')",
            "boost": {"budget": 50, "start": "2026-11-20", "end": "2026-11-22"},
            "published": {"instagram": {"url": f"https://www.instagram.com/p/{slug}1/"}},
            "contest": "jeu",
            "client": slug,
            "approved_by": [],
        },
    )
    body = planter.text("post.body")
    _write(folder / "posts" / "2026-11-20-annonce.md", _front(post, body))
    contest = planter.fill(
        Contest,
        "contest",
        {
            **common,
            "starts": "2026-11-10 09:00",
            "ends": "2026-11-24 18:00",
            "draw_at": "2026-11-25 10:00",
            "announce_at": "2026-11-26 10:00",
            "prize": {"value": 80, "quantity": 2},
            "participants": 120,
            "winners": [{"notified_at": "2026-11-26"}],
            "shipping": {"status": "shipped", "shipped_at": "2026-11-27"},
            "visuals": {v: "media/launch.png" for v in ("launch", "reminder", "results")},
            "media": [media],
            "client": slug,
            "approved_by": [],
        },
    )
    _write(folder / "contests" / "jeu.md", _front(contest, planter.text("contest.body")))
    curated = planter.fill(
        Curated,
        "curated",
        {
            "platforms": ["facebook"],
            "status": "selected",
            "source_url": f"https://news.example.org/{slug}",
            "found_at": "2026-11-02",
            "share_at": "2026-11-18 12:00",
            "permission": dated,
            "client": slug,
            "approved_by": [],
        },
    )
    _write(folder / "curated" / "lecture.md", _front(curated, planter.text("curated.body")))
    notes = planter.fill(
        MonthNotes,
        "month",
        {
            "month": MONTH,
            "tone": {"positive": 3, "neutral": 2, "negative": 1},
            "quotes": [{"platform": "instagram", "tone": "positive"}],
            "screenshots": [{"file": "media/shot.png"}],
        },
    )
    month_body = (
        planter.text("month.body")
        + "\n\nVoir [le plan](notes/plan-interne.html) et [ceci](../../../etc/passwd).\n"
    )
    _write(folder / "months" / f"{MONTH}.md", _front(notes, month_body))
    events = planter.fill(EventList, "events", {"events": [{"date": "2026-11-12"}]})
    _write(folder / "events" / "salon.yml", dump(events))
    write_listening(planter, folder)
    return planter.markers


def write_listening(planter: Planter, folder: Path) -> None:
    """The month's mentions log (each mention's `internal` note planted) and the watch list."""
    mention = {
        "at": "2026-11-12 10:00",
        "site": "google",
        "tone": "negative",
        "rating": 2,
        "url": "https://maps.example.org/review/1",
        "answered_at": "2026-11-12 12:00",
    }
    log = planter.fill(
        MentionLog,
        "mentions",
        {
            "mentions": [mention, {**mention, "answered_at": None}],
            "platforms": ["instagram"],
            "client": planter.client,
        },
    )
    body = planter.text("mentions.body")
    _write(folder / "mentions" / f"{MONTH}.md", _front(log, body))
    watched = {"kind": "competitor", "feed": "https://feeds.example.org/rss"}
    watchlist = planter.fill(WatchList, "watchlist", {"sources": [watched]})
    _write(folder / "watchlist.yml", dump(watchlist))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_events(root: Path) -> Markers:
    """Agency-wide events: shown on every client's calendar, so their markers are public."""
    planter = Planter("agency")
    events = planter.fill(EventList, "", {"events": [{"date": "2026-11-11"}]})
    _write(root / "content" / "_events" / "hostile.yml", dump(events))
    return planter.markers


def build_hostile_workspace(root: Path, calendar: Path) -> dict[str, Markers]:
    """The workspace, and the markers planted per client (and `agency` for shared events)."""
    import shutil

    root.mkdir(parents=True, exist_ok=True)
    (root / "almanac.yml").write_text(
        "name: Agence Hostile\ntimezone: Europe/Paris\nlocale: fr\n"
        "site_url: https://plan.example.org/\n",
        encoding="utf-8",
    )
    shutil.copytree(calendar, root / "calendar")
    markers = {slug: write_client(root, slug) for slug in CLIENTS}
    markers["agency"] = write_events(root)
    return markers
