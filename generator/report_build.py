"""`almanac report`, the recipe: load → validate → model → render → write, client by client.

It reads like the site's recipe (generator.site_build), one step a function, in this order:

    load      the client with its metrics (`load_client`), the months to report, and for each
              closed month next month's plan as it stood when the month ended (from git)
    validate  the checks of `almanac check` (schema, references, rules, metrics), with the
              one rule of strictness (`problems.blocking`); a month's report is blocked only
              by problems in the data it reads, the others are printed as warnings
    model     the typed report (generator.report.report_model)
    render    its HTML through the templates, then the PDF (generator.report.report_html, pdf)
    write     the PDF and its workbook beside it, each atomically

One client is one task, run in parallel processes. A failure (bad data, missing image, refused
resource) fails that client's month only: it is listed at the end, the previous PDF stays in
place, and the other reports go on.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import TextIO

from generator.atomic import DISK_FULL_TEXT, is_disk_full, remove_leftovers, write_atomic_all
from generator.checking import run_checks
from generator.content.layout import REPORTS_FOLDER, report_path
from generator.content.loader import load_client
from generator.content.model import ClientData, Workspace
from generator.library_notices import capture_notices
from generator.lifeline import die_with_parent
from generator.metrics.store import ClientMetrics
from generator.months import Month, local_day
from generator.problems import AlmanacError, Problem, ProblemList, blocking
from generator.progress import Steps
from generator.repo.plans import load_plans
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
    strict: bool = False  # warnings block too, as in `almanac check --strict`
    moment: datetime | None = None  # what the rules judge from; default: `today` at 00:00 UTC

    @property
    def now(self) -> datetime:
        return self.moment or datetime.combine(self.today, clock_time(), UTC)


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


@dataclass
class Loaded:
    """What the load step gives the others: the workspace of one client, its own problems
    (schema, references, metrics files) and the months to report on."""

    ws: Workspace
    problems: ProblemList
    months: tuple[Month, ...] = ()


@dataclass
class Validated:
    """One client ready to report on, with the problems that may block its months."""

    client: ClientData
    metrics: ClientMetrics
    agency: str
    blocking: list[Problem]  # errors (and warnings with --strict), any month


# --- the recipe ---------------------------------------------------------------------------


def run_task(task: Task) -> list[Outcome]:
    """Every report of one client (runs in a worker process): the recipe, step by step."""
    try:
        loaded = load(task)
        valid = validate(task, loaded)
    except AlmanacError as exc:
        return [Outcome(task.client, None, error=str(exc))]
    outcomes = []
    for month in loaded.months:
        refused, warnings = refusal(task, valid, month)
        if refused is not None:
            outcomes.append(Outcome(valid.client.slug, month.key, error=refused))
            continue
        done = report_month(task, valid, month)
        outcomes.append(replace(done, warnings=(*done.warnings, *warnings)))
    return outcomes


def load(task: Task) -> Loaded:
    """The client and its metrics, the months to report, and each closed month's plan as it
    stood then; a client that cannot load at all has no months."""
    ws, problems = load_client(task.root, task.client, metrics=True)
    client = ws.clients.get(task.client)
    if client is None or client.metrics is None:
        return Loaded(ws, problems)
    months = task.months or tuple(finished_months(client, client.metrics, task.today))
    closed = [m for m in months if m.last < task.today and has_data(client, client.metrics, m)]
    load_plans(ws, client.slug, closed)
    return Loaded(ws, problems, months)


def validate(task: Task, loaded: Loaded) -> Validated:
    """`almanac check`'s checks on the loaded client; it fails only when it did not load."""
    ws = loaded.ws
    problems = loaded.problems
    problems.extend(run_checks(ws, task.now))
    stops = blocking(problems.sorted(), task.strict)
    client = ws.clients.get(task.client)
    if client is None or client.metrics is None:
        raise AlmanacError(
            f"{len(stops)} problem(s) in the content, run `almanac check "
            f"--client {task.client}`: {describe_problems(stops)}"
        )
    return Validated(client, client.metrics, ws.settings.name, stops)


