"""Properties of the import: an export imported whole, in two halves or twice gives the same
metrics; a file that repeats a key is refused, never silently overwritten."""

from __future__ import annotations

import csv
import io
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.metrics.importing import import_exports
from generator.metrics.tables import ImportContext
from generator.problems import AlmanacError

# on a failure hypothesis loads libcst to suggest a patch, which warns on import; as warnings
# are errors here, the falsifying example would be lost in an internal error
pytestmark = pytest.mark.filterwarnings(
    "ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning"
)

START = date(2026, 9, 1)
VIDEOS = ["dQw4w9WgXcQ", "a1B2c3D4e5F", "Zz9_-xY8wV7", "kJ8-pQ2rS4t"]
counts = st.integers(min_value=0, max_value=50_000)

# (day offset, views, subscribers) with distinct days, oldest first
daily = st.lists(
    st.tuples(st.integers(0, 120), counts, st.integers(-50, 500)),
    min_size=2,
    max_size=40,
    unique_by=lambda row: row[0],
).map(sorted)
# per day, the views of some videos (a chart draws at most a few lines)
chart = st.dictionaries(
    st.integers(0, 120),
    st.dictionaries(st.sampled_from(VIDEOS), counts, min_size=1),
    min_size=2,
    max_size=20,
)
videos = st.dictionaries(
    st.sampled_from(VIDEOS),
    st.tuples(counts, st.integers(0, 400_000), counts, st.integers(0, 10_000)),
    min_size=2,
)


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def totals_file(rows: list[tuple[int, int, int]]) -> str:
    body = [[(START + timedelta(d)).isoformat(), str(v), str(s)] for d, v, s in rows]
    return csv_text([["Date", "Views", "Subscribers"], *body])


def chart_file(days: dict[int, dict[str, int]]) -> str:
    body = [
        [(START + timedelta(d)).isoformat(), video, f"Video {video}", str(views)]
        for d in sorted(days)
        for video, views in sorted(days[d].items())
    ]
    return csv_text([["Date", "Content", "Video title", "Views"], *body])


def table_file(found: dict[str, tuple[int, int, int, int]]) -> str:
    header = ["Content", "Video title", "Video publish time", "Views", "Watch time (hours)"]
    header += ["Impressions", "Impressions click-through rate (%)"]
    body = [
        [v, f"Video {v}", "Sep 4, 2026", str(views), f"{seconds / 3600:.4f}", str(shown)]
        + [f"{min(clicks, shown) * 100 / max(shown, 1):.2f}"]
        for v, (views, seconds, shown, clicks) in sorted(found.items())
    ]
    return csv_text([header, *body])


def import_batch(root: Path, number: int, batch: dict[str, str]) -> None:
    """One `almanac import` of the files of a batch, into the client `acme` under root."""
    paths = []
    for name, text in batch.items():
        path = root / f"batch{number}" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    ctx = ImportContext(timezone="Europe/Paris", today=date(2026, 12, 31))
    import_exports(paths, root / "content" / "acme", ctx)


def canonical_files(root: Path) -> dict[str, str]:
    files = (root / "content" / "acme" / "metrics").iterdir()
    return {p.name: without_source(p.read_text(encoding="utf-8")) for p in files}


def imported(batches: list[dict[str, str]]) -> dict[str, str]:
    """The canonical files after importing each batch of files in turn, in a fresh client."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "content" / "acme").mkdir(parents=True)
        for number, batch in enumerate(batches):
            import_batch(Path(tmp), number, batch)
        return canonical_files(Path(tmp))


def without_source(text: str) -> str:
    """The figures of a canonical file; which file gave them differs between the runs."""
    rows = list(csv.reader(io.StringIO(text)))
    drop = rows[0].index("source")
    return csv_text([row[:drop] + row[drop + 1 :] for row in rows])


def halves(rows: list[tuple[int, int, int]], cut: int) -> tuple[str, str]:
    cut = max(1, min(cut, len(rows) - 1))
    return totals_file(rows[:cut]), totals_file(rows[cut:])


@settings(max_examples=10, deadline=None)
@given(rows=daily, cut=st.integers(1, 39), found=videos)
def test_whole_halves_and_twice_give_the_same_metrics(
    rows: list[tuple[int, int, int]], cut: int, found: dict[str, tuple[int, int, int, int]]
) -> None:
    whole = {"Totals.csv": totals_file(rows), "Table data.csv": table_file(found)}
    first, second = halves(rows, cut)
    once = imported([whole])
    assert imported([whole, whole]) == once
    assert (
        imported(
            [{"Totals.csv": first, "Table data.csv": table_file(found)}, {"Totals.csv": second}]
        )
        == once
    )
    assert (
        imported([{"Totals.csv": second}, {"Totals.csv": first}, {"T.csv": table_file(found)}])
        == once
    )


@settings(max_examples=10, deadline=None)
@given(days=chart, rows=daily)
def test_chart_and_totals_in_any_order_and_split_by_day(
    days: dict[int, dict[str, int]], rows: list[tuple[int, int, int]]
) -> None:
    ordered = sorted(days)
    cut = len(ordered) // 2
    early = {d: days[d] for d in ordered[:cut]}
    late = {d: days[d] for d in ordered[cut:]}
    together = imported([{"Chart data.csv": chart_file(days), "Totals.csv": totals_file(rows)}])
    assert (
        imported([{"Totals.csv": totals_file(rows)}, {"Chart data.csv": chart_file(days)}])
        == together
    )
    split = [
        {"a.csv": chart_file(late)},
        {"b.csv": chart_file(early)},
        {"c.csv": totals_file(rows)},
    ]
    assert imported(split) == together
    assert imported([*split, *split]) == together


@settings(max_examples=10, deadline=None)
@given(rows=daily, pick=st.integers(0, 39), other=counts)
def test_a_repeated_day_is_refused_never_overwritten(
    rows: list[tuple[int, int, int]], pick: int, other: int
) -> None:
    day, views, subscribers = rows[pick % len(rows)]
    repeated = [*rows, (day, other, subscribers)]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "content" / "acme").mkdir(parents=True)
        import_batch(root, 0, {"Totals.csv": totals_file(rows)})
        before = canonical_files(root)
        with pytest.raises(AlmanacError) as refused:
            import_batch(root, 1, {"Totals.csv": totals_file(repeated)})
        assert canonical_files(root) == before
    line = rows.index((day, views, subscribers)) + 2
    assert f"rows {line} and {len(repeated) + 1} (youtube," in str(refused.value)
