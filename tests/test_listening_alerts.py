"""Listening alerts in `almanac check`: a negative spike against the weeks before (per-client
threshold), unanswered past the client's response time (evenings, weekends and public holidays
differ), low ratings unanswered; alerts listed first."""

from __future__ import annotations

from pathlib import Path

import pytest
from veille_helpers import CLIENT_YML, make_workspace

from generator.checking import check_workspace, parse_today
from generator.cli import main
from generator.problems import Problem
from generator.rules.listening import ALERT_RULES, alerts_first, is_alert

RESPONSE = """\
response:
  hours: 4
  working_hours: "09:00-18:00"
  evenings_hours: 14
  weekends_hours: 48
  holidays_hours: 72
"""


def write_log(root: Path, month: str, mentions: list[str], extra_client: str = "") -> None:
    client = root / "content" / "fournil"
    (client / "client.yml").write_text(CLIENT_YML + RESPONSE + extra_client, encoding="utf-8")
    folder = client / "mentions"
    folder.mkdir(exist_ok=True)
    body = "".join(f"  - {m}\n" for m in mentions)
    (folder / f"{month}.md").write_text(f"---\nmentions:\n{body}---\n", encoding="utf-8")


def mention(at: str, tone: str = "negative", **more: object) -> str:
    fields = {"at": at, "site": "instagram", "excerpt": "Trop d'attente", "tone": tone, **more}
    return "{" + ", ".join(f"{k}: {v}" for k, v in fields.items()) + "}"


def alerts(root: Path, today: str) -> list[Problem]:
    _ws, problems = check_workspace(root, parse_today(today))
    return [p for p in problems if p.rule in ALERT_RULES]


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def spike_log(ws: Path, extra_client: str = "") -> None:
    answered = {"answered_at": "'2026-11-20 12:00'"}
    before = [mention(f"'2026-10-{day} 10:00'", **answered) for day in ("26", "29")]
    recent = [mention(f"'2026-11-{day} 10:00'", **answered) for day in ("16", "17", "18", "19")]
    write_log(ws, "2026-11", [*before, *recent], extra_client)


def test_negative_spike_against_the_trailing_weeks(ws: Path) -> None:
    spike_log(ws)
    found = alerts(ws, "2026-11-20 12:00")
    assert [p.rule for p in found] == ["mentions.negative-spike"]
    assert found[0].message.startswith(
        "4 negative mentions in the 7 days to 20/11 against 0.5 a week over the 4 weeks before"
    )
    # a week later the spike is over (the 4 are now the trailing weeks)
    assert alerts(ws, "2026-11-28 12:00") == []


def test_spike_threshold_is_the_clients(ws: Path) -> None:
    spike_log(ws, "rules:\n  mentions.negative-spike:\n    min_negative: 5\n")
    assert alerts(ws, "2026-11-20 12:00") == []
    spike_log(ws, "rules:\n  mentions.negative-spike:\n    factor: 10\n")
    assert alerts(ws, "2026-11-20 12:00") == []  # 4 < 10 × 0.5


@pytest.mark.parametrize(
    ("at", "hours", "label"),
    [
        ("2026-11-17 10:00", 4, "a Tuesday morning: working hours"),
        ("2026-11-17 20:30", 14, "a Tuesday evening"),
        ("2026-11-21 10:00", 48, "a Saturday"),
        ("2026-11-11 10:00", 72, "Armistice, a public holiday in France (a Wednesday)"),
    ],
)
def test_unanswered_past_the_response_time_of_when_it_arrived(
    ws: Path, at: str, hours: int, label: str
) -> None:
    from datetime import datetime, timedelta

    write_log(ws, "2026-11", [mention(f"'{at}'")])
    due = datetime.fromisoformat(at) + timedelta(hours=hours)
    # Paris is at +01:00 in November; `--today` without an offset would be UTC
    assert alerts(ws, f"{due - timedelta(minutes=1):%Y-%m-%d %H:%M}+01:00") == [], label
    found = alerts(ws, f"{due + timedelta(minutes=1):%Y-%m-%d %H:%M}+01:00")
    assert [p.rule for p in found] == ["mentions.unanswered"], label
    assert f"the client answers within {hours} h" in found[0].message
    assert found[0].path == "content/fournil/mentions/2026-11.md" and found[0].line == 3


def test_what_calls_for_an_answer(ws: Path) -> None:
    write_log(
        ws,
        "2026-11",
        [
            mention("'2026-11-02 10:00'", tone="positive"),
            mention("'2026-11-02 11:00'", tone="neutral"),
            mention("'2026-11-02 12:00'", tone="neutral", needs_answer="true"),
            mention("'2026-11-02 13:00'", tone="negative", needs_answer="false"),
            mention("'2026-11-02 14:00'", tone="negative", answered="true"),
        ],
    )
    found = alerts(ws, "2026-11-20 12:00")
    assert [(p.rule, p.line) for p in found] == [("mentions.unanswered", 5)]


def test_low_rating_unanswered_and_answered(ws: Path) -> None:
    reviews = [
        mention("'2026-11-19 18:02'", tone="negative", site="google", rating=1),
        mention("'2026-11-19 18:10'", tone="neutral", site="google", rating=3),
        mention(
            "'2026-11-19 18:20'",
            tone="negative",
            site="tripadvisor",
            rating=2,
            answered_at="'2026-11-19 19:00'",
        ),
    ]
    write_log(ws, "2026-11", reviews)
    found = alerts(ws, "2026-11-19 20:00+01:00")  # before any response time is out
    assert [(p.rule, p.field) for p in found] == [
        ("mentions.low-rating-unanswered", "mentions[0].rating")
    ]
    assert found[0].message == "a 1★ review on google from 19/11 18:02 has no answer"
    later = alerts(ws, "2026-11-21 20:00+01:00")  # the 3★ is due too now (14 h in the evening)
    assert sorted(p.rule for p in later) == [
        "mentions.low-rating-unanswered",
        "mentions.unanswered",
        "mentions.unanswered",
    ]


def test_check_lists_the_alerts_first(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spike_log(ws)
    folder = ws / "content" / "fournil" / "posts"
    folder.mkdir()
    (folder / "2026-11-20-a.md").write_text(
        "---\ntitle: A\npublish_at: 2026-11-20 10:00\nplatforms: [instagram]\nstatus: idea\n"
        "category: promo\nunknown_field: 1\n---\nTexte\n",
        encoding="utf-8",
    )
    assert main(["-w", str(ws), "check", "--today", "2026-11-20 12:00"]) == 0
    captured = capsys.readouterr()
    lines = [line for line in captured.out.splitlines() if line.startswith("  line")]
    assert "[mentions.negative-spike]" in lines[0] and len(lines) > 1
    assert "1 listening alert(s) (mentions.*): listed first" in captured.err
    mixed = [Problem("b", 1, "", "x.y", p.severity, "m") for p in alerts(ws, "2026-11-20 12:00")]
    assert alerts_first([*mixed, *alerts(ws, "2026-11-20 12:00")])[0].rule in ALERT_RULES
    assert not is_alert(mixed[0])
