"""Rendering many reports: one task per client in parallel processes, each PDF written atomically.

A failure (bad data, missing image, refused resource) fails that client's month only: it is
listed at the end, the previous PDF stays in place, and the other reports go on.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TextIO

from generator.atomic import DISK_FULL_TEXT, is_disk_full, remove_leftovers, write_atomic_all
from generator.content.layout import REPORTS_FOLDER, report_path
from generator.content.loader import load_client
from generator.content.model import ClientData
from generator.library_notices import capture_notices
from generator.lifeline import die_with_parent
from generator.metrics.store import ClientMetrics
from generator.months import Month, local_day
from generator.problems import AlmanacError, Problem, blocking
from generator.progress import Steps
from generator.report.as_of import plan_source
from generator.report.blocking import split_problems
from generator.report.months import finished_months, months_with_data
from generator.report.pdf import render_pdf
from generator.report.report_html import render_html, template_roots
from generator.report.report_model import Report, build_report
from generator.report.workbook import build_workbook

SHOWN_PROBLEMS = 3
NO_DATA = (
    "nothing to report: no month notes (months/YYYY-MM.md), no metrics and no plan items for "
    "this month or the next; import the month's exports or write its notes first"
)


@dataclass(frozen=True)
class Task:
    """One client's reports to render: the given months, or every finished month with data."""

    root: Path
    client: str
    months: tuple[Month, ...] | None
    today: date
    complete_only: bool = False


@dataclass(frozen=True)
class Outcome:
    """What happened to one report (or to a whole client, when `month` is None)."""

    client: str
    month: str | None
    path: Path | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()  # about the data (an incomplete month): always shown
    notices: tuple[str, ...] = ()  # from the PDF and chart libraries: shown with --verbose
    seconds: float = 0.0
    changed: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class BatchResult:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def written(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.ok and o.path is not None]


def remove_killed_writes(tasks: list[Task]) -> None:
    """Delete the temp files of PDF and workbook writes whose process was killed
    (`.YYYY-MM.pdf.*.tmp`, `.YYYY-MM.xlsx.*.tmp`)."""
    for task in tasks:
        remove_leftovers(task.root / REPORTS_FOLDER / task.client)


def describe_problems(problems: list[Problem]) -> str:
    shown = "; ".join(f"{p.path}:{p.line}: {p.message}" for p in problems[:SHOWN_PROBLEMS])
    more = f" (and {len(problems) - SHOWN_PROBLEMS} more)" if len(problems) > SHOWN_PROBLEMS else ""
    return shown + more


def load_report_client(
    root: Path, slug: str
) -> tuple[ClientData, ClientMetrics, str, list[Problem]]:
    """One client's validated data and metrics, the agency's name and the content's errors
    (each report is blocked only by those in the data it reads); a client that cannot load
    at all, or whose metrics cannot be read, fails."""
    ws, problems = load_client(root, slug, metrics=True)
    errors = blocking(problems.sorted())
    client = ws.clients.get(slug)
    if client is None or client.metrics is None:
        raise AlmanacError(
            f"{len(errors)} problem(s) in the content, run `almanac check "
            f"--client {slug}`: {describe_problems(errors)}"
        )
    return client, client.metrics, ws.settings.name, errors


def month_problems(
    root: Path, client: str, month: Month, errors: list[Problem]
) -> tuple[str | None, list[str]]:
    """The error that blocks this month's report (None) and the other problems as warnings."""
    stopping, other = split_problems(errors, root, client, month)
    warnings = [f"not in this report: {p.path}:{p.line}: {p.message}" for p in other]
    if not stopping:
        return None, warnings
    return (
        f"{len(stopping)} problem(s) in the data this report reads, run `almanac check "
        f"--client {client}`: {describe_problems(stopping)}",
        warnings,
    )


def incomplete_warning(report: Report) -> str | None:
    """What `almanac report` says about a month whose metrics miss days (None if complete)."""
    coverage, until = report.coverage, report.until
    if coverage is None or until is None:
        return None
    spans = ", ".join(
        a.isoformat() if a == b else f"{a.isoformat()}..{b.isoformat()}"
        for a, b in coverage.missing_spans()
    )
    return (
        f"incomplete month: no metrics of {', '.join(coverage.incomplete)} for {spans}; "
        "the report says so and compares the same days of the previous month"
    )


