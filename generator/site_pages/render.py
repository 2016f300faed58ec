"""The site's Jinja2 templates (site_pages/templates/): escaping by default, Markup the exception.

Every `{{ value }}` is escaped unless the value is Markup, and Markup is only made from HTML
this package built or sanitised (`render_markdown`, `render_caption`, another template), so a
reviewer finds every exception by searching for `Markup(` and `|safe`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from babel.numbers import format_decimal
from jinja2 import Environment, PackageLoader, StrictUndefined
from jinja2.ext import Extension
from markupsafe import Markup

from generator.captions import network_name
from generator.sanitise import safe_url
from generator.site_pages.html import file_href, href, is_video, render_caption, render_markdown
from generator.site_pages.labels import (
    format_day,
    format_moment,
    local_time,
    month_key_title,
    month_title,
    time_from,
)
from generator.vocabulary import problem_sentence, word

_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


class JoinLines(Extension):
    """Template lines are for reading: a line break and the spaces around it are not output.

    The pages are raw HTML inside Markdown, where a blank line would end the HTML block and
    an indented line would become code; a space the page needs is written inside a line.
    """

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return _LINE_BREAK.sub("", source)


def escape_output(value: Any) -> Any:
    """Escape text as the site always has (html.escape: `&#x27;`, `&quot;`); Markup passes."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(html.escape(value, quote=True))
    return value


@cache
def environment() -> Environment:
    """One environment for the whole site; templates are compiled once per process."""
    env = Environment(
        loader=PackageLoader("generator.site_pages", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=[JoinLines],
        finalize=escape_output,
    )
    env.globals.update(
        href=href,
        file_href=file_href,
        format_day=format_day,
        format_decimal=format_decimal,
        format_moment=format_moment,
        local_time=local_time,
        month_key_title=month_key_title,
        month_title=month_title,
        time_from=time_from,
        network_name=network_name,
        render_markdown=render_markdown,
        render_caption=render_caption,
        is_video=is_video,
        safe_url=safe_url,
        problem_sentence=problem_sentence,
    )
    return env


def macro(template: str, name: str) -> Callable[..., Markup]:
    """A macro of a template, called from Python with what the page shows (values, not HTML)."""
    found: Callable[..., Markup] = getattr(environment().get_template(template).module, name)
    return found


def words(locale: str) -> Callable[..., str]:
    """`t("key")` for templates: a vocabulary phrase in the page's language."""

    def t(key: str, **values: object) -> str:
        return word(key, locale, **values)

    return t


def render(template: str, **values: Any) -> Markup:
    """A template rendered with `values`; the result is HTML, safe to put in another page."""
    return Markup(environment().get_template(template).render(**values))
