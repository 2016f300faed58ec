"""Shared field types of the data contract: networks, statuses, aware times, colours."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from typing import Annotated, Any, ClassVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator
from pydantic.functional_validators import AfterValidator, BeforeValidator

from generator.sanitise import strip_comments

SCHEMA_VERSION = 1
# Dates outside these years are typing mistakes; inside them, date arithmetic cannot overflow.
MIN_YEAR, MAX_YEAR = 2000, 2100
INTERNAL_FIELD = "internal"


def without_comments(value: Any) -> Any:
    """Every text inside `value` with its HTML comments (internal notes) removed."""
    if isinstance(value, str):
        return strip_comments(value)
    if isinstance(value, list):
        return [without_comments(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k == INTERNAL_FIELD else without_comments(v) for k, v in value.items()}
    return value


class Strict(BaseModel):
    """Base of every schema: unknown fields are reported (as warnings) instead of kept.

    Text is normalised here, once, for every stage after loading: an HTML comment is an
    internal note wherever it is written (title, tag, alt text, client name…), so it is
    removed before any page, feed, index or report can see it. Infinite and NaN numbers
    are refused.
    """

    model_config = ConfigDict(
        extra="forbid", populate_by_name=True, use_enum_values=False, allow_inf_nan=False
    )
    # old field name -> new one: still read, with a deprecation warning (schema.validate)
    renamed_fields: ClassVar[dict[str, str]] = {}

    @model_validator(mode="before")
    @classmethod
    def _drop_comments(cls, data: Any) -> Any:
        return without_comments(data) if isinstance(data, dict) else data


class Platform(str, Enum):
    """A social network Almanac knows the limits and previews of."""

    INSTAGRAM = "instagram"
    FACEBOOK = "facebook"
    LINKEDIN = "linkedin"
    X = "x"
    TIKTOK = "tiktok"
    YOUTUBE = "youtube"
    MASTODON = "mastodon"
    THREADS = "threads"
    BLUESKY = "bluesky"
    PINTEREST = "pinterest"


class PostFormat(str, Enum):
    """The shape a post takes on a network, named as the networks name them."""

    IMAGE = "image"
    CAROUSEL = "carousel"
    VIDEO = "video"
    REEL = "reel"  # Instagram and Facebook; YouTube calls it a short, TikTok a video
    SHORT = "short"
    STORY = "story"
    LIVE = "live"
    TEXT = "text"
    LINK = "link"
    DOCUMENT = "document"  # LinkedIn's PDF or slides post
    POLL = "poll"
    ARTICLE = "article"


_RATIO = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)\s*$")


def parse_ratio(value: Any) -> str:
    """An aspect ratio written width:height (`9:16`, `1.91:1`); a bare number means n:1."""
    if isinstance(value, bool):
        raise ValueError("expected an aspect ratio such as 9:16 or 1.91:1")
    if isinstance(value, int | float):
        value = f"{value}:1"
    match = _RATIO.match(str(value))
    if not match or float(match.group(1)) <= 0 or float(match.group(2)) <= 0:
        raise ValueError(f"`{value}` is not an aspect ratio: write it as 9:16 or 1.91:1")
    return f"{match.group(1)}:{match.group(2)}"


def ratio_value(text: str) -> float:
    """Width over height of a ratio written `w:h`."""
    width, height = text.split(":")
    return float(width) / float(height)


Ratio = Annotated[str, BeforeValidator(parse_ratio)]
"""An aspect ratio, width:height, e.g. 9:16 (portrait), 1:1, 1.91:1 (landscape)."""


# Old names still read, with a deprecation warning (see generator.schema.validate)
DEPRECATED_PLATFORMS = {"twitter": "x", "ig": "instagram", "fb": "facebook"}


class Status(str, Enum):
    """Where a post or a contest is in the workflow, from idea to published."""

    IDEA = "idea"
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    CANCELLED = "cancelled"


WORKFLOW = [
    Status.IDEA,
    Status.DRAFT,
    Status.IN_REVIEW,
    Status.APPROVED,
    Status.SCHEDULED,
    Status.PUBLISHED,
]
APPROVED_OR_LATER = {Status.APPROVED, Status.SCHEDULED, Status.PUBLISHED}


class CuratedStatus(str, Enum):
    """Where a curated (third-party) item is: found, picked, dropped or shared."""

    CANDIDATE = "candidate"
    SELECTED = "selected"
    REJECTED = "rejected"
    SHARED = "shared"


class Locale(str, Enum):
    """Language of a client's posts and reports."""

    FR = "fr"
    EN = "en"


def check_zone_name(value: str) -> str:
    """An IANA time zone name as given, or a ValueError saying what to write."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"`{value}` is not a known time zone (use a name such as "
            "Europe/Paris or America/Montreal)"
        ) from None
    return value


TimeZoneName = Annotated[str, AfterValidator(check_zone_name)]

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def _colour(value: str) -> str:
    if not _HEX.match(value):
        raise ValueError(f"`{value}` is not a colour: write it as #RRGGBB, e.g. #1d6fa3")
    return value.lower()


Colour = Annotated[str, AfterValidator(_colour)]

_DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$"
)


def parse_datetime(value: Any) -> Any:
    """Read `2026-10-05 12:30`, `2026-10-05T12:30:00+02:00`; a bare date means midnight."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise ValueError("expected a date and time such as 2026-10-05 12:30")
    text = value.strip()
    match = _DATETIME.match(text)
    if not match:
        if re.match(r"^\d{4}-\d{2}-\d{2}$", text):
            return datetime.combine(parse_date(text), time(0, 0))
        raise ValueError(f"`{value}` is not a date and time: write it as 2026-10-05 12:30")
    year, month, day, hour, minute, second = (int(g or 0) for g in match.groups()[:6])
    check_year(year, value)
    try:
        moment = datetime(year, month, day, hour, minute, second)
    except ValueError as exc:
        raise ValueError(f"`{value}` is not a real date and time ({exc})") from None
    offset = match.group(7)
    if offset:
        return moment.replace(tzinfo=_offset_zone(offset))
    return moment


