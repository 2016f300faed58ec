"""Report charts as deterministic SVG: matplotlib's object API only, never pyplot's state.

Every chart uses the client's colour, and stays readable in grey print: shades of very
different lightness, hatches and markers instead of hue alone, and values written on the marks.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any, Protocol, cast

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import Bbox

from generator.months import Week
from generator.problems import AlmanacError
from generator.report.i18n import Words

WIDTH = 6.7  # inches: the A4 text block
HALF = 3.25
INK = "#222222"
GRID = "#d9d9d9"
MARKERS = ("o", "s", "^", "D", "v", "P")

RC = {
    "svg.hashsalt": "almanac-report",  # stable ids: the same data gives the same bytes
    "svg.fonttype": "none",  # text stays text: WeasyPrint sets it in DejaVu, pdftotext reads it
    "font.family": "DejaVu Sans",
    "font.size": 7.5,
    "axes.titlesize": 9,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.titlepad": 10,
    "axes.edgecolor": "#888888",
    "axes.labelcolor": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": "#555555",
    "ytick.color": "#555555",
    "text.color": INK,
    "hatch.linewidth": 0.6,
    "legend.frameon": False,
}


def mix(colour: str, other: str, share: float) -> str:
    """`colour` moved `share` of the way towards `other` (white to lighten, black to darken)."""
    (r1, g1, b1), (r2, g2, b2) = to_rgb(colour), to_rgb(other)
    return to_hex((r1 + (r2 - r1) * share, g1 + (g2 - g1) * share, b1 + (b2 - b1) * share))


@contextmanager
def chart_style() -> Iterator[None]:
    with matplotlib.rc_context(cast(Any, RC)):
        yield


class ChartError(AlmanacError):
    """A chart would print a label outside its own frame (cut off in the PDF)."""


def text_boxes(figure: Figure) -> list[tuple[str, Bbox]]:
    """The drawn extent of each visible plot (its labels, ticks and annotations included)
    and of each figure-level text, in display pixels."""
    renderer = FigureCanvasAgg(figure).get_renderer()
    found = []
    for ax in figure.axes:
        if ax.get_visible():
            box = ax.get_tightbbox(renderer)
            if box is not None:
                found.append((ax.get_title() or ax.get_ylabel() or "plot", box))
    for text in figure.texts:
        if text.get_visible() and text.get_text().strip():
            found.append((text.get_text(), text.get_window_extent(renderer)))
    return found


def texts_outside(figure: Figure) -> list[str]:
    """The texts that would be cut at the figure's edges."""
    frame = figure.bbox
    return [
        label
        for label, box in text_boxes(figure)
        if box.x0 < frame.x0 - 0.5
        or box.y0 < frame.y0 - 0.5
        or box.x1 > frame.x1 + 0.5
        or box.y1 > frame.y1 + 0.5
    ]


def keep_inside(figure: Figure, pad: float = 2.0) -> None:
    """Move the plot areas' margins until every label is inside the figure (a long axis label
    in English, wide tick labels) instead of letting SVG cut it."""
    for _ in range(3):
        boxes = [box for _, box in text_boxes(figure)]
        if not boxes:
            return
        frame, params = figure.bbox, figure.subplotpars
        left = max(0.0, frame.x0 + pad - min(b.x0 for b in boxes)) / frame.width
        bottom = max(0.0, frame.y0 + pad - min(b.y0 for b in boxes)) / frame.height
        right = max(0.0, max(b.x1 for b in boxes) - frame.x1 + pad) / frame.width
        top = max(0.0, max(b.y1 for b in boxes) - frame.y1 + pad) / frame.height
        if not (left or bottom or right or top):
            return
        new = (params.left + left, params.bottom + bottom, params.right - right, params.top - top)
        if new[0] >= new[2] - 0.1 or new[1] >= new[3] - 0.1:
            return  # no room left: render_svg reports the labels it cannot fit
        figure.subplots_adjust(left=new[0], bottom=new[1], right=new[2], top=new[3])


def render_svg(figure: Figure) -> str:
    """The figure as SVG text, every label inside it, without the date matplotlib would stamp."""
    keep_inside(figure)
    outside = texts_outside(figure)
    if outside:
        raise ChartError(f"chart labels would be cut off: {', '.join(outside)}")
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None}, bbox_inches=None)
    return out.getvalue()


def new_figure(width: float, height: float) -> Figure:
    figure = Figure(figsize=(width, height), dpi=72)
    figure.patch.set_alpha(0)
    return figure


