"""Per-client tuning, per-item silencing, limits overrides, output formats, health, reference."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rules_helpers import TODAY, Workspace, line_of, of_rule, rel

from generator.checking import check_workspace, parse_today
from generator.cli import main
from generator.problems import Severity
from generator.rules.health import build_health
from generator.rules.reference import render_reference

LINK_BODY = "Order at https://acme.example/shop today"


def promos(ws: Workspace, count: int) -> Path:
    path = ws.root
    for day in range(23, 23 + count):
        path = ws.post(f"p{day}", publish_at=f"2026-11-{day} 12:30", category="promo")
    return path


def test_client_can_disable_a_rule(tmp_path: Path) -> None:
    ws = Workspace(tmp_path, rules={"platform.instagram-link": {"enabled": False}})
    ws.post("link", body=LINK_BODY)
    assert ws.check() == []


def test_client_threshold_changes_what_trips(tmp_path: Path) -> None:
    ws = Workspace(
        tmp_path, rules={"mix.promo-streak": {"max": 3}, "mix.promo-share": {"enabled": False}}
    )
    promos(ws, 3)
    assert ws.check() == []
    last = promos(ws, 4)
    found = of_rule(ws.check(), "mix.promo-streak")
    assert [p.path for p in found] == [rel(ws, last)]
    assert "at most 3" in found[0].message


def test_client_can_change_a_severity(tmp_path: Path) -> None:
    ws = Workspace(tmp_path, rules={"platform.alt-missing": {"severity": "error"}})
    ws.post("noalt", media=[{"file": "media/p.jpg", "rights": "owned"}])
    assert [p.severity for p in ws.check()] == [Severity.ERROR]


def test_client_hashtag_ceiling_is_stricter_than_the_network(tmp_path: Path) -> None:
    ws = Workspace(tmp_path, rules={"platform.hashtags": {"max": 5}})
    ws.post("tags", hashtags=["a", "b", "c"], body="Bread #d #e #f")
    assert [p.message.split(";")[0] for p in ws.check()] == ["6 hashtags on instagram"]


@pytest.mark.parametrize(
    ("setting", "text"),
    [
        ({"max": "three"}, "max: three"),
        ({"max": 0}, "max: 0"),
        ({"maximum": 3}, "maximum: 3"),
        ({"severity": "fatal"}, "severity: fatal"),
        ({"categories": "promo"}, "categories: promo"),
    ],
)
def test_bad_threshold_is_reported_at_its_line(
    tmp_path: Path, setting: dict[str, object], text: str
) -> None:
    ws = Workspace(tmp_path, rules={"mix.promo-streak": setting})
    promos(ws, 3)
    problems = ws.check()
    bad = of_rule(problems, "rules.bad-option")
    client_yml = ws.client_dir / "client.yml"
    assert [(p.path, p.line, p.severity) for p in bad] == [
        (rel(ws, client_yml), line_of(client_yml, text), Severity.ERROR)
    ]
    assert bad[0].field.startswith("rules.mix.promo-streak.")
    # the rule still runs, with its defaults
    assert len(of_rule(problems, "mix.promo-streak")) == 1


def test_bad_choice_in_a_list_option(tmp_path: Path) -> None:
    ws = Workspace(
        tmp_path, rules={"contest.checklist": {"skip": ["shiping"], "from_status": "someday"}}
    )
    messages = [p.message for p in of_rule(ws.check(), "rules.bad-option")]
    assert len(messages) == 2
    assert any("`shiping` is not one of" in m for m in messages)


def test_unknown_rule_in_client_yml_is_a_warning_with_a_hint(tmp_path: Path) -> None:
    ws = Workspace(tmp_path, rules={"mix.promo-streek": {"max": 3}})
    problems = ws.check()
    client_yml = ws.client_dir / "client.yml"
    assert [(p.rule, p.line, p.severity) for p in problems] == [
        ("rules.unknown-rule", line_of(client_yml, "mix.promo-streek"), Severity.WARNING)
    ]
    assert "did you mean `mix.promo-streak`" in problems[0].message


def test_ignore_with_a_reason_silences_the_rule_for_that_item(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    ws.post("link", body=LINK_BODY, ignore={"platform.instagram-link": "client insists"})
    ws.post("other", body=LINK_BODY, publish_at="2026-11-26 12:30")
    problems = ws.check()
    assert [(p.rule, p.path.rsplit("/", 1)[1]) for p in problems] == [
        ("platform.instagram-link", "other.md")
    ]


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_ignore_without_a_reason_is_an_error_and_silences_nothing(
    tmp_path: Path, reason: str | None
) -> None:
    ws = Workspace(tmp_path)
    path = ws.post("link", body=LINK_BODY, ignore={"platform.instagram-link": reason})
    problems = ws.check()
    assert sorted((p.rule, p.line, p.severity) for p in problems) == sorted(
        [
            ("ignore.no-reason", line_of(path, "platform.instagram-link"), Severity.ERROR),
            ("platform.instagram-link", line_of(path, "Order at"), Severity.WARNING),
        ]
    )


def test_ignore_of_an_unknown_rule_is_a_warning(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    path = ws.post("p", ignore={"platform.instagram-lnk": "typo"})
    assert [(p.rule, p.line, p.severity) for p in ws.check()] == [
        ("ignore.unknown-rule", line_of(path, "instagram-lnk"), Severity.WARNING)
    ]


def test_platform_limits_override_in_almanac_yml(tmp_path: Path) -> None:
    ws = Workspace(
        tmp_path,
        settings={"platform_limits": {"x": {"caption_max": 25000}, "myspace": {"caption_max": 9}}},
    )
    ws.post("long", body="Bread. " * 60, platforms=["x"], media=[])
    problems = ws.check()
    assert [(p.rule, p.path, p.line) for p in problems] == [
        ("limits.unknown-platform", "almanac.yml", line_of(tmp_path / "almanac.yml", "myspace"))
    ]


def test_variant_caption_and_hashtags_are_per_network(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    path = ws.post(
        "v",
        platforms=["instagram", "x"],
        body="Short and sweet.",
        media=[{"file": "media/p.jpg", "alt": "Bread", "rights": "owned"}],
        variants={
            "x": {"caption": "Bread. " * 45},
            "instagram": {"hashtags": [f"t{n}" for n in range(31)]},
        },
    )
    found = {p.rule: p for p in ws.check()}
    assert set(found) == {"platform.caption-too-long", "platform.hashtags"}
    assert found["platform.caption-too-long"].line == line_of(path, "caption: ")
    assert found["platform.caption-too-long"].field == "variants.x.caption"


def run_cli(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str]:
    code = main(["--workspace", str(root), "check", "--today", TODAY, *args])
    return code, capsys.readouterr().out


def test_json_output_carries_the_rule_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = Workspace(tmp_path)
    path = ws.post("link", body=LINK_BODY)
    code, out = run_cli(capsys, tmp_path, "--format", "json")
    assert code == 0  # a warning alone does not fail the check
    assert json.loads(out) == [
        {
            "path": rel(ws, path),
            "line": line_of(path, "Order at"),
            "field": "body",
            "rule": "platform.instagram-link",
            "severity": "warning",
            "message": "`https://acme.example/shop` in the Instagram caption is not clickable: "
            'write "link in bio" instead',
        }
    ]
    code, out = run_cli(capsys, tmp_path, "--format", "github", "--strict")
    assert code == 1
    assert out.startswith(
        f"::error file={rel(ws, path)},line={line_of(path, 'Order at')},"
        "title=platform.instagram-link::"
    )


def test_summary_lists_counts_and_items_at_risk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = Workspace(tmp_path)
    ws.post("soon", publish_at="2026-11-22 10:00", status="in_review", body=LINK_BODY)
    ws.post("far", publish_at="2026-12-20 10:00", body=LINK_BODY)
    ws.post("fine", publish_at="2026-11-24 10:00")
    code, out = run_cli(capsys, tmp_path, "--summary")
    assert code == 1
    summary = out[out.index("Calendar health") :]
    assert "Acme (acme): ERROR - 1 error, 2 warning, 0 info" in summary
    assert "workflow.review-due" in summary
    risk_lines = [line for line in summary.splitlines() if line.startswith("    2026")]
    assert len(risk_lines) == 1
    assert "Soon" in risk_lines[0]
    assert "[platform.instagram-link, workflow.review-due]" in risk_lines[0]


def test_build_health_is_typed_and_per_client(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    ws.post("soon", publish_at="2026-11-22 10:00", status="in_review")
    today = parse_today(TODAY)
    workspace, problems = check_workspace(tmp_path, today)
    health = build_health(workspace, problems, today)["acme"]
    assert health.state == "error"
    assert health.by_rule == {"workflow.review-due": {Severity.ERROR: 1}}
    assert [r.uid for r in health.at_risk] == ["acme/post/soon"]


def test_rules_reference_is_up_to_date(repo_root: Path) -> None:
    """docs/rules.md is regenerated with `almanac rules > docs/rules.md`."""
    page = (repo_root / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == render_reference(), "run: almanac rules > docs/rules.md"


def test_rules_command_prints_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    from generator.rules import RULES

    assert main(["rules"]) == 0
    page = capsys.readouterr().out
    for rule_id, rule in RULES.items():
        assert f"### `{rule_id}`" in page
        assert rule.summary and (rule.doc or not rule.tunable)
    assert main(["rules", "--ids"]) == 0
    assert capsys.readouterr().out.split() == sorted(RULES)
