"""Running the editorial rules: per-client tuning, per-item silencing, findings to problems."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from generator.content.model import AnyItem, ClientData, Workspace
from generator.format_table import FormatTable, build_format_table
from generator.problems import Problem, Severity
from generator.rules import (
    cadence,
    contest,
    events,
    formats,
    influence,
    listening,
    mix,
    platform,
    rights,
    validation,
    workflow,
)
from generator.rules.limits import build_limits, unknown_limit_names
from generator.rules.registry import (
    RULES,
    ClientPlan,
    Option,
    Rule,
    RuleContext,
    Tuning,
    register,
    split_doc,
)
from generator.yamlread import field_name

RULE_MODULES = (
    platform,
    formats,
    cadence,
    mix,
    workflow,
    rights,
    validation,
    contest,
    events,
    influence,
    listening,
)
SEVERITY_KEY = "severity"


def _meta(rule_id: str, severity: Severity, text: str) -> None:
    summary, why = split_doc(text)
    register(Rule(rule_id, severity, summary, why, tunable=False))


_meta(
    "ignore.no-reason",
    Severity.ERROR,
    """An item silences a rule without saying why.

    `ignore: {rule-id: "reason"}` is a decision the reviewers must be able to read; an empty
    reason hides it. The rule stays active until a reason is written.""",
)
_meta(
    "ignore.unknown-rule",
    Severity.WARNING,
    """An item silences a rule that does not exist.

    Usually a typo in the rule id, so the rule it meant to silence still runs.""",
)
_meta(
    "rules.unknown-rule",
    Severity.WARNING,
    """`client.yml` tunes a rule that does not exist.

    Usually a typo in the rule id: the tuning it meant is not applied.""",
)
_meta(
    "rules.bad-option",
    Severity.ERROR,
    """A rule setting in `client.yml` is unknown or invalid.

    A threshold of the wrong type (text for a number, a share above 1) would change what the
    rule checks without anyone noticing; the rule runs with its defaults instead.""",
)
_meta(
    "limits.unknown-platform",
    Severity.WARNING,
    """`platform_limits` in `almanac.yml` names a
    network Almanac does not know.

    The override is not applied; use a network name such as instagram, x or tiktok.""",
)


def check_value(option: Option, value: Any) -> str | None:
    """Why a tuned value is not acceptable for `option`, or None if it is."""
    if value is None and option.default is None:
        return None
    if option.value_type is bool:
        return None if isinstance(value, bool) else "should be true or false"
    if option.value_type in (int, float):
        return _check_number(option, value)
    if option.value_type is str:
        ok = isinstance(value, str) and (not option.choices or value in option.choices)
        return None if ok else f"should be one of {', '.join(option.choices) or 'text'}"
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return "should be a list of names, e.g. [promo, contest]"
    wrong = [v for v in value if option.choices and v not in option.choices]
    return f"`{wrong[0]}` is not one of {', '.join(option.choices)}" if wrong else None


def _check_number(option: Option, value: Any) -> str | None:
    whole = option.value_type is int
    if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)):
        return "should be a whole number" if whole else "should be a number"
    if option.minimum is not None and value < option.minimum:
        return f"should be at least {option.minimum:g}"
    if option.maximum is not None and value > option.maximum:
        return f"should be at most {option.maximum:g}"
    return None


def build_tuning(client: ClientData, out: list[Problem]) -> Tuning:
    """The client's rule settings merged over the defaults; bad settings become problems."""
    tuning = Tuning()
    for rule in RULES.values():
        tuning.enabled[rule.id] = True
        tuning.options[rule.id] = rule.defaults()
    for rule_id, setting in sorted(client.config.rules.items()):
        known = RULES.get(rule_id)
        if known is None or not known.tunable:
            out.append(_unknown_rule(client, rule_id))
            continue
        tuning.enabled[rule_id] = setting.enabled
        for given, value in sorted(setting.options().items()):
            name = _current_name(known, given, client, out)
            message = _apply_option(known, name, value, tuning)
            if message:
                path = ("rules", rule_id, given)
                out.append(
                    Problem(
                        client.source.rel,
                        client.source.line_of(*path),
                        field_name(path),
                        "rules.bad-option",
                        Severity.ERROR,
                        f"`{given}` for {rule_id}: {message}",
                    )
                )
    return tuning


