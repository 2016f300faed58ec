"""The site's words (from the vocabulary), dates via Babel, network icons and status chips."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_timedelta

from generator.months import Month
from generator.schema import Contest
from generator.schema.common import Platform
from generator.vocabulary import status_word

NETWORKS = [p.value for p in Platform]  # the filters' order


def format_day(day: date, locale: str, style: str = "EEE d MMM") -> str:
    return format_date(day, style, locale=locale)


def format_moment(moment: datetime, locale: str) -> str:
    return f"{format_date(moment.date(), 'EEEE d MMMM y', locale=locale)} · {moment:%H:%M}"


def time_from(moment: datetime, now: datetime, locale: str) -> str:
    """How far a moment is from now, in words ("dans 2 jours", "3 days ago")."""
    return format_timedelta(moment - now, add_direction=True, threshold=1.5, locale=locale)


def month_key_title(key: str, locale: str) -> str:
    """`2026-11` as the site says it: Novembre 2026, November 2026."""
    return month_title(Month.from_key(key).first, locale)


def local_time(moment: datetime, zone: str) -> str:
    """A short day and time in the client's zone, for tables: 12/11 18:40."""
    return f"{moment.astimezone(ZoneInfo(zone)):%d/%m %H:%M}"


def month_title(first: date, locale: str) -> str:
    return format_date(first, "LLLL y", locale=locale).capitalize()


def shipping_label(meta: Contest, locale: str) -> str:
    """How far the prize went (pending, shipped…), in words; empty when not said."""
    return status_word(meta.shipping.status.value, locale) if meta.shipping else ""
