"""A brand-new user's first hour: init, new client, new post, check, build, report.

Every step must exit 0 and print no warning the user did not cause; the messages say what
happened (files written, the git commit, where the site is and how to view it).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
IDENTITY = {  # a user's git identity, as `git config` would give it
    "GIT_AUTHOR_NAME": "Camille Martin",
    "GIT_AUTHOR_EMAIL": "camille@example.org",
    "GIT_COMMITTER_NAME": "Camille Martin",
    "GIT_COMMITTER_EMAIL": "camille@example.org",
}


def almanac(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **IDENTITY, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=600,
    )


def step(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """One step of the first hour: exit 0, and nothing on stderr that reads as a warning."""
    done = almanac(cwd, *args)
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    said = re.sub(r"\d+ error\(s\), \d+ warning\(s\), \d+ note\(s\)", "", done.stderr)
    assert not re.search(r"warn|traceback|deprecat", said, re.IGNORECASE), done.stderr
    return done


@dataclass
class FirstHour:
    agency: Path
    steps: dict[str, subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def first_hour(tmp_path_factory: pytest.TempPathFactory) -> FirstHour:
    """The scripted first hour, run once; each step's output by name."""
    home = tmp_path_factory.mktemp("first-hour")
    agency = home / "agency"
    run = FirstHour(agency, {})
    run.steps["init"] = step(
        home, "init", "agency", "--name", "Agence Test", "--locale", "en",
        "--timezone", "Europe/London",
    )  # fmt: skip
    run.steps["new client"] = step(
        agency, "new", "client", "boulangerie-martin", "--name", "Boulangerie Martin",
        "--locale", "fr", "--timezone", "Europe/Paris",
        "--platforms", "instagram=@boulangeriemartin,facebook=@boulangeriemartin",
    )  # fmt: skip
    run.steps["new post"] = step(
        agency, "new", "post", "--client", "boulangerie-martin", "--title", "Le pain du jour",
        "--platforms", "instagram,facebook",
    )  # fmt: skip
    run.steps["check"] = step(agency, "check", "--strict")
    run.steps["build"] = step(agency, "build")
    run.steps["report"] = step(agency, "report", "--client", "boulangerie-martin")
    return run


def test_every_step_exits_0_without_warnings(first_hour: FirstHour) -> None:
    assert list(first_hour.steps) == ["init", "new client", "new post", "check", "build", "report"]
    assert "0 error(s), 0 warning(s), 0 note(s)" in first_hour.steps["check"].stderr


def test_init_counts_the_files_it_writes_and_commits_them(first_hour: FirstHour) -> None:
    said = first_hour.steps["init"].stdout
    count = int(re.search(r"\((\d+) files\)", said).group(1))  # type: ignore[union-attr]
    first_commit = git(first_hour.agency, "ls-tree", "-r", "--name-only", "HEAD~0").split()
    # it used to say 10 while writing 17; 18 with the partnership kind's JSON schema, 20 with
    # the watch list's and the mentions log's
    assert count == len(first_commit) == 20
    assert "made a git repository with a first commit" in said
    # on `main`, the branch the workflows `init` writes run on
    assert git(first_hour.agency, "branch", "--show-current").strip() == "main"
    settings = (first_hour.agency / "almanac.yml").read_text(encoding="utf-8")
    assert "locale: en" in settings and "timezone: Europe/London" in settings
    sample = (first_hour.agency / "content/sample-client/client.yml").read_text(encoding="utf-8")
    assert "locale: en" in sample and "timezone: Europe/London" in sample


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout


def test_new_client_and_post(first_hour: FirstHour) -> None:
    """The new post passed `check --strict` above, so its default time did not trip
    workflow.review-due; it is the start of one of the client's posting windows."""
    assert first_hour.steps["new client"].stdout == "content/boulangerie-martin/client.yml\n"
    client = (first_hour.agency / "content/boulangerie-martin/client.yml").read_text()
    assert "timezone: Europe/Paris" in client and '"@boulangeriemartin"' in client
    path = first_hour.steps["new post"].stdout.strip()
    assert path.startswith("content/boulangerie-martin/posts/")
    text = (first_hour.agency / path).read_text(encoding="utf-8")
    assert re.search(r"publish_at: \d{4}-\d\d-\d\d (07:30|12:00|18:00)\n", text), text


def test_build_says_how_to_view_the_site(first_hour: FirstHour) -> None:
    said = first_hour.steps["build"].stderr
    assert "built " in said and "`almanac serve`" in said
    assert (first_hour.agency / "site" / "index.html").is_file()


def test_report_writes_the_pdf(first_hour: FirstHour) -> None:
    pdfs = list((first_hour.agency / "reports" / "boulangerie-martin").glob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].name in first_hour.steps["report"].stdout


def test_init_inside_a_repository_makes_no_second_one(tmp_path: Path) -> None:
    git(tmp_path, "init", "--quiet")
    done = step(tmp_path, "init", "agency")
    assert "is inside the git repository" in done.stdout and "nothing was committed" in done.stdout
    assert not (tmp_path / "agency" / ".git").exists()
    assert almanac(tmp_path, "init", "other", "--timezone", "Mars/Olympus").returncode == 2


def test_at_a_day_is_its_first_free_window_and_unknown_networks_are_refused(
    tmp_path: Path,
) -> None:
    step(tmp_path, "init", "agency")
    agency = tmp_path / "agency"
    new = ("new", "post", "--client", "sample-client")
    day = ("--at", "2030-12-20", "--platforms", "linkedin")
    first = step(agency, *new, "--title", "Noël", *day).stdout.strip()
    assert "publish_at: 2030-12-20 08:00\n" in (agency / first).read_text(encoding="utf-8")
    # its 08:00-10:00 window is taken now: the next LinkedIn post that day goes at 12:00
    second = step(agency, *new, "--title", "Noël 2", *day).stdout.strip()
    assert "publish_at: 2030-12-20 12:00\n" in (agency / second).read_text(encoding="utf-8")
    refused = almanac(agency, *new, "--title", "Danse", "--platforms", "tiktok")
    assert refused.returncode == 2
    assert (
        "Sample Client has no account on tiktok" in refused.stderr and "--force" in refused.stderr
    )
    forced = almanac(agency, *new, "--title", "Danse", "--platforms", "tiktok", "--force")
    assert forced.returncode == 0 and "warning: Sample Client has no account" in forced.stderr