def set_title(
    figure: Figure,
    title: str,
    width: float,
    height: float,
    left: float,
    bottom: float,
    right: float = 0.97,
    gap: float = 0.0,
) -> None:
    """A title over the whole figure, wrapped to its width, and the plot area below it."""
    lines = textwrap.wrap(title, width=int(width * 12.5))
    figure.suptitle(
        "\n".join(lines),
        x=0.02,
        y=1 - 0.06 / height,
        ha="left",
        va="top",
        fontsize=8.5,
        fontweight="bold",
    )
    top = 1 - (0.22 + gap + 0.15 * len(lines)) / height
    figure.subplots_adjust(left=left / width, right=right, top=top, bottom=bottom / height)


def number_axis(axis: object, words: Words) -> None:
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: words.number(v)))  # type: ignore
    axis.set_major_locator(MaxNLocator(nbins=4, integer=True))  # type: ignore


def label_bars(ax: Axes, bars: object, texts: Sequence[str], horizontal: bool = False) -> None:
    for bar, text in zip(bars, texts, strict=True):  # type: ignore[call-overload]
        if horizontal:
            ax.annotate(
                text,
                (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=7,
            )
        else:
            ax.annotate(
                text,
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=7,
            )


def mark_no_data(ax: Axes, x: float, y: float, words: Words) -> None:
    """The words "no data", upwards from (x, y) in small grey type, where data is missing."""
    ax.annotate(
        words.t("c_no_data"),
        (x, y),
        xytext=(0, 3),
        textcoords="offset points",
        rotation=90,
        ha="center",
        va="bottom",
        fontsize=6.5,
        color="#666666",
    )


LABEL_CHARACTERS = 24  # what fits left of a half-width bar chart at 7 pt


def short_label(text: str, limit: int = LABEL_CHARACTERS) -> str:
    """A category name typed by people, cut at a word with an ellipsis so it fits the chart
    (the full name stays in the report's tables)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:-") + "…"


def week_labels(weeks: Sequence[Week], words: Words) -> list[str]:
    """The first day of each week: the month's name once, then day numbers (six labels of
    "16 nov." ran into each other under a half-width chart)."""
    return [
        words.date(w.start, "short") if i == 0 else str(w.start.day) for i, w in enumerate(weeks)
    ]


def gain_series(
    points: tuple[tuple[date, int], ...], gain: int | None, running: bool
) -> tuple[tuple[date, int], ...]:
    """Follower counts as the gain since the month started (counts minus the count before
    the month), so the panel's axis can start at zero without flattening the line."""
    if running or not points or gain is None:
        return points
    baseline = points[-1][1] - gain
    return tuple((d, n - baseline) for d, n in points)


def build_followers(
    series: dict[str, tuple[tuple[date, int], ...]],
    gains: dict[str, int | None],
    colour: str,
    words: Words,
    running: frozenset[str] = frozenset(),
    days: tuple[date, date] | None = None,
) -> str | None:
    """Small multiples: one panel per network with its own scale, gain in the panel title.

    Each panel draws the gain since the start of the month from zero, over the whole month
    (`days`: first and last day) so that days without data show as a gap, not as a fall."""
    shown = {name: points for name, points in series.items() if points}
    if not shown:
        return None
    columns = min(3, len(shown))
    rows = (len(shown) + columns - 1) // columns
    with chart_style():
        height = 0.35 + 1.8 * rows
        figure = new_figure(WIDTH, height)
        axes = figure.subplots(rows, columns, squeeze=False)
        for index, (ax, (name, points)) in enumerate(
            zip(axes.flat, sorted(shown.items()), strict=False)
        ):
            gain = gains.get(name)
            draw_follower_panel(
                ax,
                name,
                gain_series(points, gain, name in running),
                gain,
                colour,
                index,
                words,
                days or (points[0][0], points[-1][0]),
            )
        for ax in list(axes.flat)[len(shown) :]:
            ax.set_visible(False)
        axes[0][0].set_ylabel(words.t("c_followers_gain_y"))
        set_title(figure, words.t("c_followers"), WIDTH, height, left=0.6, bottom=0.3, gap=0.12)
        figure.subplots_adjust(wspace=0.35, hspace=0.7)
        return render_svg(figure)


def with_gaps(points: tuple[tuple[date, int], ...]) -> tuple[list[int], list[float]]:
    """Day numbers and values, with a NaN on each missing day so the line breaks there."""
    known = dict(points)
    first, last = points[0][0], points[-1][0]
    xs, ys = [], []
    for ordinal in range(first.toordinal(), last.toordinal() + 1):
        xs.append(ordinal)
        ys.append(float(known.get(date.fromordinal(ordinal), float("nan"))))
    return xs, ys


