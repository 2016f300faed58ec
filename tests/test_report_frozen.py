"""Issue 12: a report does not depend on the folder, the time zone or the language it is
rendered in: two clones of one commit give the same PDF bytes."""

from __future__ import annotations

import os
import subprocess
import sys
from html import unescape
from pathlib import Path

from report_workspace import FR, build_workspace

REPO = Path(__file__).resolve().parent.parent


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def render(clone: Path, zone: str, lang: str) -> bytes:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "TZ": zone,
        "LANG": lang,
        "LC_ALL": lang,
    }
    env.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run(
        [sys.executable, "-m", "generator", "report", "--client", FR, "--month", "2026-10"]
        + ["--today", "2026-11-21", "--jobs", "1"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return (clone / "reports" / FR / "2026-10.pdf").read_bytes()


def test_two_clones_in_other_folders_zones_and_languages_give_the_same_pdf(
    tmp_path: Path,
) -> None:
    origin = build_workspace(tmp_path / "origin")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "ws")
    first = tmp_path / "a"
    second = tmp_path / "somewhere" / "much" / "deeper" / "b"
    second.parent.mkdir(parents=True)
    git(tmp_path, "clone", "-q", str(origin), str(first))
    git(tmp_path, "clone", "-q", str(origin), str(second))
    one = render(first, "UTC", "C.UTF-8")
    other = render(second, "Pacific/Auckland", "fr_FR.UTF-8")
    assert one == other
    assert str(tmp_path).encode() not in one


def commit_at(root: Path, when: str, message: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", message],
        cwd=root,
        check=True,
        env=env,
    )


def test_a_closed_month_shows_next_month_as_it_stood_when_it_ended(tmp_path: Path) -> None:
    """October's "next month" showed today's statuses: the report changed at each render."""
    from datetime import date

    from generator.content.loader import load_workspace
    from generator.metrics.store import load_metrics
    from generator.months import Month
    from generator.repo.plans import load_plans
    from generator.report.report_html import render_html
    from generator.report.report_model import build_report

    root = build_workspace(tmp_path / "ws")
    git(root, "init", "-q", "-b", "main")
    commit_at(root, "2026-10-20T10:00:00+02:00", "plan of November")
    first = root / "content" / FR / "posts" / "2026-11-23-novembre-0.md"
    first.write_text(
        first.read_text(encoding="utf-8").replace("status: scheduled", "status: published"),
        encoding="utf-8",
    )
    late = first.with_name("2026-11-20-ajout.md")
    late.write_text(
        first.read_text(encoding="utf-8").replace("Novembre 0", "Ajout tardif"), encoding="utf-8"
    )
    commit_at(root, "2026-11-10T10:00:00+01:00", "November goes on")
    ws, _ = load_workspace(root)
    client = ws.clients[FR]
    october = Month(2026, 10)
    load_plans(ws, FR, [october])  # the report recipe's load step
    source = client.plans[october.key]
    assert source.day == date(2026, 10, 20) and source.commit is not None
    report = build_report(
        client, "Agence", load_metrics(client.folder), october, date(2026, 11, 21)
    )
    assert report.plan_source is source
    plan = {e.title: e.status for week in report.plan for e in week.entries}
    assert plan == {"Novembre 0": "scheduled", "Novembre 1": "approved", "Novembre 2": "draft"}
    html = unescape(render_html(report, root))
    assert "tels qu'ils étaient le 20 octobre 2026" in html and source.commit[:10] in html


def test_history_that_starts_after_the_month_shows_the_clients_earliest_plan(
    tmp_path: Path,
) -> None:
    """The repository's first commit held no client: October's plan came out empty."""
    from datetime import date

    from generator.content.loader import load_workspace
    from generator.months import Month
    from generator.repo.plans import plan_as_of

    root = build_workspace(tmp_path / "ws")
    content = root / "content"
    hidden = tmp_path / "later"
    content.rename(hidden)
    git(root, "init", "-q", "-b", "main")
    commit_at(root, "2026-11-20T10:00:00+01:00", "the tool first, without content")
    hidden.rename(content)
    commit_at(root, "2026-11-21T10:00:00+01:00", "the clients arrive")
    ws, _ = load_workspace(root)
    source = plan_as_of(root, ws.clients[FR], Month(2026, 10))
    assert source.day == date(2026, 11, 21)
    titles = {item.title for item in source.client.items}
    assert {"Novembre 0", "Novembre 1", "Novembre 2"} <= titles
