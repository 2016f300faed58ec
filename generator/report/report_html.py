"""Report HTML: the typed report and its charts through Jinja2 templates (overridable)."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import matplotlib
from fontTools.ttLib import TTFont
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup
from matplotlib.colors import to_rgb
from PIL import Image

from generator.content.model import ClientData, Workspace
from generator.months import Month, parse_month
from generator.report import charts
from generator.report.figures import KeyFigure, ObjectiveResult
from generator.report.i18n import Words
from generator.report.measures import definitions
from generator.report.pdf import ReportError, RestrictedFetcher, pdf_created
from generator.report.report_model import Report, build_report
from generator.sanitise import markdown_to_html

TEMPLATES = Path(__file__).parent / "templates"
OVERRIDES = Path("reports") / "templates"
MAIN_TEMPLATE = "report.html.j2"
TOC = (
    "h_numbers",
    "h_audience",
    "h_publishing",
    "h_top",
    "h_contests",
    "h_curated",
    "h_ads",
    "h_partnerships",  # only when the month has partnerships
    "h_community",
    "h_plan",
)
ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "code",
}


@cache
def printable_characters() -> frozenset[int]:
    """Characters DejaVu Sans can draw (matplotlib ships the same font file we print with)."""
    font = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    with TTFont(font, lazy=True) as parsed:
        return frozenset(parsed["cmap"].getBestCmap())


def drop_unprintable(value: Any) -> Any:
    """Leave out what no report font can draw (most emoji), instead of printing empty boxes."""
    if not isinstance(value, str):
        return value
    known = printable_characters()
    if all(ord(char) in known or char in "\n\r\t" for char in value):
        return value
    kept = "".join(char for char in value if ord(char) in known or char in "\n\r\t")
    return Markup(kept) if isinstance(value, Markup) else kept


def template_roots(root: Path) -> list[Path]:
    """Folders templates (and their assets) come from: the workspace's overrides first."""
    override = root / OVERRIDES
    return [override, TEMPLATES] if override.is_dir() else [TEMPLATES]


