"""Issue 12 property: importing a real download whole, or each file in two halves, or twice,
gives the same metrics; a file whose rows repeat a key is refused, never last-row-wins.

The download is Northwind Outdoor's example exports (Instagram, X, TikTok with its audience
files, LinkedIn workbooks, an Ads Manager workbook). Hypothesis draws where each CSV is cut
and which half comes first, and which row of which file is repeated.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.import_helpers import REPO_ROOT, run_import

# as in tests/hardening/test_import_properties.py: hypothesis's patch suggestion warns on import
pytestmark = pytest.mark.filterwarnings(
    "ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning"
)

SLUG = "northwind-outdoor"
EXPORTS = REPO_ROOT / "content" / SLUG / "exports"
# lines above the first row of figures (a title line, the header)
LEAD = {"Instagram_insights": 2}
# an Ads Manager report is a whole report: its rows of one post add up, so it is not cut
CUT = sorted(p.name for p in EXPORTS.glob("*.csv"))
WHOLE = sorted(p.name for p in EXPORTS.iterdir() if p.name not in CUT)


def encoding_of(name: str) -> str:
    return "utf-16" if name.startswith("Instagram_insights") else "utf-8-sig"


def lead_of(name: str) -> int:
    return next((n for prefix, n in LEAD.items() if name.startswith(prefix)), 1)


def lines_of(name: str) -> list[str]:
    return (EXPORTS / name).read_bytes().decode(encoding_of(name)).splitlines()


def write_lines(folder: Path, name: str, lines: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding_of(name)))
    return path


def workspace(root: Path) -> Path:
    """The example's settings and this client's plan, without its metrics."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO_ROOT / "almanac.yml", root / "almanac.yml")
    shutil.copytree(
        REPO_ROOT / "content" / SLUG,
        root / "content" / SLUG,
        ignore=shutil.ignore_patterns("metrics", "exports"),
    )
    return root


def figures(root: Path) -> dict[str, list[tuple[str, ...]]]:
    """Every canonical file's rows without the `source` column (the file names differ)."""
    found = {}
    for path in sorted((root / "content" / SLUG / "metrics").iterdir()):
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        found[path.name] = sorted(tuple(v for k, v in r.items() if k != "source") for r in rows)
    return found


def imported(root: Path, *batches: list[Path]) -> dict[str, list[tuple[str, ...]]]:
    for batch in batches:
        assert run_import(root, *batch, "--client", SLUG)[0] == 0, batch
    return figures(root)


_WHOLE: dict[str, list[tuple[str, ...]]] = {}


def whole_figures() -> dict[str, list[tuple[str, ...]]]:
    """The metrics of the download imported at once (computed once)."""
    if not _WHOLE:
        with tempfile.TemporaryDirectory() as tmp:
            root = workspace(Path(tmp))
            _WHOLE.update(imported(root, sorted(EXPORTS.iterdir())))
    return _WHOLE


def test_importing_twice_changes_nothing(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    files = sorted(EXPORTS.iterdir())
    assert run_import(root, *files, "--client", SLUG)[0] == 0
    folder = root / "content" / SLUG / "metrics"
    first = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert run_import(root, *files, "--client", SLUG)[0] == 0
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == first
    assert figures(root) == whole_figures()


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cuts=st.lists(st.floats(0, 1), min_size=len(CUT), max_size=len(CUT)),
    second_first=st.booleans(),
)
def test_each_file_in_two_halves_gives_the_same_metrics(
    cuts: list[float], second_first: bool
) -> None:
    """Each CSV cut in two at a drawn row (its title and header kept in both halves), the
    halves imported in two runs, in either order."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        first: list[Path] = [EXPORTS / name for name in WHOLE]
        second: list[Path] = []
        for name, cut in zip(CUT, cuts, strict=True):
            lines = lines_of(name)
            head, rows = lines[: lead_of(name)], lines[lead_of(name) :]
            at = round(cut * len(rows))
            first.append(write_lines(base / "a", name, head + rows[:at]))
            second.append(write_lines(base / "b", name, head + rows[at:]))
        batches = [second, first] if second_first else [first, second]
        assert imported(workspace(base / "ws"), *batches) == whole_figures()


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_repeated_row_is_refused_and_nothing_is_written(data: st.DataObject) -> None:
    """A row of figures written twice (as a careless copy-paste or a broken export would):
    the import stops with the file named, and the metrics are not written."""
    name = data.draw(st.sampled_from(CUT), label="file")
    lines = lines_of(name)
    rows = range(lead_of(name), len(lines))
    index = data.draw(st.sampled_from(rows), label="row")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        path = write_lines(base / "in", name, [*lines[: index + 1], *lines[index:]])
        root = workspace(base / "ws")
        code = run_import(root, path, "--client", SLUG)[0]
        assert code != 0, (name, lines[index])
        assert not (root / "content" / SLUG / "metrics").exists()
