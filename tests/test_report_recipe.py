"""The report recipe: `check`'s validation, one rule of strictness, nothing read past the load.

Reports used to run the schema alone: a post breaking an editorial rule (an uncredited photo)
went into the client's PDF. They now run `check`'s rules too, still blocked only by problems
in the data the month's report reads; `--strict` means what it means for `check` and `build`.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from report_workspace import FR, build_workspace, post, write
from test_strictness import workspace_with_only_information

from generator.checking import check_workspace
from generator.cli import main
from generator.content.loader import load_workspace
from generator.months import Month
from generator.problems import AlmanacError
from generator.report_build import Task, load, refusal, run_task, validate
from generator.site_build import BuildOptions, load_model

OCTOBER = Month(2026, 10)
TODAY = date(2026, 11, 21)
UNCREDITED = "media:\n  - file: media/pain.png\n    alt: Pain\n"  # rights.credit-missing: error
NO_ALT = "media:\n  - file: media/pain.png\n    rights: owned\n"  # platform.alt-missing: warning


def add_post(root: Path, day: str, name: str, media: str) -> str:
    """A published Instagram post of the French client; its workspace-relative path."""
    rel = f"content/{FR}/posts/{day}-{name}.md"
    write(root / rel, post(name, f"{day} 10:00", "instagram", "published", "news", "Texte.", media))
    return rel


def test_a_rule_error_blocks_the_months_that_read_it_and_only_them(tmp_path: Path) -> None:
    root = build_workspace(tmp_path / "ws")
    december = add_post(root, "2026-12-05", "sans-credit", UNCREDITED)
    task = Task(root, FR, (OCTOBER,), TODAY)
    loaded = load(task)
    valid = validate(task, loaded)
    blocked, warnings = refusal(task, valid, OCTOBER)
    assert blocked is None  # December's problem is not in October's report
    assert warnings == [
        f"not in this report: {december}:8: `media/pain.png` has neither `rights` nor "
        "`credit`: say whose it is"
    ]
    october = add_post(root, "2026-10-21", "sans-credit", UNCREDITED)
    (outcome,) = run_task(task)
    assert outcome.error is not None and not outcome.ok
    assert outcome.error.startswith("1 problem(s) in the data this report reads")
    assert f"{october}:8: `media/pain.png` has neither" in outcome.error
    assert not (root / "reports" / FR / "2026-10.pdf").exists()


def test_strict_reports_are_blocked_by_warnings_in_their_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build_workspace(tmp_path / "ws")
    rel = add_post(root, "2026-10-21", "sans-alt", NO_ALT)
    argv = ["-w", str(root), "report", "--client", FR, "--month", "2026-10"]
    assert main([*argv, "--today", "2026-11-21", "--strict"]) == 1
    err = capsys.readouterr().err
    assert "run `almanac check --strict --client boulangerie-test`" in err
    assert f"{rel}:8: `media/pain.png` has no `alt` text" in err
    assert not (root / "reports" / FR / "2026-10.pdf").exists()
    task = Task(root, FR, (OCTOBER,), TODAY)  # without --strict the warning does not block
    assert refusal(task, validate(task, load(task)), OCTOBER) == (None, [])


def test_strict_means_the_same_in_check_build_and_report(tmp_path: Path) -> None:
    """One warning (an unknown folder) and one information: --strict stops all three."""
    root = workspace_with_only_information(tmp_path)
    (root / "content" / "acme" / "notes").mkdir()
    moment = datetime(2026, 11, 21, tzinfo=UTC)
    _, problems = check_workspace(root, moment)
    assert sorted(p.severity.value for p in problems) == ["info", "warning"]
    assert main(["-w", str(root), "check", "--today", "2026-11-21"]) == 0
    assert main(["-w", str(root), "check", "--today", "2026-11-21", "--strict"]) == 1
    load_model(BuildOptions(root=root, today=moment))
    with pytest.raises(AlmanacError, match="--strict: nothing was built"):
        load_model(BuildOptions(root=root, today=moment, strict=True))
    for strict, stopped in ((False, False), (True, True)):
        task = Task(root, "acme", (OCTOBER,), TODAY, strict=strict)
        blocked, _ = refusal(task, validate(task, load(task)), OCTOBER)
        assert (blocked is not None) is stopped, blocked


def test_the_load_records_the_days_of_items_it_could_not_load(tmp_path: Path) -> None:
    """A broken item is not loaded; the load notes which days it names, so that the report's
    blocking decision reads no file."""
    root = build_workspace(tmp_path / "ws")
    broken = root / "content" / FR / "contests" / "concours-noel.md"
    write(broken, "---\ntitle: Noël\nstarts: 2026-12-01 09:00\nends: 2027-01-02 09:00\n---\n")
    ws, problems = load_workspace(root, only_client=FR)
    rel = f"content/{FR}/contests/concours-noel.md"
    assert any(p.path == rel for p in problems.errors())
    assert ws.clients[FR].unloaded == {rel: (date(2026, 12, 1), date(2027, 1, 2))}


REPORT_READS = re.compile(
    r"\bload_(workspace|client|metrics|history|plans)\b|\bsubprocess\b|\brun_git\b|"
    r"\bopen_repo\b|\bexport_workspace\b|read_text\(|generator\.site_"
)


def test_report_sections_read_nothing_and_run_no_git() -> None:
    """The report's modules render what the load stage gave them: no loader, no git, no
    site. (Only report_html and pdf open files: the templates and the client's media,
    through the fetcher that refuses anything outside them.)"""
    folder = Path(__file__).resolve().parent.parent / "generator" / "report"
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(folder.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if REPORT_READS.search(line)
    ]
    assert found == []