def draw_follower_panel(
    ax: Axes,
    name: str,
    points: tuple[tuple[date, int], ...],
    gain: int | None,
    colour: str,
    index: int,
    words: Words,
    days: tuple[date, date],
) -> None:
    xs, ys = with_gaps(points)
    ax.plot(
        xs,
        ys,
        color=colour,
        linewidth=1.6,
        marker=MARKERS[index % len(MARKERS)],
        markevery=max(1, len(xs) // 5),
        markersize=3.5,
    )
    values = [n for _, n in points]
    low, high = min(0, *values), max(0, *values)
    ax.fill_between(xs, ys, 0, color=mix(colour, "#ffffff", 0.85), linewidth=0)
    gain_text = words.signed(gain) if gain is not None else words.t("unknown")
    ax.set_title(f"{words.platform(name)}  {gain_text}", fontsize=8, pad=6)
    last_day = points[-1][0]
    if last_day < days[1]:
        ax.axvspan(last_day.toordinal() + 0.5, days[1].toordinal() + 0.5, color="#f0f0f0", lw=0)
        # upright in the grey band, so it never runs over the line
        mark_no_data(ax, (last_day.toordinal() + 0.5 + days[1].toordinal() + 0.5) / 2, low, words)
    first, last = days[0].toordinal(), days[1].toordinal()
    middle = days[0].toordinal() + (last - first) // 2
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.set_xticks([first, middle, last])
    ax.set_xticklabels([words.date(date.fromordinal(d), "short") for d in (first, middle, last)])
    number_axis(ax.yaxis, words)
    margin = max(1, (high - low) * 0.25)
    ax.set_ylim(low, high + margin)
    ax.grid(axis="y", color=GRID, linewidth=0.5)


class WeekBar(Protocol):
    """A week's value: None without any data, `partial` when some of its days have none."""

    @property
    def value(self) -> int | None: ...

    @property
    def partial(self) -> bool: ...


def build_weekly_bars(
    values: Sequence[WeekBar],
    weeks: Sequence[Week],
    title: str,
    ylabel: str,
    colour: str,
    words: Words,
) -> str | None:
    """Bars per week; a week without data gets no bar but a "no data" mark, a week with
    missing days a hatched lighter bar, so missing days never read as a fall."""
    if not values or not any(v.value for v in values):
        return None
    heights = [v.value or 0 for v in values]
    with chart_style():
        figure = new_figure(HALF, 2.3)
        ax = figure.add_subplot()
        positions = range(len(values))
        bars = ax.bar(
            positions,
            heights,
            color=[mix(colour, "#ffffff", 0.55) if v.partial else colour for v in values],
            width=0.6,
            edgecolor=colour,
        )
        for bar, week in zip(bars, values, strict=True):
            bar.set_hatch("////" if week.partial else None)
        label_bars(
            ax,
            bars,
            [
                "" if v.value is None else words.number(v.value) + ("*" if v.partial else "")
                for v in values
            ],
        )
        for position, week in zip(positions, values, strict=True):
            if week.value is None:  # written upwards: a week's slot is too narrow across
                mark_no_data(ax, position, 0, words)
        ax.set_xticks(list(positions), week_labels(weeks, words))
        ax.set_xlabel(words.t("c_week_x"))
        ax.set_ylabel(ylabel)
        number_axis(ax.yaxis, words)
        ax.set_ylim(0, max(heights) * 1.18)
        ax.grid(axis="y", color=GRID, linewidth=0.5)
        ax.set_axisbelow(True)
        set_title(figure, title, HALF, 2.3, left=0.7, bottom=0.5)
        return render_svg(figure)


def build_engagement(rates: dict[str, float], colour: str, words: Words) -> str | None:
    if not rates:
        return None
    names = sorted(rates, key=lambda n: (rates[n], n))
    with chart_style():
        inches = 1.05 + 0.32 * len(names)
        figure = new_figure(HALF, inches)
        ax = figure.add_subplot()
        bars = ax.barh(range(len(names)), [rates[n] * 100 for n in names], color=colour, height=0.6)
        label_bars(ax, bars, [words.percent(rates[n]) for n in names], horizontal=True)
        ax.set_yticks(range(len(names)), [words.platform(n) for n in names])
        ax.set_xlabel(words.t("c_er_x"))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: words.number(v, 1)))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
        ax.set_xlim(0, max(rates.values()) * 100 * 1.3)
        ax.grid(axis="x", color=GRID, linewidth=0.5)
        ax.set_axisbelow(True)
        set_title(figure, words.t("c_er"), HALF, inches, left=0.75, bottom=0.45, right=0.95)
        return render_svg(figure)


