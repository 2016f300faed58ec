"""The site's words (from the vocabulary), dates via Babel, network icons and status chips."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date

from generator.captions import network_name
from generator.schema import Contest
from generator.schema.common import Platform
from generator.site_pages.html import esc, file_href
from generator.vocabulary import status_word
from generator.vocabulary import word as t

NETWORKS = [p.value for p in Platform]  # the filters' order


def format_day(day: date, locale: str, style: str = "EEE d MMM") -> str:
    return format_date(day, style, locale=locale)


def format_moment(moment: datetime, locale: str) -> str:
    return f"{format_date(moment.date(), 'EEEE d MMMM y', locale=locale)} · {moment:%H:%M}"


def month_title(first: date, locale: str) -> str:
    return format_date(first, "LLLL y", locale=locale).capitalize()


def icon(platform: str, page: str) -> str:
    """A network's icon (a small SVG served with the site) with its name for screen readers."""
    src = file_href(page, f"assets/icons/{platform}.svg")
    name = esc(network_name(platform))
    return f'<img class="al-icon" src="{src}" alt="{name}" title="{name}" width="16" height="16">'


def status_chip(status: str, locale: str) -> str:
    return (
        f'<span class="al-status al-st-{esc(status)}">{esc(t(f"status.{status}", locale))}</span>'
    )


def shipping_label(meta: Contest, locale: str) -> str:
    """How far the prize went (pending, shipped…), in words; empty when not said."""
    return status_word(meta.shipping.status.value, locale) if meta.shipping else ""