def build_environment(root: Path) -> Environment:
    loaders = [FileSystemLoader(str(folder)) for folder in template_roots(root)[:-1]]
    return Environment(
        loader=ChoiceLoader([*loaders, PackageLoader("generator.report", "templates")]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=drop_unprintable,
    )


def svg_uri(svg: str | None) -> str | None:
    if svg is None:
        return None
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def render_markdown(text: str) -> Markup:
    """People's Markdown as sanitised HTML: no images, no raw HTML beyond a few tags."""
    return Markup(markdown_to_html(text, ALLOWED_TAGS, {"a": {"href"}}))


def build_charts(report: Report, words: Words) -> dict[str, str | None]:
    colour = report.colour
    figures = report.figures
    weeks = report.month.weeks()
    title = "c_reach_week" if report.audience_name == "reach" else "c_impressions_week"
    ylabel = "c_reach_y" if report.audience_name == "reach" else "c_impressions_y"
    rates = {
        n.platform: n.engagement_rate for n in figures.networks if n.engagement_rate is not None
    }
    svgs = {
        "followers": charts.build_followers(
            {n.platform: n.series for n in figures.networks},
            {n.platform: n.followers_gained for n in figures.networks},
            colour,
            words,
            frozenset(n.platform for n in figures.networks if n.series_is_gain),
            (report.month.first, report.month.last),
        ),
        "audience": charts.build_weekly_bars(
            report.audience_weeks, weeks, words.t(title), words.t(ylabel), colour, words
        ),
        "engagement": charts.build_engagement(rates, colour, words),
        "planned": charts.build_planned(
            report.planned_weeks, report.published_weeks, weeks, colour, words
        ),
        "mix": charts.build_mix(report.content_mix, colour, words),
        "tone": charts.build_tone(report.community.tone, colour, words)
        if report.community
        else None,
    }
    return {name: svg_uri(svg) for name, svg in svgs.items()}


@dataclass(frozen=True)
class Formats:
    """How the figures of "the month in numbers" are written."""

    words: Words

    def value(self, figure: KeyFigure) -> str:
        return self.amount(figure.value, figure.is_ratio)

    def previous(self, figure: KeyFigure) -> str:
        return self.amount(figure.previous, figure.is_ratio)

    def target(self, figure: KeyFigure) -> str:
        return self.amount(figure.target, figure.is_ratio) if figure.target is not None else "—"

    def change(self, figure: KeyFigure) -> str:
        if figure.is_ratio:
            return self.words.signed(figure.change, "pt")
        return self.words.change_percent(figure.change)

    def objective(self, objective: ObjectiveResult, amount: float | None) -> str:
        return self.amount(amount, objective.is_ratio)

    def amount(self, amount: float | None, ratio: bool) -> str:
        return self.words.percent(amount) if ratio else self.words.number(amount)


def luminance(colour: str) -> float:
    red, green, blue = to_rgb(colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def inline_uri(fetcher: RestrictedFetcher, path: Path) -> str:
    """A file as a data: URL, read through the fetcher that refuses files outside its roots.

    WeasyPrint names each image in the PDF after the md5 of its URL: a file:// URL would put
    the checkout's folder into the PDF bytes, a data: URL only the image itself."""
    try:
        response = fetcher.fetch(path.absolute().as_uri())
    except PermissionError as exc:
        reason = fetcher.refused[-1] if fetcher.refused else str(exc)
        raise ReportError(f"cannot load {reason}") from None
    content = response.read()
    check_image(path, content, response.content_type)
    data = base64.b64encode(content).decode("ascii")
    return f"data:{response.content_type};base64,{data}"


def check_image(path: Path, content: bytes, content_type: str) -> None:
    """Fail on an image that cannot be decoded, naming the file: once inlined, WeasyPrint's
    own message would only show the data: URL."""
    if not content_type.startswith("image/") or content_type == "image/svg+xml":
        return
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
    except Exception as exc:  # Pillow raises many types for a broken file
        raise ReportError(f"cannot read the image {path}: {exc}") from None


def media_resolver(client: ClientData, inline: bool = True) -> Any:
    """data: URLs of the client's media (file URLs only for a caller that asks for them)."""
    fetcher = RestrictedFetcher([client.folder])

    def resolve(path: Path) -> str:
        return inline_uri(fetcher, path) if inline else path.absolute().as_uri()

    return resolve


def asset_resolver(root: Path) -> Any:
    """A file beside the templates (a workspace override first), e.g. a stamp, as a data: URL."""
    roots = template_roots(root)
    fetcher = RestrictedFetcher(roots)

    def asset(name: str) -> str:
        for folder in roots:
            path = folder / name
            if path.is_file():
                return inline_uri(fetcher, path)
        raise ReportError(
            f"no template asset `{name}` in {root / OVERRIDES} or Almanac's templates"
        )

    return asset


def coverage_texts(report: Report, words: Words) -> dict[str, str | None]:
    """What the report says about missing days: on the cover, beside the comparisons and
    under the weekly chart (None everywhere for a complete month)."""
    coverage = report.coverage
    until = report.until
    if coverage is None or until is None:
        return {
            "coverage_note": None,
            "vs_label": words.t("vs_previous"),
            "previous_label": words.t("previous_month"),
            "previous_span": None,
            "partial_week_note": None,
        }
    networks = ", ".join(words.platform(p) for p in coverage.incomplete)
    before = report.month.previous()
    days = (
        sorted({d for ds in report.previous.coverage.days.values() for d in ds})
        if (report.previous.coverage)
        else []
    )
    span = words.day_span(days[0], days[-1]) if days else words.month(before.first)
    partial = any(week.partial for week in report.audience_weeks)
    return {
        "coverage_note": words.t(
            "partial_month",
            networks=networks,
            spans=", ".join(
                words.t("on_day", date=words.date(a))
                if a == b
                else words.t("for_span", span=words.span(a, b))
                for a, b in coverage.missing_spans()
            ),
        ),
        "vs_label": words.t("vs_days", span=span),
        "previous_label": words.t("previous_month"),
        "previous_span": span,
        "partial_week_note": words.t("c_partial_week") if partial else None,
    }


def short_weeks_note(report: Report, words: Words) -> str | None:
    """Under the weekly chart: the first and last weeks when the month cuts them, with the
    days they count (a one-day "week" of 1,059 beside weeks of 6,602 looked like a fall)."""
    if not report.audience_weeks:
        return None
    weeks = report.month.weeks()
    short = []
    for week in dict.fromkeys((weeks[0], weeks[-1])):
        days = (week.end - week.start).days + 1
        if days < 7:
            count = words.t("days_one" if days == 1 else "days_many", n=days)
            short.append(f"{words.date(week.start, 'short')} ({count})")
    return words.t("c_short_weeks", weeks=", ".join(short)) if short else None


def build_context(report: Report, root: Path, inline: bool) -> dict[str, Any]:
    words = Words(report.client.locale)
    formats = Formats(words)
    colour = report.colour
    media = media_resolver(report.client, inline)
    boosts = report.boosts
    return {
        "r": report,
        "w": words,
        "definitions": definitions(words.locale, partnerships=bool(report.partnerships)),
        "rate_networks": lambda names: ", ".join(words.platform(n) for n in names),
        **coverage_texts(report, words),
        "short_weeks_note": short_weeks_note(report, words),
        "charts": build_charts(report, words),
        "toc": [key for key in TOC if key != "h_partnerships" or report.partnerships],
        "month_label": words.month(report.month.first),
        "next_label": words.month(report.month.next().first),
        "created": pdf_created(),
        "media": media,
        "asset": asset_resolver(root),
        "logo_src": media(report.logo) if report.logo else None,
        "body_html": render_markdown(report.community.body) if report.community else "",
        "value": formats.value,
        "previous": formats.previous,
        "change": formats.change,
        "target": formats.target,
        "objective_value": formats.objective,
        "ad_totals": {
            "budget": sum(b.budget for b in boosts),
            "spend": sum(b.spend for b in boosts if b.spend is not None),
            "impressions": sum(b.impressions or 0 for b in boosts),
            "clicks": sum(b.clicks or 0 for b in boosts),
        }
        if len(boosts) > 1
        else None,
        "colour": colour,
        "tint": charts.mix(colour, "#ffffff", 0.9),
        "dark": charts.mix(colour, "#000000", 0.35),
        "on_colour": "#ffffff" if luminance(colour) < 0.55 else "#111111",
    }


def render_html(report: Report, root: Path, inline_media: bool = True) -> str:
    """The report as one HTML document (CSS inside, charts, images and assets as data: URLs,
    so that nothing of the folder it was rendered in reaches the PDF)."""
    template = build_environment(root).get_template(MAIN_TEMPLATE)
    return template.render(build_context(report, root, inline_media))


def render_report_html(
    ws: Workspace, client: str | ClientData, month: str | Month, inline_media: bool = True
) -> str:
    """A client's report as a self-contained HTML page (for the team site's review pages), on
    the metrics the load stage read with the workspace (loaded with `metrics=True`)."""
    data = ws.clients[client] if isinstance(client, str) else client
    when = parse_month(month) if isinstance(month, str) else month
    if data.metrics is None:  # the load stage reads metrics; a renderer never does
        raise ValueError(f"the client {data.slug} was loaded without its metrics")
    report = build_report(data, ws.settings.name, data.metrics, when)
    return render_html(report, ws.root, inline_media)