def build_planned(
    planned: Sequence[int],
    published: Sequence[int],
    weeks: Sequence[Week],
    colour: str,
    words: Words,
) -> str | None:
    """Planned posts as hatched outlines beside published posts as solid bars."""
    if not any(planned) and not any(published):
        return None
    with chart_style():
        figure = new_figure(HALF, 2.3)
        ax = figure.add_subplot()
        left = [i - 0.19 for i in range(len(weeks))]
        right = [i + 0.19 for i in range(len(weeks))]
        first = ax.bar(
            left,
            planned,
            width=0.36,
            color="#ffffff",
            edgecolor=colour,
            hatch="////",
            linewidth=0.9,
            label=words.t("planned"),
        )
        second = ax.bar(
            right, published, width=0.36, color=colour, edgecolor=colour, label=words.t("published")
        )
        label_bars(ax, first, [str(v) for v in planned])
        label_bars(ax, second, [str(v) for v in published])
        ax.set_xticks(range(len(weeks)), week_labels(weeks, words))
        ax.set_xlabel(words.t("c_week_x"))
        ax.set_ylabel(words.t("c_posts_y"))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
        ax.set_ylim(0, max([*planned, *published, 1]) * 1.5)
        ax.legend(loc="upper left", ncols=2, fontsize=7, handlelength=1.4)
        ax.grid(axis="y", color=GRID, linewidth=0.5)
        ax.set_axisbelow(True)
        set_title(figure, words.t("c_planned"), HALF, 2.3, left=0.5, bottom=0.5)
        return render_svg(figure)


def build_horizontal(
    items: Sequence[tuple[str, int]],
    title: str,
    xlabel: str,
    colours: Sequence[str],
    hatches: Sequence[str],
    label: Callable[[int], str],
) -> str | None:
    """Horizontal bars, largest on top, each with its value written at its end."""
    if not items or not any(count for _, count in items):
        return None
    ordered = list(reversed(items))
    with chart_style():
        inches = 1.0 + 0.26 * len(ordered)
        figure = new_figure(HALF, inches)
        ax = figure.add_subplot()
        bars = ax.barh(
            range(len(ordered)),
            [c for _, c in ordered],
            height=0.62,
            color=list(reversed(colours)),
            hatch=None,
            edgecolor=[mix(c, "#000000", 0.35) for c in reversed(colours)],
            linewidth=0.6,
        )
        for bar, hatch in zip(bars, reversed(hatches), strict=True):
            bar.set_hatch(hatch or None)
        label_bars(ax, bars, [label(c) for _, c in ordered], horizontal=True)
        ax.set_yticks(range(len(ordered)), [short_label(name) for name, _ in ordered])
        ax.set_xlabel(xlabel)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
        ax.set_xlim(0, max(c for _, c in ordered) * 1.45)
        ax.grid(axis="x", color=GRID, linewidth=0.5)
        ax.set_axisbelow(True)
        set_title(figure, title, HALF, inches, left=1.05, bottom=0.45, right=0.95)
        return render_svg(figure)


def build_mix(mix_counts: Sequence[tuple[str, int]], colour: str, words: Words) -> str | None:
    """Posts per category; the promotional bar is darker and hatched so it stands out in grey."""
    total = sum(c for _, c in mix_counts) or 1
    colours = [
        mix(colour, "#000000", 0.35) if k == "promo" else mix(colour, "#ffffff", 0.35)
        for k, _ in mix_counts
    ]
    hatches = ["xxxx" if k == "promo" else "" for k, _ in mix_counts]
    items = [(words.kind(k), c) for k, c in mix_counts]
    return build_horizontal(
        items,
        words.t("c_mix"),
        words.t("c_mix_x"),
        colours,
        hatches,
        lambda c: f"{c} ({words.percent(c / total)})",
    )


def build_tone(tone: dict[str, int], colour: str, words: Words) -> str | None:
    total = sum(tone.values()) or 1
    order = ("positive", "neutral", "negative")
    colours = [colour, "#bdbdbd", mix(colour, "#000000", 0.6)]
    hatches = ["", "....", "////"]
    items = [(words.status(k), tone.get(k, 0)) for k in order]
    return build_horizontal(
        items,
        words.t("c_tone"),
        words.t("c_tone_x"),
        colours,
        hatches,
        lambda c: f"{c} ({words.percent(c / total)})",
    )
