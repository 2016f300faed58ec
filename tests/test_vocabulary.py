"""One vocabulary: every word the site and the reports show, one column per language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.checking import parse_today
from generator.report.i18n import Words
from generator.rules.engine import RULES
from generator.schema.common import Locale
from generator.site_build import BuildOptions, calendar_folder, load_model, render_project
from generator.vocabulary import LOCALES, WORDS, problem_sentence, word

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
FIXTURE = Path(__file__).parent / "fixtures" / "site_ws"


def test_every_row_has_a_non_empty_word_per_language() -> None:
    assert set(LOCALES) == {locale.value for locale in Locale}
    for key, row in WORDS.items():
        assert len(row) == len(LOCALES), key
        assert all(text.strip() for text in row), key


def test_no_other_module_holds_a_translation() -> None:
    """A French phrase of the table written anywhere else is a second, drifting vocabulary."""
    french = {row[LOCALES.index("fr")] for row in WORDS.values()}
    phrases = {text for text in french if len(text) > 14 and "{" not in text}
    for path in GENERATOR.rglob("*.py"):
        if path.name == "vocabulary.py":
            continue
        source = path.read_text(encoding="utf-8")
        assert not [p for p in phrases if p in source], path


def test_site_and_report_say_the_same_word() -> None:
    for locale in LOCALES:
        words = Words(locale)
        assert word("kind.contest", locale) == words.kind("contest")
        assert word("kind.curated", locale) == words.kind("curated")
        assert word("status.approved", locale) == words.status("approved")


def test_every_rule_has_a_sentence_in_each_language() -> None:
    for rule_id in RULES:
        assert f"problem.{rule_id}" in WORDS, rule_id
    assert problem_sentence("no.such-rule", "fr") == word("problem", "fr")


def test_unknown_language_is_refused_by_reports_and_read_in_english_by_sites() -> None:
    with pytest.raises(ValueError, match="fr or en"):
        Words("de")
    assert word("today", "de") == "Today"


@pytest.fixture(scope="module")
def french_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("vocabulary") / "ws"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(GENERATOR.parent / "calendar", root / "calendar")
    options = BuildOptions(root=root, today=parse_today("2026-11-21"))
    model, _ = load_model(options)
    project = render_project(model, options, calendar_folder(root))
    return {page.path: page.body for page in project.pages}


def test_contest_facts_are_in_the_sites_language(french_pages: dict[str, str]) -> None:
    page = french_pages["pain-doux/items/concours-noel"]
    assert "<dt>Partenaires</dt>" in page and "<dt>Participants</dt>" in page
    assert "Partners" not in page and "Entries" not in page


def test_site_problems_carry_a_sentence_in_the_sites_language(
    french_pages: dict[str, str],
) -> None:
    page = french_pages["pain-doux/index"]
    assert '<span class="al-problem-what">' in page
    assert "Erreurs\u00a0: " in french_pages["index"]
