"""A closed month's "next month" plan as it stood when the month ended, read from git.

"Next month's plan" of October's report must not change when November's posts are later
published or moved: the client's items are read from the last commit (first-parent line of
HEAD) made before the end of the reported month. A repository whose history starts later
gives the earliest commit holding the client's folder (its earliest known plan), said so by
the date printed beside the plan; the repository's very first commit may predate the client
and would show an empty plan. Without git the files as they are are used, and the report says
that too.

Part of the load stage: the report recipe asks for these plans (`load_plans`) and the report
reads them from the client (`ClientData.plans`); no report section runs git.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.content.layout import CONTENT_FOLDER
from generator.content.loader import load_workspace
from generator.content.model import ClientData, PlanSource, Workspace
from generator.months import Month
from generator.problems import AlmanacError
from generator.repo.git_repo import export_workspace, open_repo, run_git


def month_end(month: Month, zone: str) -> datetime:
    """The first moment after `month` in the client's time zone."""
    return datetime.combine(month.next().first, time(0, 0), ZoneInfo(zone))


def commit_before(root: Path, moment: datetime, folder: str) -> tuple[str, datetime] | None:
    """The last first-parent commit of HEAD made before `moment`, else the first one that
    touches `folder` (the client's, so the plan is its earliest known, never an empty one)."""
    repo = open_repo(root)
    stamp = moment.isoformat()
    sha = run_git(
        repo, "rev-list", "-1", "--first-parent", f"--before={stamp}", "HEAD", check=False
    )
    if not sha or not str(sha).strip():
        sha = run_git(
            repo, "rev-list", "--first-parent", "--reverse", "HEAD", "--", folder, check=False
        )
    lines = str(sha or "").split()
    if not lines:
        return None
    found = lines[0]
    when = str(run_git(repo, "show", "-s", "--format=%cI", found)).strip()
    return found, datetime.fromisoformat(when)


def plan_as_of(root: Path, client: ClientData, month: Month) -> PlanSource:
    """The client as it stood at the end of `month` (or as it is, without git history)."""
    try:
        folder = f"{CONTENT_FOLDER}/{client.slug}"
        found = commit_before(root, month_end(month, client.timezone), folder)
    except AlmanacError:  # not a git repository, or git missing: the files as they are
        return PlanSource(client)
    if found is None:
        return PlanSource(client)
    sha, when = found
    with tempfile.TemporaryDirectory(prefix="almanac-as-of-") as folder:
        export_workspace(root, sha, Path(folder))
        try:
            ws, _ = load_workspace(Path(folder), only_client=client.slug)
            then = ws.clients.get(client.slug)
        except AlmanacError:  # the client did not exist yet
            then = None
    day = when.astimezone(ZoneInfo(client.timezone)).date()
    if then is None:  # nothing was planned for a client that did not exist
        then = replace(client, items=[], months={})
    return PlanSource(then, sha, day)


def load_plans(ws: Workspace, slug: str, months: Iterable[Month]) -> None:
    """Put on the client the plan as it stood at the end of each month given."""
    client = ws.clients[slug]
    for month in months:
        client.plans[month.key] = plan_as_of(ws.root, client, month)
