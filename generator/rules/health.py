"""Calendar health: per client, problems by rule and severity, and the next 14 days at risk."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from generator.content.model import Workspace
from generator.problems import Problem, Severity

HORIZON_DAYS = 14


@dataclass(frozen=True)
class AtRisk:
    """An item due in the next days that has at least one problem."""

    uid: str
    kind: str
    title: str
    when: datetime
    path: str
    rules: tuple[str, ...]
    severity: Severity


@dataclass
class ClientHealth:
    """One client's health: what the site's home page and the report show."""

    slug: str
    name: str
    by_severity: dict[Severity, int] = field(default_factory=dict)
    by_rule: dict[str, dict[Severity, int]] = field(default_factory=dict)
    at_risk: list[AtRisk] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())

    @property
    def state(self) -> str:
        """`error`, `warning` or `ok`: the worst severity found (notes alone are ok)."""
        for severity in (Severity.ERROR, Severity.WARNING):
            if self.by_severity.get(severity):
                return severity.value
        return "ok"


def _worst(problems: list[Problem]) -> Severity:
    order = [Severity.ERROR, Severity.WARNING, Severity.INFO]
    return min((p.severity for p in problems), key=order.index)


def build_health(
    ws: Workspace, problems: list[Problem], today: datetime
) -> dict[str, ClientHealth]:
    """Health per client slug, from the problems `almanac check` found."""
    by_path: dict[str, list[Problem]] = {}
    for problem in problems:
        by_path.setdefault(problem.path, []).append(problem)
    out: dict[str, ClientHealth] = {}
    for slug, client in sorted(ws.clients.items()):
        prefix = f"content/{slug}/"
        own = [p for path, group in by_path.items() if path.startswith(prefix) for p in group]
        health = ClientHealth(slug, client.name)
        health.by_severity = dict(Counter(p.severity for p in own))
        for rule_id in sorted({p.rule for p in own}):
            health.by_rule[rule_id] = dict(Counter(p.severity for p in own if p.rule == rule_id))
        end = today + timedelta(days=HORIZON_DAYS)
        for item in client.items:
            when, found = item.when, by_path.get(item.source.rel)
            if when is not None and found and today <= when < end:
                health.at_risk.append(
                    AtRisk(
                        item.uid,
                        item.kind,
                        item.title,
                        when,
                        item.source.rel,
                        tuple(sorted({p.rule for p in found})),
                        _worst(found),
                    )
                )
        health.at_risk.sort(key=lambda r: (r.when, r.uid))
        out[slug] = health
    return out


def _counts(counts: dict[Severity, int]) -> str:
    return ", ".join(f"{counts.get(s, 0)} {s.value}" for s in Severity)


def format_health(ws: Workspace, problems: list[Problem], today: datetime) -> str:
    """The `almanac check --summary` text: one block per client."""
    lines = [f"Calendar health on {today:%Y-%m-%d} (items at risk: next {HORIZON_DAYS} days)"]
    for slug, health in build_health(ws, problems, today).items():
        zone = ZoneInfo(ws.clients[slug].timezone)
        lines += [
            "",
            f"{health.name} ({slug}): {health.state.upper()} - {_counts(health.by_severity)}",
        ]
        for rule_id, counts in health.by_rule.items():
            lines.append(f"  {rule_id:<32} {_counts(counts)}")
        if health.at_risk:
            lines.append(f"  at risk in the next {HORIZON_DAYS} days:")
        for risk in health.at_risk:
            lines.append(
                f"    {risk.when.astimezone(zone):%Y-%m-%d %H:%M}  {risk.kind:<8} "
                f"{risk.title}  [{', '.join(risk.rules)}]  {risk.path}"
            )
    return "\n".join(lines)
