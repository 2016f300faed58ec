"""Report charts: deterministic SVG, brand colour, titles and labels, no chart without data."""

from __future__ import annotations

import inspect
from datetime import date, timedelta

import matplotlib

from generator.months import Month
from generator.report import charts
from generator.report.figures import WeekValue
from generator.report.i18n import Words

COLOUR = "#8a3b12"
WORDS = Words("fr")
WEEKS = Month(2026, 10).weeks()


def series() -> dict[str, tuple[tuple[date, int], ...]]:
    start = date(2026, 10, 1)
    return {
        "instagram": tuple((start + timedelta(days=n), 1000 + 3 * n) for n in range(31)),
        "facebook": tuple((start + timedelta(days=n), 400 + n) for n in range(31)),
    }


def test_charts_are_deterministic_svg_without_a_date() -> None:
    first = charts.build_followers(series(), {"instagram": 90, "facebook": 30}, COLOUR, WORDS)
    second = charts.build_followers(series(), {"instagram": 90, "facebook": 30}, COLOUR, WORDS)
    assert first is not None and first == second
    assert "<dc:date>" not in first and first.lstrip().startswith("<?xml")
    assert COLOUR in first
    for text in ("Abonnés par réseau", "Instagram", "Facebook", "+90", "Abonnés"):
        assert text in first  # text stays text (svg.fonttype none)


def test_bar_charts_have_titles_units_and_values() -> None:
    svg = charts.build_weekly_bars(
        [WeekValue(v) for v in (4830, 7962, 6969, 8789, 6847)],
        WEEKS,
        "Portée par semaine",
        "Personnes atteintes",
        COLOUR,
        WORDS,
    )
    assert svg is not None
    for text in (
        "Portée par semaine",
        "Personnes atteintes",
        "7\u202f962",
        "1 oct.",
        "Semaines du mois",
    ):
        assert text in svg
    planned = charts.build_planned([2, 3, 4, 3, 0], [2, 3, 4, 1, 0], WEEKS, COLOUR, WORDS)
    assert planned is not None and "Prévues" in planned and "<pattern" in planned  # hatches


def test_grey_print_distinguishes_promo_and_tone_without_colour() -> None:
    mix = charts.build_mix([("promo", 3), ("education", 2)], COLOUR, WORDS)
    tone = charts.build_tone({"positive": 40, "neutral": 10, "negative": 2}, COLOUR, WORDS)
    assert mix is not None and "Promotion" in mix and "<pattern" in mix
    assert tone is not None and tone.count("<pattern") >= 2 and "Négatif" in tone
    assert "Part" not in mix  # the promo share is printed by the template, not the chart


def test_no_data_gives_no_chart() -> None:
    assert charts.build_followers({"instagram": ()}, {}, COLOUR, WORDS) is None
    assert charts.build_weekly_bars([], WEEKS, "t", "y", COLOUR, WORDS) is None
    assert charts.build_weekly_bars([WeekValue(0)] * 2, WEEKS[:2], "t", "y", COLOUR, WORDS) is None
    assert charts.build_engagement({}, COLOUR, WORDS) is None
    assert charts.build_planned([0] * 5, [0] * 5, WEEKS, COLOUR, WORDS) is None
    assert charts.build_mix([], COLOUR, WORDS) is None
    assert charts.build_tone({"positive": 0, "neutral": 0, "negative": 0}, COLOUR, WORDS) is None


def test_charts_leave_the_global_matplotlib_state_alone() -> None:
    before = dict(matplotlib.rcParams)
    charts.build_engagement({"instagram": 0.05}, COLOUR, WORDS)
    assert dict(matplotlib.rcParams) == before
    assert "matplotlib.pyplot" not in inspect.getsource(charts)


def test_labels_are_kept_inside_the_chart() -> None:
    """Issue 12: the English follower chart's "Followers" axis label was cut at the left edge
    (wide tick labels pushed it out); every label is now moved inside, or the chart fails."""
    figure = charts.new_figure(3, 2)
    ax = figure.add_subplot()
    ax.plot([1, 2], [135_000_000, 2])
    ax.set_ylabel("Followers gained")
    figure.subplots_adjust(left=0.05, bottom=0.02)
    assert charts.texts_outside(figure)  # the detector sees a cut label
    charts.keep_inside(figure)
    assert charts.texts_outside(figure) == []
    english = Words("en")
    start, end = date(2026, 10, 1), date(2026, 10, 31)
    big = {"instagram": tuple((start + timedelta(days=n), 13_000 + 18 * n) for n in range(31))}
    for svg in (
        charts.build_followers(big, {"instagram": 558}, COLOUR, english, days=(start, end)),
        charts.build_weekly_bars(
            [WeekValue(1_234_567), WeekValue(None), WeekValue(8_000, True)],
            WEEKS[:3],
            "Impressions per week",
            "Impressions",
            COLOUR,
            english,
        ),
        charts.build_engagement({"linkedin": 0.08, "instagram": 0.062}, COLOUR, english),
    ):
        assert svg is not None  # render_svg raises ChartError for a label it cannot fit


def test_a_long_category_name_is_shortened_not_cut_off() -> None:
    """A category typed as a whole sentence once failed the report (label outside the chart)."""
    long_name = "une catégorie écrite comme une phrase entière par un collègue pressé"
    svg = charts.build_mix([(long_name, 3), ("promo", 1)], "#8c4a2f", WORDS)
    assert svg is not None
    short = charts.short_label(long_name)
    assert short.endswith("…") and len(short) <= 24
    assert charts.short_label("promo") == "promo"
