"""The registry of item kinds: what each kind of planned item is, declared in one place.

A kind is a folder of Markdown files under a client (`posts/`), the schema its front matter is
validated against, the field that puts it on the calendar, and how the rest of Almanac sees it:
whether it goes out on the networks as itself (feeds, captions), whether it needs an approval,
its editorial category for the content mix, its media, the label and page the site gives it,
and the skeleton `almanac new` writes. The loader, the git history, the rules, the site and the
reports read this table; nothing else lists kinds or their folders.

Typed access: an item is an `Item[M]` over its schema. `POST.narrow(item)` gives an
`Item[Post]` (or None), `POST.items(items)` keeps the posts of a list, each typed; the fields
every kind has (title, status, platforms, approved_by) are read from any item directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from generator.schema.common import Platform
from generator.schema.items import Contest, Curated, Media, Post, Variant
from generator.schema.mentions import MentionLog
from generator.schema.partnership import Partnership

if TYPE_CHECKING:
    from generator.content.model import Item

# Every schema an item can have: the loader validates against one of these, and an item whose
# kind is not known yet (`Item[ItemMeta]`) can still be read for the fields they all share.
ItemMeta = Post | Contest | Curated | Partnership | MentionLog
M = TypeVar("M", bound=ItemMeta)


def _no_visuals(_meta: object) -> list[tuple[str, str]]:
    return []


def _no_media(_meta: object) -> list[Media]:
    return []


@dataclass(frozen=True)
class Kind(Generic[M]):
    """One kind of planned item and how every stage of Almanac sees it."""

    name: str  # the word in uids (`client/post/slug`), `almanac new` and `almanac schema`
    folder: str  # its folder under content/<client>/
    schema: type[M]
    date_field: str | None  # the field that puts it on the calendar (None: a log, never on it)
    label_key: str  # the vocabulary key of its name (site labels, report words)
    posted: bool  # goes out on the networks as itself: feeds, captions, cadence
    needs_approval: bool  # approved_by / git approvals apply to it
    category_of: Callable[[M], str]  # editorial category for the content mix and approvers
    starter: Callable[[datetime, str], list[str]]  # its lines in a new file (when, category)
    starter_body: str  # the body of a new file
    dated_file_name: bool = False  # `almanac new` puts the day in front of the file name
    # its date is a moment it goes out (or opens): reviewed before, marked done after it, kept
    # off blackout days; a partnership's start is an agreement, not a publication
    workflow: bool = True
    monthly_file: bool = False  # one file a month, named YYYY-MM.md (a log)
    team_only: bool = False  # the agency's working file: never on a client's own site
    site_mark: str = ""  # the sign before its title on the site's calendars
    media_of: Callable[[M], list[Media]] = _no_media
    visuals_of: Callable[[M], list[tuple[str, str]]] = _no_visuals  # (field, file) pairs
    # named moments on the calendar (a contest's opening, closing, draw…); None: its date once
    milestones_of: Callable[[M], list[tuple[str, datetime | None]]] | None = None
    other_dates: tuple[str, ...] = ()  # its other date fields (a contest's ends, draw_at…)

    @property
    def date_fields(self) -> tuple[str, ...]:
        """Every field that names one of its days: what a file that cannot be loaded is
        searched for, to know which months it belongs to."""
        return tuple(name for name in (self.date_field, *self.other_dates) if name)

    @property
    def site_template(self) -> str:
        """What its page shows on the site: site_pages/templates/items/<name>.html.j2."""
        return f"items/{self.name}.html.j2"

    def narrow(self, item: Item[Any]) -> Item[M] | None:
        """The item typed over this kind's schema, or None if it is of another kind."""
        return cast("Item[M]", item) if item.spec is self else None

    def items(self, items: Iterable[Item[Any]]) -> list[Item[M]]:
        """The items of this kind, in the order given, typed over its schema."""
        return [cast("Item[M]", i) for i in items if i.spec is self]

    def when(self, meta: M) -> datetime | None:
        """The moment an item of this kind lands on the calendar (None for a log)."""
        if self.date_field is None:
            return None
        return cast("datetime | None", getattr(meta, self.date_field))

    def milestones(self, meta: M) -> list[tuple[str, datetime | None]]:
        """Its moments on the calendar, each named; unnamed at its date for most kinds."""
        if self.milestones_of is not None:
            return self.milestones_of(meta)
        return [("", self.when(meta))]


def _post_starter(when: datetime, category: str) -> list[str]:
    return [
        f"publish_at: {when:%Y-%m-%d %H:%M}",
        "status: idea",
        f"category: {category}",
        "tags: []",
        "media: []",
    ]


def _contest_starter(when: datetime, _category: str) -> list[str]:
    ends = when + timedelta(days=14)
    return [
        "status: idea",
        f"starts: {when:%Y-%m-%d %H:%M}",
        f"ends: {ends:%Y-%m-%d %H:%M}",
        "organizers: []",
        "rules: null",
        "mechanics: null",
    ]


def _curated_starter(when: datetime, _category: str) -> list[str]:
    return [
        "status: candidate",
        f"share_at: {when:%Y-%m-%d %H:%M}",
        "source_url: null",
        "source_name: null",
        "credit: null",
        "why: null",
    ]