def refusal(task: Task, valid: Validated, month: Month) -> tuple[str | None, list[str]]:
    """Why this month's report is not written (None: it is), and the client's other
    problems, outside the data it reads, as warnings."""
    if not has_data(valid.client, valid.metrics, month):  # never pages of "n/a"
        return NO_DATA, []
    stopping, other = split_problems(valid.blocking, valid.client, month)
    warnings = [f"not in this report: {p.path}:{p.line}: {p.message}" for p in other]
    if not stopping:
        return None, warnings
    strict = " --strict" if task.strict else ""
    return (
        f"{len(stopping)} problem(s) in the data this report reads, run `almanac check"
        f"{strict} --client {task.client}`: {describe_problems(stopping)}",
        warnings,
    )


def report_month(task: Task, valid: Validated, month: Month) -> Outcome:
    """Model, render and write one month's report; any failure is this month's only."""
    start = time.perf_counter()
    slug = valid.client.slug
    try:
        with capture_notices() as notices:
            report = model(task, valid, month)
            incomplete = incomplete_warning(report)
            if incomplete and task.complete_only:
                return Outcome(slug, month.key, error=f"refused (--complete-only): {incomplete}")
            pdf, warnings = render(task.root, report)
        notices += [f"weasyprint: {warning}" for warning in warnings]
        target, changed = write(task.root, report, pdf)
    except AlmanacError as exc:
        return Outcome(slug, month.key, error=str(exc))
    except Exception as exc:  # a bug must not stop the other reports; it is listed at the end
        error = (
            disk_full_message(task.root)
            if is_disk_full(exc)
            else f"internal error: {type(exc).__name__}: {exc}"
        )
        return Outcome(slug, month.key, error=error)
    return Outcome(
        slug,
        month.key,
        target,
        warnings=(incomplete,) if incomplete else (),
        notices=tuple(notices),
        seconds=time.perf_counter() - start,
        changed=changed,
    )


def model(task: Task, valid: Validated, month: Month) -> Report:
    """The typed report (a closed month's plan is the one the load step read from git)."""
    return build_report(valid.client, valid.agency, valid.metrics, month, task.today)


def render(root: Path, report: Report) -> tuple[bytes, list[str]]:
    """The PDF bytes, and WeasyPrint's warnings; files resolve only under the client's
    folder and the templates."""
    client = report.client
    html = render_html(report, root)
    roots = [client.folder, *template_roots(root)]
    return render_pdf(html, client.folder, roots, f"{client.slug}/{report.month.key}")


def write(root: Path, report: Report, pdf: bytes) -> tuple[Path, bool]:
    """The PDF and its workbook, both or neither (a full disk never leaves a new PDF beside
    last run's workbook); whether the PDF's bytes changed."""
    target = report_path(root, report.client.slug, report.month)
    workbook = build_workbook(report)
    written = write_atomic_all({target: pdf, target.with_suffix(".xlsx"): workbook})
    return target, target in written


# --- what the steps say ---------------------------------------------------------------------


def has_data(client: ClientData, metrics: ClientMetrics, month: Month) -> bool:
    """Whether a month has something to report: notes, metrics, or items dated in it or in
    the next one (a new client's first report shows its plan)."""
    return month in months_with_data(client, metrics) or plans_around(client, month)


def plans_around(client: ClientData, month: Month) -> bool:
    """Whether items are dated in `month` or the next one."""
    after = month.next()
    return any(
        (day := local_day(item.when, client.timezone)) is not None
        and (month.contains(day) or after.contains(day))
        for item in client.items
    )


def describe_problems(problems: list[Problem]) -> str:
    shown = "; ".join(f"{p.path}:{p.line}: {p.message}" for p in problems[:SHOWN_PROBLEMS])
    more = f" (and {len(problems) - SHOWN_PROBLEMS} more)" if len(problems) > SHOWN_PROBLEMS else ""
    return shown + more


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


def disk_full_message(root: Path) -> str:
    return (
        f"the disk is full ({DISK_FULL_TEXT}) while writing in {root / REPORTS_FOLDER}: "
        "free some space and run the report again; the previous PDF is kept"
    )


# --- many clients ---------------------------------------------------------------------------


def remove_killed_writes(tasks: list[Task]) -> None:
    """Delete the temp files of PDF and workbook writes whose process was killed
    (`.YYYY-MM.pdf.*.tmp`, `.YYYY-MM.xlsx.*.tmp`)."""
    for task in tasks:
        remove_leftovers(task.root / REPORTS_FOLDER / task.client)


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
