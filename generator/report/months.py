"""Which months a client's report can cover: those with month notes or metrics."""

from __future__ import annotations

from datetime import date

from generator.content.model import ClientData
from generator.metrics.store import ClientMetrics
from generator.months import Month, local_day


def months_with_data(client: ClientData, metrics: ClientMetrics) -> set[Month]:
    """Months that have month notes or metrics (account days or posts published then)."""
    found = {Month.from_key(key) for key in client.months}
    found |= {Month.of(row.date) for row in metrics.account}
    days = (local_day(row.published_at, client.timezone) for row in metrics.posts)
    found |= {Month.of(day) for day in days if day is not None}
    return found


def finished_months(client: ClientData, metrics: ClientMetrics, today: date) -> list[Month]:
    current = Month.of(today)
    return sorted(m for m in months_with_data(client, metrics) if m < current)