def _partnership_starter(when: datetime, _category: str) -> list[str]:
    return [
        "status: proposed",
        f"starts: {when:%Y-%m-%d %H:%M}",
        "partner:",
        "  name: Who the partner is",
        "  kind: influencer",
        "promotes: what is promoted",
        "deliverables: []",
        "contract:",
        "  written: false",
    ]


def _partnership_milestones(meta: Partnership) -> list[tuple[str, datetime | None]]:
    return [("begins", meta.starts), ("finishes", meta.ends)]


def _contest_milestones(meta: Contest) -> list[tuple[str, datetime | None]]:
    return [
        ("starts", meta.starts),
        ("ends", meta.ends),
        ("draw", meta.draw_at),
        ("announce", meta.announce_at),
    ]


def _contest_visuals(meta: Contest) -> list[tuple[str, str]]:
    return [(stage, name) for stage, name in meta.visuals.model_dump().items() if name]


POST: Kind[Post] = Kind(
    name="post",
    folder="posts",
    schema=Post,
    date_field="publish_at",
    label_key="kind.post",
    posted=True,
    needs_approval=True,
    category_of=lambda meta: meta.category,
    starter=_post_starter,
    starter_body="Write the caption here.\n",
    dated_file_name=True,
    media_of=lambda meta: list(meta.media),
)
CONTEST: Kind[Contest] = Kind(
    name="contest",
    folder="contests",
    schema=Contest,
    date_field="starts",
    label_key="kind.contest",
    posted=False,  # a contest goes out through the posts that announce it
    needs_approval=True,
    category_of=lambda _meta: "contest",
    starter=_contest_starter,
    starter_body="Announce the contest here.\n",
    site_mark="★",
    media_of=lambda meta: list(meta.media),
    visuals_of=_contest_visuals,
    milestones_of=_contest_milestones,
    other_dates=("ends", "draw_at", "announce_at"),
)
CURATED: Kind[Curated] = Kind(
    name="curated",
    folder="curated",
    schema=Curated,
    date_field="share_at",
    label_key="kind.curated",
    posted=True,
    needs_approval=False,  # someone else's work, picked: the agency's own approval is moot
    category_of=lambda meta: meta.category,
    starter=_curated_starter,
    starter_body="Say why this is worth sharing.\n",
    site_mark="↗",
)

PARTNERSHIP: Kind[Partnership] = Kind(
    name="partnership",
    folder="partnerships",
    schema=Partnership,
    date_field="starts",
    label_key="kind.partnership",
    posted=False,  # it goes out through the posts that deliver it
    needs_approval=False,  # agreed by a signed contract, not an approval: see influence.*
    category_of=lambda _meta: "partnership",
    starter=_partnership_starter,
    starter_body="The brief: what the partner says, shows and must not say.\n",
    site_mark="⚭",
    milestones_of=_partnership_milestones,
    workflow=False,
)


def _mentions_starter(when: datetime, _category: str) -> list[str]:
    return [
        "status: open",
        "mentions:",
        f"  - at: {when:%Y-%m-%d %H:%M}  # when it was written",
        "    site: instagram",
        "    excerpt: What it says",
        "    tone: neutral",
    ]


MENTIONS: Kind[MentionLog] = Kind(
    name="mentions",
    folder="mentions",
    schema=MentionLog,
    date_field=None,  # a month's log: its mentions are dated, the log is not on the calendar
    label_key="kind.mentions",
    posted=False,
    needs_approval=False,
    category_of=lambda _meta: "mentions",
    starter=_mentions_starter,
    starter_body="How the community felt this month.\n",
    monthly_file=True,
    workflow=False,  # no date of its own: no deadline to review or mark done
    team_only=True,  # answered or not, alerts, notes: the team's work; the client gets the report
    site_mark="◎",
    milestones_of=lambda _meta: [],
)

# The order is the order of the loader, the schema listings and the reference.
KINDS: tuple[Kind[Any], ...] = (POST, CONTEST, CURATED, PARTNERSHIP, MENTIONS)
BY_NAME: dict[str, Kind[Any]] = {k.name: k for k in KINDS}
BY_FOLDER: dict[str, Kind[Any]] = {k.folder: k for k in KINDS}


def kind_named(name: str) -> Kind[Any]:
    """The kind called `name` (post, contest, curated, mentions); KeyError for an unknown one."""
    return BY_NAME[name]


def contest_of(item: Item[Any]) -> str | None:
    """The contest a post belongs to (launch, reminder, results), or None."""
    post = POST.narrow(item)
    return post.meta.contest if post is not None else None


def partnership_of(item: Item[Any]) -> str | None:
    """The partnership a post delivers, or None."""
    post = POST.narrow(item)
    return post.meta.partnership if post is not None else None


def is_sponsored(item: Item[Any]) -> bool:
    """Whether a post is sponsored (written, or through its partnership); other kinds are not."""
    post = POST.narrow(item)
    return post is not None and post.meta.is_sponsored


def variants_of(item: Item[Any]) -> dict[Platform, Variant]:
    """Per-network variants of an item; only posts have them."""
    post = POST.narrow(item)
    return post.meta.variants if post is not None else {}