def render_one(
    root: Path,
    agency: str,
    client: ClientData,
    metrics: ClientMetrics,
    month: Month,
    today: date | None = None,
    complete_only: bool = False,
) -> Outcome:
    start = time.perf_counter()
    try:
        with capture_notices() as notices:
            closed = today is not None and month.last < today
            plan = plan_source(root, client, month) if closed else None
            report = build_report(client, agency, metrics, month, today, plan)
            incomplete = incomplete_warning(report)
            if incomplete and complete_only:
                error = f"refused (--complete-only): {incomplete}"
                return Outcome(client.slug, month.key, error=error)
            html = render_html(report, root)
            roots = [client.folder, *template_roots(root)]
            pdf, warnings = render_pdf(html, client.folder, roots, f"{client.slug}/{month.key}")
        notices += [f"weasyprint: {warning}" for warning in warnings]
        target = report_path(root, client.slug, month)
        # both or neither: a full disk never leaves a new PDF beside last run's workbook
        workbook = build_workbook(report)
        written = write_atomic_all({target: pdf, target.with_suffix(".xlsx"): workbook})
        changed = target in written  # False when the PDF already had these bytes
    except AlmanacError as exc:
        return Outcome(client.slug, month.key, error=str(exc))
    except Exception as exc:  # a bug must not stop the other reports; it is listed at the end
        error = (
            disk_full_message(root)
            if is_disk_full(exc)
            else f"internal error: {type(exc).__name__}: {exc}"
        )
        return Outcome(client.slug, month.key, error=error)
    return Outcome(
        client.slug,
        month.key,
        target,
        warnings=(incomplete,) if incomplete else (),
        notices=tuple(notices),
        seconds=time.perf_counter() - start,
        changed=changed,
    )


def plans_around(client: ClientData, month: Month) -> bool:
    """Whether items are dated in `month` or the next one (a new client's first report shows
    its plan); with them, or notes, or metrics, a month has something to report."""
    after = month.next()
    return any(
        (day := local_day(item.when, client.timezone)) is not None
        and (month.contains(day) or after.contains(day))
        for item in client.items
    )


def disk_full_message(root: Path) -> str:
    return (
        f"the disk is full ({DISK_FULL_TEXT}) while writing in {root / REPORTS_FOLDER}: "
        "free some space and run the report again; the previous PDF is kept"
    )


def run_task(task: Task) -> list[Outcome]:
    """Everything for one client (runs in a worker process)."""
    try:
        client, metrics, agency, errors = load_report_client(task.root, task.client)
    except AlmanacError as exc:
        return [Outcome(task.client, None, error=str(exc))]
    months = task.months or tuple(finished_months(client, metrics, task.today))
    with_data = months_with_data(client, metrics)
    outcomes = []
    for month in months:
        if month not in with_data and not plans_around(client, month):  # never pages of "n/a"
            outcomes.append(Outcome(client.slug, month.key, error=NO_DATA))
            continue
        blocked, warnings = month_problems(task.root, client.slug, month, errors)
        if blocked:
            outcomes.append(Outcome(client.slug, month.key, error=blocked))
            continue
        done = render_one(task.root, agency, client, metrics, month, task.today, task.complete_only)
        outcomes.append(replace(done, warnings=(*done.warnings, *warnings)))
    return outcomes


def describe(outcomes: list[Outcome]) -> str:
    client = outcomes[0].client if outcomes else "?"
    failed = sum(not o.ok for o in outcomes)
    written = sum(o.ok for o in outcomes)
    return f"{client} ({written} ok" + (f", {failed} failed)" if failed else ")")


def run_batch(tasks: Iterable[Task], jobs: int = 2, stream: TextIO | None = None) -> BatchResult:
    """Run every task (in `jobs` processes when there is more than one task)."""
    todo = list(tasks)
    remove_killed_writes(todo)
    with Steps("reports", len(todo), stream) as progress:
        return run_steps(todo, jobs, progress)


def run_steps(todo: list[Task], jobs: int, progress: Steps) -> BatchResult:
    result = BatchResult()
    if jobs <= 1 or len(todo) <= 1:
        for task in todo:
            progress.start(task.client)
            outcomes = run_task(task)
            result.outcomes.extend(outcomes)
            progress.advance(describe(outcomes) if outcomes else task.client)
        return result
    # workers die with this process: a killed `almanac report` leaves no one writing PDFs
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(todo)), initializer=die_with_parent, initargs=(os.getpid(),)
    ) as pool:
        futures = {pool.submit(run_task, task): task for task in todo}
        for future in as_completed(futures):
            task = futures[future]
            try:
                outcomes = future.result()
            except Exception as exc:  # the worker died: say so for this client, go on
                outcomes = [Outcome(task.client, None, error=f"worker failed: {exc}")]
            result.outcomes.extend(outcomes)
            progress.advance(describe(outcomes) if outcomes else task.client)
    result.outcomes.sort(key=lambda o: (o.client, o.month or ""))
    return result
