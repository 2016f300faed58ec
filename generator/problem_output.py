"""Printing problems for people (text), for tools (json) and for GitHub pull requests."""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import groupby

from generator.problems import Problem, Severity

FORMATS = ("text", "json", "github")


def promote_warnings(problems: Iterable[Problem]) -> list[Problem]:
    """`--strict`: every warning becomes an error."""
    return [
        Problem(p.path, p.line, p.field, p.rule, Severity.ERROR, p.message)
        if p.severity is Severity.WARNING
        else p
        for p in problems
    ]


def format_text(problems: list[Problem]) -> str:
    """Each file's path once, then one line per problem in it (ESLint's "stylish" layout)."""
    lines: list[str] = []
    for path, group in groupby(problems, key=lambda p: p.path):
        lines.append(path)
        for p in group:
            field = f" {p.field}:" if p.field else ""
            lines.append(f"  line {p.line}: {p.severity.value} [{p.rule}]{field} {p.message}")
    return "\n".join(lines)


def format_json(problems: list[Problem]) -> str:
    return json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2)


def _escape_github(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(problems: list[Problem]) -> str:
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    return "\n".join(
        f"::{level[p.severity]} file={_escape_github(p.path, True)},line={p.line},"
        f"title={_escape_github(p.rule, True)}::{_escape_github(p.message)}"
        for p in problems
    )


def format_problems(problems: list[Problem], fmt: str) -> str:
    return {"text": format_text, "json": format_json, "github": format_github}[fmt](problems)


def summary_line(problems: list[Problem]) -> str:
    counts = {s: sum(1 for p in problems if p.severity is s) for s in Severity}
    return (
        f"{counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s), "
        f"{counts[Severity.INFO]} note(s)"
    )
