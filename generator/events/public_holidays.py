"""Public holidays for a client's country and region, from the maintained `holidays` library.

A hand-kept list forgets Easter Monday, Ascension and Whit Monday, or the days that differ between
the United Kingdom's nations; the library computes them for any year.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import holidays


@cache
def supported() -> dict[str, tuple[str, ...]]:
    """Country codes (ISO 3166-1) and their region codes that the library knows."""
    return {code: tuple(regions) for code, regions in holidays.list_supported_countries().items()}


def check_country(country: str, region: str | None) -> str | None:
    """A sentence saying what is wrong with a country and region, or None when they are known."""
    regions = supported().get(country)
    if regions is None:
        return f"`{country}` is not a country code the holiday calendar knows (e.g. FR, GB, BE)"
    if region is not None and region not in regions:
        shown = ", ".join(regions[:12]) + (", …" if len(regions) > 12 else "")
        return f"`{region}` is not a region of {country}: use one of {shown}"
    return None


def public_holidays(
    country: str, region: str | None, years: range, language: str
) -> list[tuple[date, str]]:
    """The public holidays of those years, named in `language` where the library has it."""
    calendar = holidays.country_holidays(country, subdiv=region, years=list(years))
    languages = getattr(calendar, "supported_languages", ())
    chosen = next((code for code in languages if code.split("_")[0] == language), None)
    if chosen is not None:
        calendar = holidays.country_holidays(
            country, subdiv=region, years=list(years), language=chosen
        )
    return sorted(calendar.items())