def _current_name(rule: Rule, name: str, client: ClientData, out: list[Problem]) -> str:
    """The option's name today; an old name is read with a warning to rename it."""
    option = next((o for o in rule.options if o.old_name == name), None)
    if option is None:
        return name
    path = ("rules", rule.id, name)
    out.append(
        Problem(
            client.source.rel,
            client.source.line_of(*path),
            field_name(path),
            "schema.deprecated",
            Severity.WARNING,
            f"`{name}` is an old name: write `{option.name}`",
        )
    )
    return option.name


def _apply_option(rule: Rule, name: str, value: Any, tuning: Tuning) -> str | None:
    if name == SEVERITY_KEY:
        if value not in {s.value for s in Severity}:
            return "should be error, warning or info"
        tuning.options[rule.id][SEVERITY_KEY] = Severity(value)
        return None
    option = next((o for o in rule.options if o.name == name), None)
    if option is None:
        known = ", ".join(["enabled", SEVERITY_KEY, *(o.name for o in rule.options)])
        return f"unknown setting (this rule takes: {known})"
    message = check_value(option, value)
    if message is None:
        tuning.options[rule.id][name] = value
    return message


def _unknown_rule(client: ClientData, rule_id: str) -> Problem:
    tunable = [r.id for r in RULES.values() if r.tunable]
    hint = difflib.get_close_matches(rule_id, tunable, n=1)
    suggestion = f"; did you mean `{hint[0]}`?" if hint else " (see `almanac rules`)"
    return Problem(
        client.source.rel,
        client.source.line_of("rules", rule_id),
        f"rules.{rule_id}",
        "rules.unknown-rule",
        Severity.WARNING,
        f"no rule `{rule_id}` to tune{suggestion}",
    )


def read_ignores(item: AnyItem, out: list[Problem]) -> set[str]:
    """The rules an item silences with a reason; empty reasons and unknown ids are reported."""
    silenced: set[str] = set()
    for rule_id, reason in item.meta.ignore.items():
        path = ("ignore", rule_id)
        line, label = item.source.line_of(*path), field_name(path)
        if rule_id not in RULES:
            out.append(
                Problem(
                    item.source.rel,
                    line,
                    label,
                    "ignore.unknown-rule",
                    Severity.WARNING,
                    f"no rule `{rule_id}` to silence (see `almanac rules`)",
                )
            )
        elif not (reason or "").strip():
            out.append(
                Problem(
                    item.source.rel,
                    line,
                    label,
                    "ignore.no-reason",
                    Severity.ERROR,
                    f"`{rule_id}` is silenced without a reason: "
                    f'write why, e.g. `{rule_id}: "agreed with the client"`',
                )
            )
        else:
            silenced.add(rule_id)
    return silenced


def run_client(
    ws: Workspace,
    client: ClientData,
    today: datetime,
    limits: dict[str, Any],
    formats: FormatTable | None = None,
) -> Iterator[Problem]:
    """Every rule on one client, after its tuning and its items' silencing."""
    out: list[Problem] = []
    tuning = build_tuning(client, out)
    ignores = {id(i): read_ignores(i, out) for i in client.items if i.meta.ignore}
    plan = ClientPlan(client, today, limits, formats or build_format_table(ws.settings))
    for rule in RULES.values():
        if rule.check is None or not tuning.enabled[rule.id]:
            continue
        options = tuning.options[rule.id]
        severity = options.get(SEVERITY_KEY, rule.severity)
        for finding in rule.check(RuleContext(ws, plan, options)):
            if finding.item is not None and rule.id in ignores.get(id(finding.item), ()):
                continue
            out.append(
                Problem(
                    finding.source.rel,
                    finding.where,
                    finding.field_label,
                    rule.id,
                    severity,
                    finding.message,
                )
            )
    yield from out


def run_rules(ws: Workspace, today: datetime) -> list[Problem]:
    """The editorial rules on a loaded workspace, relative to the reference time `today`."""
    problems = [
        Problem(
            ws.source.rel,
            ws.source.line_of("platform_limits", name),
            f"platform_limits.{name}",
            "limits.unknown-platform",
            Severity.WARNING,
            f"`{name}` is not a network Almanac knows: the override is ignored",
        )
        for name in unknown_limit_names(ws.settings)
    ]
    limits = build_limits(ws.settings)
    formats = build_format_table(ws.settings)
    for client in ws.clients.values():
        problems.extend(run_client(ws, client, today, limits, formats))
    return problems
