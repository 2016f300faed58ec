"""Schema of `content/<client>/client.yml`: who the client is and how their plan is run."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, ConfigDict, ValidationInfo, field_validator

from generator.schema.common import (
    Colour,
    Day,
    Locale,
    Platform,
    Strict,
    Text,
    TimeWindow,
    TimeZoneName,
    WebAddress,
    doc,
)

# Bounds of the client's settings: far above any real plan, low enough that the dates they
# move (a review lead, a silence) stay inside the calendar's years.
MAX_PER_WEEK = 1000
MAX_HOURS = 24 * 366
MAX_DAYS = 3660
OBJECTIVE_METRICS = (
    "followers_gained",
    "reach",
    "impressions",
    "engagement_rate",
    "posts_published",
)


class Brand(Strict):
    """The client's visual identity, used on the site and in reports."""

    colour: Colour = doc("Main brand colour as #RRGGBB.", default="#1d4e89")
    accent: Colour | None = doc("Second colour for charts, as #RRGGBB.", default=None)
    logo: str | None = doc(
        "Logo file, relative to the client folder (e.g. media/logo.png).", default=None
    )


class Cadence(Strict):
    """How often the client posts on one network."""

    min_per_week: int | None = doc(
        "Fewest posts in a calendar week.", default=None, ge=0, le=MAX_PER_WEEK
    )
    max_per_week: int | None = doc(
        "Most posts in a calendar week.", default=None, ge=0, le=MAX_PER_WEEK
    )
    min_gap_hours: float | None = doc(
        "Shortest gap between two posts, in hours.", default=None, ge=0, le=MAX_HOURS
    )
    max_silence_days: int | None = doc(
        "Longest stretch without any post, in days.", default=None, ge=1, le=MAX_DAYS
    )


class Account(Strict):
    """The client's presence on one network."""

    handle: Text = doc("Account name on the network, e.g. @maisonlumiere.")
    url: WebAddress | None = doc("Profile address.", default=None)
    cadence: Cadence = doc("Posting frequency rules.", default_factory=Cadence)
    windows: list[TimeWindow] = doc(
        'Posting windows in local time, e.g. "07:30-09:00".', default_factory=list
    )


class Approver(Strict):
    """Someone whose approval counts for this client."""

    renamed_fields: ClassVar[dict[str, str]] = {"kinds": "categories"}

    name: Text = doc("Full name, as in git commits.")
    email: str | None = doc("Email address used in git commits.", default=None)
    role: str | None = doc("Role, e.g. account lead, brand manager.", default=None)
    categories: list[str] = doc(
        "Post categories this person must approve (empty: may approve any, required for none).",
        default_factory=list,
    )
    github: str | None = doc("GitHub user name, for CODEOWNERS.", default=None)


class Objective(Strict):
    """A monthly target the report compares results with."""

    metric: Text = doc(
        "What is measured: followers_gained, reach, impressions, engagement_rate, posts_published."
    )
    target: float = doc("Target value for a month.", ge=0, le=1e12)
    platform: Platform | None = doc("Network it applies to (empty: all networks).", default=None)
    label: str | None = doc("How the objective is called in the report.", default=None)

    @field_validator("metric")
    @classmethod
    def _known_metric(cls, metric: str) -> str:
        if metric not in OBJECTIVE_METRICS:
            raise ValueError(
                f"`{metric}` is not a metric the report measures: use one of "
                f"{', '.join(OBJECTIVE_METRICS)}"
            )
        return metric


class ResponseTime(Strict):
    """How fast the client answers mentions and reviews, by when they arrive.

    `almanac check` warns (rule `mentions.unanswered`) about a mention or review that calls
    for an answer and is still unanswered past this delay.
    """

    hours: float = doc(
        "Hours to answer what arrives on a working day within `working_hours`.",
        default=24,
        gt=0,
        le=MAX_HOURS,
    )
    working_hours: TimeWindow = doc(
        'The team\'s working hours on working days, e.g. "09:00-18:00".', default="09:00-18:00"
    )
    evenings_hours: float | None = doc(
        "Hours to answer what arrives outside working hours on a working day (empty: `hours`).",
        default=None,
        gt=0,
        le=MAX_HOURS,
    )
    weekends_hours: float | None = doc(
        "Hours to answer what arrives on Saturday or Sunday (empty: `hours`).",
        default=None,
        gt=0,
        le=MAX_HOURS,
    )
    holidays_hours: float | None = doc(
        "Hours to answer what arrives on a public holiday of the client's country "
        "(empty: as on weekends).",
        default=None,
        gt=0,
        le=MAX_HOURS,
    )


class Blackout(Strict):
    """A day with no posting (mourning, strike, crisis, closure)."""

    date: Day = doc("The day, YYYY-MM-DD.")
    reason: Text = doc("Why nothing is posted that day.")


class RuleSetting(Strict):
    """Tuning of one editorial rule for this client."""

    model_config = ConfigDict(extra="allow")
    enabled: bool = doc("Whether the rule runs for this client.", default=True)

    def options(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


def _country(value: str) -> str:
    from generator.events.public_holidays import check_country

    problem = check_country(value, None)
    if problem:
        raise ValueError(problem)
    return value


CountryCode = Annotated[str, AfterValidator(_country)]


class Client(Strict):
    """A client of the agency (`client.yml`)."""

    name: Text = doc("The client's name as shown to people.")
    locale: Locale | None = doc("Language of posts and reports: fr or en.", default=None)
    timezone: TimeZoneName | None = doc("Time zone of the client's audience.", default=None)
    country: CountryCode | None = doc(
        "Country of the audience (ISO 3166-1 code such as FR, GB, BE): its public holidays show "
        "on the calendar and the rules use them.",
        default=None,
    )
    region: str | None = doc(
        "Region within the country, for regional holidays (ISO 3166-2 code as the holiday "
        "calendar names it, e.g. SCT for Scotland, 57 for Moselle).",
        default=None,
    )
    brand: Brand = doc("Colours and logo.", default_factory=Brand)
    platforms: dict[Platform, Account] = doc(
        "Networks the client is on, with handle, cadence and posting windows."
    )
    approvers: list[Approver] = doc("People whose approval counts.", default_factory=list)
    review_lead_hours: int = doc(
        "Hours before publication by which an item must be approved.",
        default=48,
        ge=0,
        le=MAX_HOURS,
    )
    objectives: list[Objective] = doc("Monthly targets.", default_factory=list)
    blackout: list[Blackout] = doc("Days with no posting.", default_factory=list)
    response: ResponseTime = doc(
        "How fast mentions and reviews are answered (evenings, weekends and public holidays "
        "may differ).",
        default_factory=ResponseTime,
    )
    rules: dict[str, RuleSetting] = doc(
        "Per-rule settings: `enabled` and thresholds.", default_factory=dict
    )
    internal: str | None = doc("Notes for the agency only; never published.", default=None)

    @field_validator("region")
    @classmethod
    def _known_region(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        country = info.data.get("country")
        if country is None:
            raise ValueError("a region needs its `country:` too")
        from generator.events.public_holidays import check_country

        problem = check_country(country, value)
        if problem:
            raise ValueError(problem)
        return value
