"""The GitHub Actions workflows: valid YAML, real commands, and their steps run locally."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from history_helpers import GitRepo

from generator.cli import build_parser, discover_commands, main

REPO = Path(__file__).resolve().parent.parent
REPO_FLOWS = REPO / ".github" / "workflows"
TEMPLATE_FLOWS = REPO / "generator" / "templates" / "workspace" / ".github" / "workflows"
NAMES = ["monthly-reports.yml", "publish.yml", "pull-request.yml"]
PLACEHOLDERS = {
    "$BASE_REF": "main",
    "$MONTH": "2026-10",
    "$SHARD": "1/2",
    "$GITHUB_STEP_SUMMARY": "summary.md",
}


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(flow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in flow["jobs"].values() for step in job.get("steps", [])]


def almanac_calls(script: str) -> list[list[str]]:
    """Every `almanac ...` command line in a shell script, up to a redirection or pipe."""
    calls = []
    for line in script.splitlines():
        if not re.match(r"^\s*almanac\s", line):
            continue
        words = []
        for word in shlex.split(line)[1:]:
            if word in (">", ">>", "|", "&&", ";", "||"):
                break
            words.append(PLACEHOLDERS.get(word, word.replace("origin/$BASE_REF", "origin/main")))
        calls.append(words)
    return calls


def test_workflows_exist_and_templates_match() -> None:
    assert sorted(p.name for p in REPO_FLOWS.glob("*.yml")) == NAMES
    assert sorted(p.name for p in TEMPLATE_FLOWS.glob("*.yml")) == NAMES
    for name in NAMES:
        mine = (REPO_FLOWS / name).read_text(encoding="utf-8").splitlines()
        theirs = (TEMPLATE_FLOWS / name).read_text(encoding="utf-8").splitlines()
        differ = [(a, b) for a, b in zip(mine, theirs, strict=True) if a != b]
        assert differ == [
            (
                '  ALMANAC_PACKAGE: "."',
                '  ALMANAC_PACKAGE: "almanac @ git+https://github.com/maree-haute/almanac@main"',
            )
        ]


@pytest.mark.parametrize("name", NAMES)
def test_every_almanac_call_names_a_command_and_parses(name: str) -> None:
    flow = load(REPO_FLOWS / name)
    calls = [call for step in steps(flow) for call in almanac_calls(step.get("run", ""))]
    assert calls
    known = {module.NAME for module in discover_commands()}
    parser = build_parser()
    for call in calls:
        assert call[0] in known, f"{name}: `almanac {call[0]}` is not a command"
        args = parser.parse_args(call)
        assert args.command == call[0]


@pytest.mark.parametrize("name", NAMES)
def test_full_history_and_a_shallow_guard_before_almanac(name: str) -> None:
    flow = load(REPO_FLOWS / name)
    assert flow.get("on", flow.get(True))  # PyYAML reads the key `on` as True
    all_steps = steps(flow)
    checkout = next(s for s in all_steps if str(s.get("uses", "")).startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    guard = next(
        i for i, s in enumerate(all_steps) if "--is-shallow-repository" in s.get("run", "")
    )
    first = next(i for i, s in enumerate(all_steps) if almanac_calls(s.get("run", "")))
    assert guard < first


def test_what_each_workflow_does() -> None:
    review = "\n".join(s.get("run", "") for s in steps(load(REPO_FLOWS / "pull-request.yml")))
    assert "almanac check --format github" in review
    assert (
        'almanac diff "origin/$BASE_REF" HEAD --format github >> "$GITHUB_STEP_SUMMARY"' in review
    )
    publish = [s.get("uses", "") for s in steps(load(REPO_FLOWS / "publish.yml"))]
    assert "actions/upload-pages-artifact@v3" in publish and "actions/deploy-pages@v4" in publish
    monthly = load(REPO_FLOWS / "monthly-reports.yml")
    assert monthly[True]["schedule"] == [{"cron": "0 6 1-7 * *"}]


def run_step(
    step: dict[str, Any], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """Run one `run:` step the way GitHub does (bash -e -o pipefail), with its env."""
    step_env = {
        k: str(v)
        .replace("${{ github.base_ref }}", "main")
        .replace("${{ github.event_name }}", "schedule")
        .replace("${{ inputs.month }}", "")
        .replace("${{ steps.when.outputs.month }}", "2026-10")
        for k, v in step.get("env", {}).items()
    }
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=cwd,
        env={**os.environ, **env, **step_env},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("today", "go", "month"),
    [
        ("2026-11-02", "true", "2026-10"),  # Monday; the 1st is a Sunday
        ("2026-11-01", "false", "2026-10"),
        ("2026-05-01", "false", "2026-04"),  # Friday, but a public holiday
        ("2026-05-04", "true", "2026-04"),
        ("2027-01-04", "true", "2026-12"),
        ("2026-12-01", "true", "2026-11"),
        ("2026-12-02", "false", "2026-11"),
    ],
)
def test_first_working_day_step(tmp_path: Path, today: str, go: str, month: str) -> None:
    step = next(s for s in steps(load(REPO_FLOWS / "monthly-reports.yml")) if s.get("id") == "when")
    output = tmp_path / "output"
    result = run_step(step, tmp_path, {"GITHUB_OUTPUT": str(output), "ALMANAC_TODAY": today})
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8").split() == [f"go={go}", f"month={month}"]


def test_shallow_guard_fails_with_a_clear_message(tmp_path: Path) -> None:
    origin = GitRepo(tmp_path / "origin")
    origin.write("a.txt", "1\n")
    origin.commit("one")
    origin.write("a.txt", "2\n")
    origin.commit("two")
    clone = tmp_path / "clone"
    origin.git("clone", "-q", "--depth", "1", f"file://{origin.root}", str(clone))
    for name in NAMES:
        guard = next(
            s
            for s in steps(load(REPO_FLOWS / name))
            if "--is-shallow-repository" in s.get("run", "")
        )
        result = run_step(guard, clone, {})
        assert result.returncode == 1
        assert "fetch-depth: 0" in result.stdout
        assert run_step(guard, origin.root, {}).returncode == 0


def test_pull_request_steps_run_locally(tmp_path: Path) -> None:
    """A workspace from `almanac init`, pushed to main, and a PR branch: run the PR job."""
    main_repo = tmp_path / "origin"
    assert main(["init", str(main_repo), "--name", "Agence Test"]) == 0
    origin = GitRepo(main_repo)  # `almanac init` made the repository and its first commit
    assert origin.git("log", "--format=%s").strip() == "Start the workspace with almanac init"
    clone = tmp_path / "checkout"
    origin.git("clone", "-q", f"file://{main_repo}", str(clone))
    pr = GitRepo(clone)
    pr.git("checkout", "-q", "-b", "new-posts")
    post = next((clone / "content" / "sample-client" / "posts").glob("*.md"))
    text = post.read_text(encoding="utf-8")
    pr.write(
        f"content/sample-client/posts/{post.stem}-again.md",
        text.replace("12:30", "19:00").replace("Welcome", "Welcome again"),
    )
    pr.write(post.relative_to(clone).as_posix(), text.replace("caption here", "real caption"))
    pr.commit("Two posts")
    flow = load(clone / ".github" / "workflows" / "pull-request.yml")
    summary = tmp_path / "summary.md"
    env = {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(tmp_path / "out")}
    known = {module.NAME for module in discover_commands()}
    ran = []
    for step in steps(flow):
        calls = almanac_calls(step.get("run", ""))
        if "run" not in step or "pip install" in step["run"]:
            continue  # the package under test is already installed
        if any(call[0] not in known for call in calls):
            continue  # reported by test_every_almanac_call_names_a_command_and_parses
        result = run_step(step, clone, env)
        allowed = {0, 1} if step.get("continue-on-error") else {0}
        assert result.returncode in allowed, (step["name"], result.stdout, result.stderr)
        ran.append(step["name"])
    assert "Check the calendar (annotations on the changed files)" in ran
    assert "Summarise the calendar changes" in ran
    if "build" in known:
        assert "Build the preview site" in ran
        assert (clone / "site" / "index.html").is_file()
    text = summary.read_text(encoding="utf-8")
    assert "<!-- almanac-diff -->" in text and "**1 added" in text
    assert "~~here.~~ **real caption here.**" in text or "caption edit" in text
    assert "### Approvals" in text


def test_monthly_reports_render_in_shards_over_a_matrix() -> None:
    """The CI recipe for many clients: N machines, each `almanac report --shard K/N`."""
    jobs = load(REPO_FLOWS / "monthly-reports.yml")["jobs"]
    reports = jobs["reports"]
    assert reports["strategy"]["matrix"]["shard"] == [1, 2]
    render = next(s for s in reports["steps"] if "almanac report" in s.get("run", ""))
    assert '--shard "$SHARD"' in render["run"]
    assert render["env"]["SHARD"] == "${{ matrix.shard }}/${{ strategy.job-total }}"
    assert jobs["commit"]["needs"] == ["plan", "reports"]