def _offset_zone(offset: str) -> Any:
    from datetime import timezone

    if offset == "Z":
        return UTC
    sign = 1 if offset[0] == "+" else -1
    digits = offset[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def parse_date(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    text = str(value).strip()
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", text):
        raise ValueError(f"`{value}` is not a date: write it as 2026-10-05")
    check_year(int(text[:4]), value)
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"`{value}` is not a real date ({exc})") from None


def check_year(year: int, value: Any) -> None:
    """Refuse a year far from any plan (0001, 9999): a typo, and out of range for time zones."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(
            f"`{value}` is in the year {year}: dates must be between {MIN_YEAR} and {MAX_YEAR}"
        )


def localise(moment: datetime, zone_name: str) -> datetime:
    """Attach the client's zone to a naive time, refusing times DST makes vanish or repeat."""
    if moment.tzinfo is not None:
        return moment
    zone = ZoneInfo(zone_name)
    early = moment.replace(tzinfo=zone, fold=0)
    late = moment.replace(tzinfo=zone, fold=1)
    back = early.astimezone(ZoneInfo("UTC")).astimezone(zone)
    if back.replace(tzinfo=None) != moment:
        raise ValueError(
            f"{moment:%Y-%m-%d %H:%M} does not exist in {zone_name} (clocks go "
            "forward): pick another time"
        )
    if early.utcoffset() != late.utcoffset():
        raise ValueError(
            f"{moment:%Y-%m-%d %H:%M} happens twice in {zone_name} (clocks go "
            "back): add the offset, e.g. +02:00 or +01:00"
        )
    return early


def _aware(value: datetime, info: ValidationInfo) -> datetime:
    zone = (info.context or {}).get("timezone", "UTC")
    return localise(value, zone)


LocalDateTime = Annotated[datetime, BeforeValidator(parse_datetime), AfterValidator(_aware)]
"""A moment; naive values are read in the client's time zone (DST gaps and overlaps refused)."""

Day = Annotated[date, BeforeValidator(parse_date)]
"""A calendar date written as YYYY-MM-DD; impossible dates such as 2026-02-30 are errors."""

_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


def parse_clock(text: str) -> time:
    match = _CLOCK.match(text.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ValueError(f"`{text}` is not a time of day: write it as 07:30")
    return time(int(match.group(1)), int(match.group(2)))


def _window(value: Any) -> str:
    if not isinstance(value, str) or value.count("-") != 1:
        raise ValueError(f'`{value}` is not a time window: write it as "07:30-09:00"')
    start, end = (parse_clock(part) for part in value.split("-"))
    if end <= start:
        raise ValueError(f"the window `{value}` ends before it starts")
    return f"{start:%H:%M}-{end:%H:%M}"


TimeWindow = Annotated[str, BeforeValidator(_window)]
"""A posting window in local time, written "HH:MM-HH:MM" (quoted)."""

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def is_slug(value: str) -> bool:
    """Lower-case letters, digits and dashes, not starting with a dash (a folder name)."""
    return bool(_SLUG.match(value))


def _slug(value: str) -> str:
    if not is_slug(value):
        raise ValueError(f"`{value}` is not a slug: use lower-case letters, digits and dashes")
    return value


Slug = Annotated[str, AfterValidator(_slug)]

Text = Annotated[str, Field(min_length=1)]
"""Text that must say something: blank, or only spaces and comments, is refused."""


def _address(value: str) -> str:
    """An address the URL parser can read, without spaces or control characters."""
    try:
        urlsplit(value)
    except ValueError:
        raise ValueError(f"`{value}` is not a valid web address") from None
    if any(c.isspace() or ord(c) < 32 for c in value):
        raise ValueError(f"`{value}` is not a valid web address: it contains spaces")
    return value


def _web_address(value: str) -> str:
    parts = urlsplit(_address(value))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"`{value}` is not a web address: write it as https://…")
    return value


def _currency(value: str) -> str:
    from babel.numbers import list_currencies

    code = value.strip().upper()
    if code not in list_currencies():
        raise ValueError(f"`{value}` is not an ISO 4217 currency code: write e.g. EUR, GBP, USD")
    return code


Currency = Annotated[str, AfterValidator(_currency)]
"""An ISO 4217 currency code (upper case), as Babel knows them."""

MAX_MONEY = 1_000_000_000
Money = Annotated[float, Field(ge=0, le=MAX_MONEY)]
"""An amount of money: finite, not negative, at most a billion (anything above is a typo)."""


def _distinct(value: list[Platform]) -> list[Platform]:
    seen = [p for index, p in enumerate(value) if p in value[:index]]
    if seen:
        raise ValueError(f"`{seen[0].value}` is listed twice: name each network once")
    return value


Networks = Annotated[list[Platform], AfterValidator(_distinct)]
"""A list of networks, each named once."""

Address = Annotated[str, AfterValidator(_address)]
"""An address the URL parser can read (links are filtered by scheme where they are shown)."""

WebAddress = Annotated[str, AfterValidator(_web_address)]
"""An http(s) address with a host, e.g. the address of a live post."""


def doc(text: str, **kwargs: Any) -> Any:
    """A field with its reference documentation (shown in the README and JSON Schema)."""
    return Field(description=text, **kwargs)
