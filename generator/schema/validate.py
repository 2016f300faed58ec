"""Validating parsed YAML against a schema, turning pydantic's errors into located problems."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import UnionType
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from generator.problems import Problem, Severity
from generator.schema.common import DEPRECATED_PLATFORMS, INTERNAL_FIELD, without_comments
from generator.yamlread import Path_, YamlDoc, field_name

M = TypeVar("M", bound=BaseModel)

_TYPE_WORDS = {
    "list_type": "a list (lines starting with `- `)",
    "dict_type": "a group of fields (`key: value` lines)",
    "model_type": "a group of fields (`key: value` lines)",
    "model_attributes_type": "a group of fields (`key: value` lines)",
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
}


@dataclass
class Checked:
    """The result of validating one document: the typed object (if valid) and its problems."""

    value: Any
    problems: list[Problem] = field(default_factory=list)


# pydantic adds the validator that failed to an error's location (`str`, `function-after[…]`)
_VALIDATOR_STEPS = {"str", "int", "float", "none", "bool"}
QUOTE_CHARS = 60


def _clean_loc(loc: tuple[Any, ...], data: Any) -> tuple[str | int, ...]:
    """The field path of an error: the steps found in the data, and the missing field's name.

    A step is a real key when the data holds it, so a key written with `[` is kept, while
    pydantic's names of validators are dropped.
    """
    out: list[str | int] = []
    node = data
    for part in loc:
        holds = isinstance(node, dict) and part in node
        indexes = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if holds or indexes:
            node = node[part]
        elif isinstance(part, int) or part in _VALIDATOR_STEPS or "[" in str(part):
            continue
        else:
            node = None
        out.append(part)
    return tuple(out)


def quote(value: Any, loc: tuple[str | int, ...]) -> str | None:
    """A value as shown in a message: without internal notes, short, on one line.

    Messages are shown on the calendar site, which clients may see: the value of an
    `internal` field is never quoted (None), nor an HTML comment inside any value.
    """
    if INTERNAL_FIELD in loc:
        return None
    text = " ".join(str(without_comments(value)).split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def _message(err: Any, loc: tuple[str | int, ...]) -> str:
    error_type = err["type"]
    name = field_name(loc) or "this file"
    given = quote(err.get("input"), loc)
    if error_type == "missing":
        return f"`{name}` is required and missing"
    if error_type == "enum":
        return f"`{given}` is not allowed for `{name}`: use one of {err['ctx']['expected']}"
    if error_type in ("value_error", "assertion_error"):
        return str(err["ctx"]["error"])
    if error_type in _TYPE_WORDS:
        shown = f", not `{given}`" if given is not None else " (its value is not shown)"
        return f"`{name}` should be {_TYPE_WORDS[error_type]}{shown}"
    if error_type == "too_short":
        return f"`{name}` must not be empty"
    if error_type == "string_too_short":
        return f"`{name}` must not be empty (spaces and HTML comments do not count)"
    if error_type == "finite_number":
        return f"`{name}` must be a finite number, not `{given}`"
    if error_type in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"`{name}` is `{given}`: {err['msg'].lower()}"
    return f"`{name}`: {err['msg']}"


def _unknown_field(loc: tuple[str | int, ...], model: type[BaseModel]) -> str:
    name = str(loc[-1])
    known = list(model.model_fields) if len(loc) == 1 else []
    hint = difflib.get_close_matches(name, known, n=1)
    suggestion = f"; did you mean `{hint[0]}`?" if hint else ""
    return f"unknown field `{field_name(loc)}` is ignored{suggestion}"


def _drop(data: Any, loc: tuple[str | int, ...]) -> None:
    for part in loc[:-1]:
        data = data[part]
    data.pop(loc[-1], None)


def _rename_platforms(data: Any, doc: YamlDoc, rel: str, out: list[Problem]) -> None:
    """Read deprecated network names (twitter → x), with a warning to rename them."""
    if not isinstance(data, dict):
        return
    platforms = data.get("platforms")
    if isinstance(platforms, list):
        for index, name in enumerate(platforms):
            if isinstance(name, str) and name in DEPRECATED_PLATFORMS:
                platforms[index] = DEPRECATED_PLATFORMS[name]
                out.append(
                    Problem(
                        rel,
                        doc.line_of(("platforms", index)),
                        "platforms",
                        "schema.deprecated",
                        Severity.WARNING,
                        f"`{name}` is an old name: write `{DEPRECATED_PLATFORMS[name]}`",
                    )
                )


def _rename_fields(
    model: type[BaseModel], data: Any, path: Path_, doc: YamlDoc, rel: str, out: list[Problem]
) -> None:
    """Read fields under their old names (`kind` -> `category`), with a warning to rename them."""
    if not isinstance(data, dict):
        return
    for old, new in getattr(model, "renamed_fields", {}).items():
        if old not in data:
            continue
        value = data.pop(old)
        if new in data:
            message = f"`{old}` is the old name of `{new}`, which is also given: remove `{old}`"
        else:
            data[new] = value
            message = f"`{old}` is an old name: write `{new}`"
        where = (*path, old)
        out.append(
            Problem(
                rel,
                doc.line_of(where),
                field_name(where),
                "schema.deprecated",
                Severity.WARNING,
                message,
            )
        )
    for name, info in model.model_fields.items():
        for sub, inner, where in _nested(info.annotation, data.get(name), (*path, name)):
            _rename_fields(sub, inner, where, doc, rel, out)


def _nested(
    annotation: Any, value: Any, path: Path_
) -> Iterator[tuple[type[BaseModel], Any, Path_]]:
    """The groups of fields inside a value, each with the schema that reads it and its path."""
    args = get_args(annotation)
    if value is None:
        return
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation, value, path
    elif get_origin(annotation) is list and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nested(args[0], item, (*path, index))
    elif get_origin(annotation) is dict and isinstance(value, dict):
        for key, item in value.items():
            yield from _nested(args[1], item, (*path, key))
    elif get_origin(annotation) in (Union, UnionType):  # e.g. `Permission | None`
        for arg in args:
            yield from _nested(arg, value, path)


def _refused(doc: YamlDoc, rel: str, rule: str, message: str) -> Checked:
    """A document refused whole, with its one error at the top of its fields."""
    return Checked(None, [Problem(rel, doc.line_of(()), "", rule, Severity.ERROR, message)])


def validate_doc(
    model: type[M], doc: YamlDoc, rel: str, context: dict[str, Any] | None = None
) -> Checked:
    """Validate a parsed document; unknown fields are warnings, everything else errors."""
    data = doc.data
    if data is None:
        return _refused(
            doc, rel, "schema.empty", "the fields are empty: this file needs its fields"
        )
    if not isinstance(data, dict):
        return _refused(
            doc,
            rel,
            "schema.not-mapping",
            "the fields must be `key: value` lines, not a list or a single value",
        )
    problems: list[Problem] = []
    _rename_platforms(data, doc, rel, problems)
    _rename_fields(model, data, (), doc, rel, problems)
    for _attempt in range(4):
        try:
            return Checked(model.model_validate(data, context=context), problems)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
        unknown = [e for e in errors if e["type"] == "extra_forbidden"]
        for err in unknown:
            loc = _clean_loc(err["loc"], data)
            problems.append(
                Problem(
                    rel,
                    doc.line_of(loc),
                    field_name(loc),
                    "schema.unknown-field",
                    Severity.WARNING,
                    _unknown_field(loc, model),
                )
            )
            _drop(data, loc)
        if len(unknown) == len(errors):
            continue
        for err in errors:
            if err["type"] == "extra_forbidden":
                continue
            loc = _clean_loc(err["loc"], data)
            rule = "schema.missing" if err["type"] == "missing" else "schema.invalid"
            problems.append(
                Problem(
                    rel, doc.line_of(loc), field_name(loc), rule, Severity.ERROR, _message(err, loc)
                )
            )
        return Checked(None, problems)
    return Checked(None, problems)  # pragma: no cover - unknown fields settle in one pass
