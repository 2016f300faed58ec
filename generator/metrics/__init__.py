"""Metrics: platform exports imported into a canonical form, joined to posts, read by reports."""

from generator.metrics.store import (
    AccountDay,
    ClientMetrics,
    PostMetrics,
    load_metrics,
    write_metrics,
)

__all__ = ["AccountDay", "ClientMetrics", "PostMetrics", "load_metrics", "write_metrics"]
