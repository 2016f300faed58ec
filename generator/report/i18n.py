"""A report in the client's language: its words (from the vocabulary), numbers and dates (Babel)."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from generator.captions import network_name
from generator.schema.common import Platform
from generator.vocabulary import WORDS, category_word, column, goal_word, status_word, word

KNOWN_PLATFORMS = frozenset(p.value for p in Platform)


class Words:
    """Everything a template or chart needs to speak the client's language."""

    def __init__(self, locale: str) -> None:
        column(locale)  # reports are written in a language of the vocabulary, or not at all
        self.locale = locale
        self._babel = Locale.parse(locale)
        percent = self._babel.percent_formats[None].pattern
        self._percent = percent.replace("0", "0.0", 1) if "0.0" not in percent else percent

    def t(self, key: str, **values: object) -> str:
        """The phrase `key` in this language, with `{name}` placeholders filled."""
        return word(key, self.locale, **values)

    def kind(self, name: str) -> str:
        return category_word(name, self.locale)

    def status(self, name: str) -> str:
        return status_word(name, self.locale)

    def goal(self, name: str) -> str:
        """An ad objective (reach, traffic…) in this language; free text is kept as written."""
        return goal_word(name, self.locale)

    def platform(self, name: str) -> str:
        """A network as people write it (LinkedIn); a name Almanac does not know, capitalised."""
        return network_name(name) if name in KNOWN_PLATFORMS else name.capitalize()

    def number(self, value: float | None, digits: int = 0) -> str:
        if value is None:
            return self.t("unknown")
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def percent(self, value: float | None) -> str:
        """A ratio (0.052) as a percentage with one decimal (5,2 % / 5.2%)."""
        if value is None:
            return self.t("unknown")
        return format_percent(value, format=self._percent, locale=self.locale)

    def money(self, value: float | None, currency: str = "EUR") -> str:
        if value is None:
            return self.t("unknown")
        return format_currency(value, currency, locale=self.locale)

    def signed(self, value: float | None, unit: str = "") -> str:
        """A change with its sign: +12, −3, +0,4 pt (the sign of the rounded value: ±0,0 pt)."""
        if value is None:
            return "—"
        digits = 1 if unit == "pt" else 0
        shown = round(value, digits)
        sign = "+" if shown > 0 else ("−" if shown < 0 else "±")
        suffix = f"\u00a0{unit}" if unit else ""
        return f"{sign}{self.number(abs(shown), digits)}{suffix}"

    def change_percent(self, value: float | None) -> str:
        """A relative change (0.12) with its sign: +12 %, −3 %, ±0 %."""
        if value is None:
            return "—"
        shown = round(value, 2)
        sign = "+" if shown > 0 else ("−" if shown < 0 else "±")
        return sign + format_percent(abs(shown), locale=self.locale)

    def date(self, day: dt.date, pattern: str = "long") -> str:
        patterns = {
            "long": "d MMMM yyyy",
            "short": "d MMM",
            "weekday": "EEE d MMM",
            "compact": "d/MM",
        }
        return format_date(day, patterns.get(pattern, pattern), locale=self.locale)

    def month(self, first_day: dt.date) -> str:
        """Stand-alone month and year: "octobre 2026", "October 2026"."""
        return format_date(first_day, "LLLL yyyy", locale=self.locale)

    def day_span(self, start: dt.date, end: dt.date) -> str:
        """Days of one month, short: "1–20 oct.", "1–20 Oct"."""
        return f"{start.day}–{self.date(end, 'd MMM')}"

    def territory(self, code: str) -> str:
        """A country's name in this language (FR -> France), `other` as a phrase."""
        if code == "other":
            return self.t("t_other")
        return str(self._babel.territories.get(code.upper(), code))

    def gender(self, key: str) -> str:
        return self.t(f"g_{key}") if f"g_{key}" in WORDS else key

    def span(self, start: dt.date, end: dt.date) -> str:
        if start == end:
            return self.date(start)
        return self.t("from_to", start=self.date(start, "short"), end=self.date(end))
