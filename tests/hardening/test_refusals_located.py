"""Inputs that crashed `check` or were silently accepted: each is now a problem at file:line.

Every case breaks one line of a small valid workspace and expects `check` (run in-process, so
a crash is an exception here) to report it at that file, line and field.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from figures import listed
from small_workspace import (
    CLIENT,
    CLIENT_FILE,
    CONTEST,
    MONTH_FILE,
    POST,
    TODAY,
    check,
    today,
    write_small_workspace,
)

from generator.cli import main
from generator.problems import AlmanacError, Severity
from generator.site_build import BuildOptions, build_site


@dataclass(frozen=True)
class Case:
    """One bad input: which file, what replaces what, and where the problem must be."""

    name: str
    path: str
    old: str
    new: str
    line: int
    field: str
    words: str
    severity: Severity = Severity.ERROR


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


CASES = [
    # crashes (exit 3 before)
    Case("year-1", POST, "2026-11-20 10:00", "0001-01-01 00:30", 3, "publish_at", "year 1"),
    Case("year-9999", POST, "2026-11-20 10:00", "9999-12-31 23:30", 3, "publish_at", "9999"),
    Case(
        "int-5000-digits",
        CONTEST,
        "participants: 10",
        "participants: " + "9" * 5000,
        7,
        "participants",
        "5,000 digits",
    ),
    Case("nested-600", POST, "tags: [nouveau]", "tags: " + deep(600), 7, "tags", "nested"),
    Case(
        "key-with-bracket",
        POST,
        "tags: [nouveau]",
        'tags: [nouveau]\n"a[0]": 1',
        8,
        "a[0]",
        "unknown field",
        Severity.WARNING,
    ),
    Case(
        "bad-url",
        POST,
        "contest: jeu",
        "contest: jeu\npublished:\n  facebook:\n    url: https://www.facebook.c]om/acme/1",
        19,
        "published.facebook.url",
        "not a valid web address",
    ),
    Case(
        "huge-review-lead",
        CLIENT_FILE,
        "review_lead_hours: 24",
        "review_lead_hours: 100000000000000000000",
        10,
        "review_lead_hours",
        "less than",
    ),
    Case(
        "huge-silence",
        CLIENT_FILE,
        "max_silence_days: 10",
        "max_silence_days: 99999999999",
        7,
        "platforms.instagram.cadence.max_silence_days",
        "less than",
    ),
    Case(
        "huge-window",
        CLIENT_FILE,
        "internal: note",
        "rules:\n  mix.promo-share:\n    window_days: 99999999999999\ninternal: note",
        16,
        "rules.mix.promo-share.window_days",
        "at most",
    ),
    Case("budget-1e308", POST, "budget: 50", "budget: 1.0e308", 12, "boost.budget", "less than"),
    # silently accepted before
    Case("budget-inf", POST, "budget: 50", "budget: inf", 12, "boost.budget", "finite"),
    Case(
        "budget-huge-float",
        POST,
        "budget: 50",
        "budget: 1" + "0" * 400 + ".0",
        12,
        "boost.budget",
        "finite",
    ),
    Case(
        "contest-ends-first",
        CONTEST,
        "ends: 2026-11-24",
        "ends: 2026-11-01",
        6,
        "ends",
        "before `starts`",
    ),
    Case(
        "boost-ends-first",
        POST,
        "end: 2026-11-22",
        "end: 2026-11-02",
        15,
        "boost.end",
        "before `start`",
    ),
    Case("currency", POST, "currency: EUR", "currency: EURO", 13, "boost.currency", "ISO 4217"),
    Case(
        "prize-currency",
        CONTEST,
        "value: 40",
        "value: 40\n  currency: ZZZ",
        11,
        "prize.currency",
        "ISO 4217",
    ),
    Case(
        "objective-metric",
        CLIENT_FILE,
        "metric: reach",
        "metric: likes_per_dollar",
        12,
        "objectives[0].metric",
        "not a metric",
    ),
    Case(
        "network-without-account",
        POST,
        "[instagram, facebook]",
        "[instagram, tiktok]",
        4,
        "platforms",
        "no tiktok account",
    ),
    Case(
        "duplicate-network",
        POST,
        "[instagram, facebook]",
        "[instagram, instagram]",
        4,
        "platforms",
        "listed twice",
    ),
    Case(
        "unknown-contest",
        POST,
        "contest: jeu",
        "contest: grand-jeu",
        16,
        "contest",
        "no contest `grand-jeu`",
    ),
    Case("blank-title", POST, "title: Annonce", 'title: "   "', 2, "title", "must not be empty"),
    Case(
        "comment-only-title",
        POST,
        "title: Annonce",
        'title: "<!-- à faire -->"',
        2,
        "title",
        "must not be empty",
    ),
    Case("control-character", POST, "category: promo", "category: pro\x01mo", 6, "", "U+0001"),
    Case(
        "control-character-month", MONTH_FILE, "tone:", "tone:\n  neutral: \x1b1", 4, "", "U+001B"
    ),
    # path tricks in media paths (confined to the client's folder before issue 11 too)
    *[
        Case(
            f"media-{name}",
            POST,
            "file: media/photo.png",
            f"file: {path}",
            9,
            "media[0].file",
            "outside the client folder",
        )
        for name, path in (
            ("dot-dot", "../../../etc/hostname"),
            ("absolute", "/etc/hostname"),
            ("other-client", "media/../../bravo/media/x.png"),
        )
    ],
    # in the caption (the body), where nothing looked before
    Case(
        "control-character-body",
        POST,
        "Bientôt chez vous.",
        "Bientôt\nchez \x07vous.",
        20,
        "",
        "U+0007",
    ),
]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_small_workspace(tmp_path_factory.mktemp("small") / "ws")


def test_the_small_workspace_is_clean(pristine: Path) -> None:
    assert [p for p in check(pristine) if p.severity is Severity.ERROR] == []


def broken(pristine: Path, tmp_path: Path, case: Case) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(pristine, root)
    path = root / case.path
    text = path.read_text(encoding="utf-8")
    assert case.old in text, case.name
    path.write_text(text.replace(case.old, case.new, 1), encoding="utf-8")
    return root


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_input_is_refused_at_its_line(pristine: Path, tmp_path: Path, case: Case) -> None:
    problems = check(broken(pristine, tmp_path, case))
    found = [p for p in problems if p.path == case.path and case.words in p.message]
    assert found, [str(p) for p in problems]
    assert (found[0].line, found[0].field, found[0].severity) == (
        case.line,
        case.field,
        case.severity,
    )
    listed()


def test_a_non_image_used_as_media_is_refused(pristine: Path, tmp_path: Path) -> None:
    root = tmp_path / "ws"
    shutil.copytree(pristine, root)
    (root / "content/acme/media/photo.png").write_bytes(b"%PDF-1.4 not a picture\n" * 20)
    problems = check(root)
    found = [p for p in problems if p.rule == "media.not-image"]
    assert [(p.path, p.line, p.field) for p in found] == [(POST, 9, "media[0].file")]
    listed()


INTERNAL_SHAPES = {
    "list": "internal:\n  - SECRET-PRICE 12k\n  - {plan: SECRET-MERGER}",
    "mapping": "internal:\n  price: SECRET-PRICE 12k\n  plan: [SECRET-MERGER]",
}


@pytest.mark.parametrize("shape", sorted(INTERNAL_SHAPES))
def test_an_internal_list_is_refused_without_quoting_it(
    pristine: Path, tmp_path: Path, shape: str
) -> None:
    """Before: the validation message quoted the value, and problems are shown on sites."""
    case = Case("internal", POST, "internal: à relire", INTERNAL_SHAPES[shape], 17, "internal", "")
    problems = check(broken(pristine, tmp_path, case))
    found = [p for p in problems if p.field == "internal"]
    assert found and found[0].line == 17
    assert not [p for p in problems if "SECRET" in p.message]
    listed()


def test_comments_in_quoted_values_are_not_shown(pristine: Path, tmp_path: Path) -> None:
    case = Case(
        "tags-text", POST, "tags: [nouveau]", 'tags: "promo <!-- SECRET-NOTE -->"', 7, "tags", ""
    )
    problems = check(broken(pristine, tmp_path, case))
    assert [p.field for p in problems if p.line == 7] == ["tags"]
    assert not [p for p in problems if "SECRET" in p.message]
    listed()


@pytest.mark.parametrize("client", [None, "acme"], ids=["team", "client"])
def test_a_broken_client_file_fails_the_build_clearly(
    pristine: Path, tmp_path: Path, client: str | None
) -> None:
    """Before: `build --client` died on a KeyError and the team build dropped the client."""
    case = Case("client-name", CLIENT_FILE, "name: Acme", 'name: ""', 1, "name", "")
    root = broken(pristine, tmp_path, case)
    out = tmp_path / "site"
    with pytest.raises(AlmanacError) as caught:
        build_site(BuildOptions(root=root, today=today(), output=out, client=client))
    assert f"{CLIENT_FILE}:1: name:" in str(caught.value)
    assert not out.exists()
    listed()


def test_every_case_names_a_distinct_input() -> None:
    assert len({c.name for c in CASES}) == len(CASES)


BUILD_AND_REPORT = [c for c in CASES if c.name in ("bad-url", "budget-1e308")]


@pytest.mark.parametrize("case", BUILD_AND_REPORT, ids=lambda c: c.name)
def test_build_and_report_refuse_it_at_its_line_too(
    pristine: Path, tmp_path: Path, case: Case, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the URL crashed build and report; the budget passed check, then `build --reports`
    exited 3. Now the report refuses it at its line and the build shows it on the site."""
    root = broken(pristine, tmp_path, case)
    where = f"{case.path}:{case.line}:"
    site = tmp_path / "site"
    assert main(["-w", str(root), "build", "--today", TODAY, "--reports", "-o", str(site)]) == 0
    assert "internal error" not in capsys.readouterr().err
    shown = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    assert any(case.words in page for page in shown), "the problem is shown on the site"
    args = ["-w", str(root), "report", "--month", "2026-11", "--client", CLIENT]
    assert main([*args, "--today", "2026-12-05", "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert where in err and case.words in err and "internal error" not in err
    assert not (root / "reports").exists() or not list((root / "reports").rglob("*.pdf"))
    listed()
