"""Hostile and damaged imports: a clear message naming the file, the limit and the setting
that raises it; never a traceback, never unbounded memory or time, nothing written."""

from __future__ import annotations

import io
import os
import re
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from figures import listed
from openpyxl import Workbook

from tests.import_helpers import FIXTURES, make_workspace, run_import


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def refused(ws: Path, path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, _, err = run_import(ws, path, "--client", "acme", *args, capsys=capsys)
    assert code == 1, err
    assert "internal error" not in err and "Traceback" not in err
    assert str(path) in err
    assert not (ws / "content" / "acme" / "metrics").exists()
    # a line where the file has lines and the fault is on one (a CSV cell, a row too wide)
    listed(at_line=re.search(rf"{re.escape(str(path))}:[1-9]", err) is not None)
    return err


def workbook_bytes(patch: dict[str, tuple[bytes, bytes]] | None = None) -> bytes:
    """A small LinkedIn-like workbook, with parts of its XML replaced."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Date", "Impressions (total)", "Clicks (total)"])
    sheet.append(["11/02/2026", 12, 3])
    plain = io.BytesIO()
    book.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for info in source.infolist():
            data = source.read(info.filename)
            old, new = (patch or {}).get(info.filename, (b"", b""))
            dest.writestr(info.filename, data.replace(old, new, 1) if old else data)
    return out.getvalue()


def test_utf16_file_with_an_odd_byte_count(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "daily.csv"
    path.write_bytes(b"\xff\xfe" + "Date\tImpressions\n".encode("utf-16-le") + b"x")
    err = refused(ws, path, capsys)
    assert "looks like UTF-16" in err and "cut short" in err


def test_deeply_nested_json(ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "outbox.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    err = refused(ws, path, capsys)
    assert "nests deeper than 64 levels" in err and "import_limits.max_json_depth" in err


def test_csv_cell_over_128_kb(ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tweets.csv"
    path.write_text("Date,impressions\n2026-10-01," + "9" * 200_000 + "\n", encoding="utf-8")
    err = refused(ws, path, capsys)
    assert "line 2 holds a cell longer than 128 KB" in err and "import_limits.max_cell_kb" in err


def test_xlsx_with_xml_entities(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entity = b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><worksheet'
    path = tmp_path / "content.xlsx"
    path.write_bytes(workbook_bytes({"xl/worksheets/sheet1.xml": (b"<worksheet", entity)}))
    err = refused(ws, path, capsys)
    assert "declares a DTD or XML entities" in err


def test_xlsx_zip_bomb_is_refused_before_inflating(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    padding = b"<!-- " + b" " * (8 * 1024 * 1024) + b" --><sheetData>"
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(workbook_bytes({"xl/worksheets/sheet1.xml": (b"<sheetData>", padding)}))
    assert path.stat().st_size < 200_000
    err = refused(ws, path, capsys)
    assert "inflates" in err and "import_limits.max_zip_ratio" in err


def test_xlsx_declaring_a_million_rows_stops_at_the_row_limit(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    far = b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'
    dimension = (b'<dimension ref="A1:C2"/>', b'<dimension ref="A1:XFD1048576"/>')
    path = tmp_path / "content.xlsx"
    path.write_bytes(patched_twice(far, dimension))
    err = refused(ws, path, capsys)
    assert "more than 200000 rows" in err and "import_limits.max_rows" in err


def patched_twice(far: bytes, dimension: tuple[bytes, bytes]) -> bytes:
    """The workbook with a far row added and its declared dimension widened."""
    once = workbook_bytes({"xl/worksheets/sheet1.xml": (b"</sheetData>", far)})
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(once)) as source, zipfile.ZipFile(out, "w") as dest:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(*dimension, 1)
            dest.writestr(info.filename, data)
    return out.getvalue()


def test_limits_are_settings(ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "daily.csv"
    rows = "".join(f"2026-10-{day:02d},{day * 10}\n" for day in range(1, 11))
    path.write_text("Date,Video Views\n" + rows, encoding="utf-8")
    settings = ws / "almanac.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "import_limits:\n  max_rows: 5\n", encoding="utf-8"
    )
    err = refused(ws, path, capsys)
    assert "more than 5 rows" in err and "over the import limit of 5 rows" in err


def test_a_named_pipe_is_refused_not_read(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    err = refused(ws, fifo, capsys)
    assert "not a regular file" in err


def test_cells_are_bounded(ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each cell read is held in memory: a file of many short cells is bounded by its count."""
    path = tmp_path / "daily.csv"
    rows = "".join(f"2026-10-{day:02d},{day * 10},{day}\n" for day in range(1, 11))
    path.write_text("Date,Views,Subscribers\n" + rows, encoding="utf-8")
    settings = ws / "almanac.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "import_limits:\n  max_cells: 20\n", encoding="utf-8"
    )
    err = refused(ws, path, capsys)
    assert "more than 20 cells" in err and "import_limits.max_cells" in err


def with_limits(ws: Path, **limits: int) -> None:
    settings = ws / "almanac.yml"
    lines = "".join(f"  {name}: {value}\n" for name, value in limits.items())
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text + "import_limits:\n" + lines, encoding="utf-8")


def daily_rows(days: int) -> str:
    """A valid X daily export of `days` distinct days (the real file's columns)."""
    lines = (FIXTURES / "x_daily_en.csv").read_text(encoding="utf-8").splitlines()
    header, first = lines[0], lines[1]
    start = date(1990, 1, 1)
    rows = (first.replace("2026-10-01", (start + timedelta(n)).isoformat()) for n in range(days))
    return header + "\n" + "\n".join(rows) + "\n"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: a 200 MB valid export took 2.4 GB of memory. The size is checked first
    (64 MB by default); here the limit is lowered so the file stays small."""
    path = tmp_path / "daily.csv"
    path.write_text(daily_rows(6000), encoding="utf-8")
    assert path.stat().st_size > 1024 * 1024
    with_limits(ws, max_file_mb=1)
    err = refused(ws, path, capsys)
    assert "the file is " in err and "over the import limit of 1 MB" in err
    assert "import_limits.max_file_mb" in err


def test_a_row_wider_than_the_column_limit_is_refused_at_its_line(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "daily.csv"
    text = daily_rows(3).splitlines()
    text[2] += ",1" * 40
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    with_limits(ws, max_columns=50)  # the header has 38
    err = refused(ws, path, capsys)
    assert "daily.csv:3: line 3 has 78 cells" in err and "limit of 50 columns" in err
    assert "import_limits.max_columns" in err


def test_a_zip_download_over_its_total_limit_is_refused_before_inflating(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "download.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as download:
        for part in range(3):
            download.writestr(f"daily-{part}.csv", daily_rows(2000 + part))
    with_limits(ws, max_download_mb=1)
    err = refused(ws, path, capsys)
    assert "over the import limit of 1 MB" in err and "import_limits.max_download_mb" in err
