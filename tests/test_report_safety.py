"""The report's URL fetcher and failure handling: nothing outside the client, nothing missing."""

from __future__ import annotations

import base64
import io
import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from report_workspace import EN, FR, build_workspace, write_image

from generator.months import Month
from generator.report.pdf import ReportError, render_pdf
from generator.report_build import Task, run_batch


def pixel() -> str:
    out = io.BytesIO()
    Image.new("RGB", (2, 2), (0, 90, 160)).save(out, format="PNG")
    return base64.b64encode(out.getvalue()).decode("ascii")


OCTOBER = (Month(2026, 10),)
TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def no_weasyprint_warnings() -> Iterator[list[logging.LogRecord]]:
    """Fail on any WeasyPrint warning the test did not expect (WeasyPrint's assert_no_logs)."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


def page(body: str) -> str:
    return f"<!DOCTYPE html><html><body><p>Hello</p>{body}</body></html>"


@pytest.fixture
def client_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "content" / "acme"
    write_image(folder / "media" / "ok.png", (10, 120, 200), (40, 40))
    write_image(tmp_path / "secret.png", (200, 0, 0), (40, 40))
    return folder


def test_data_urls_and_client_files_are_allowed(client_dir: Path) -> None:
    html = page(f'<img src="data:image/png;base64,{pixel()}"><img src="media/ok.png">')
    pdf, warnings = render_pdf(html, client_dir, [client_dir], "acme/2026-10")
    assert pdf.startswith(b"%PDF") and warnings == []


@pytest.mark.parametrize(
    "src, why",
    [
        ("http://127.0.0.1:9/pixel.png", "only files"),
        ("https://example.org/pixel.png", "only files"),
        ("ftp://example.org/pixel.png", "only files"),
        ("../../secret.png", "outside the client folder"),
        ("file:///etc/hostname", "outside the client folder"),
        ("media/missing.png", "does not exist"),
    ],
)
def test_other_resources_fail_the_report(client_dir: Path, src: str, why: str) -> None:
    with pytest.raises(ReportError, match=why):
        render_pdf(page(f'<img src="{src}">'), client_dir, [client_dir], "acme/2026-10")


def test_a_stylesheet_from_the_network_fails_the_report(client_dir: Path) -> None:
    html = '<html><head><link rel="stylesheet" href="https://example.org/a.css"></head></html>'
    with pytest.raises(ReportError, match="only files"):
        render_pdf(html, client_dir, [client_dir], "acme/2026-10")


def test_a_symlink_out_of_the_client_folder_is_refused(client_dir: Path, tmp_path: Path) -> None:
    (client_dir / "media" / "link.png").symlink_to(tmp_path / "secret.png")
    with pytest.raises(ReportError, match="outside the client folder"):
        render_pdf(page('<img src="media/link.png">'), client_dir, [client_dir], "acme/x")


def test_an_undecodable_image_fails_the_report(
    client_dir: Path, no_weasyprint_warnings: list[logging.LogRecord]
) -> None:
    (client_dir / "media" / "bad.png").write_bytes(b"not an image")
    with pytest.raises(ReportError, match="bad.png"):
        render_pdf(page('<img src="media/bad.png">'), client_dir, [client_dir], "acme/x")
    no_weasyprint_warnings.clear()  # WeasyPrint logged it; the report failed, as expected


def keep_previous(root: Path) -> bytes:
    """Last month's PDF, as a previous run left it."""
    target = root / "reports" / FR / "2026-10.pdf"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"%PDF-1.7 previous report")
    return target.read_bytes()


def test_a_missing_image_fails_one_report_and_keeps_the_previous_pdf(tmp_path: Path) -> None:
    root = build_workspace(tmp_path / "ws")
    tasks = [Task(root, slug, OCTOBER, TODAY) for slug in (FR, EN)]
    previous = keep_previous(root)
    (root / "content" / FR / "media" / "pain.png").unlink()
    result = run_batch(tasks, jobs=1)
    [failure] = result.failures
    assert failure.client == FR and "media/pain.png" in (failure.error or "")
    assert (root / "reports" / FR / "2026-10.pdf").read_bytes() == previous
    assert [o.client for o in result.written] == [EN]
    assert not list((root / "reports" / FR).glob(".*.tmp"))


def test_a_broken_image_at_render_time_keeps_the_previous_pdf(tmp_path: Path) -> None:
    root = build_workspace(tmp_path / "ws")
    task = Task(root, FR, OCTOBER, TODAY)
    target = root / "reports" / FR / "2026-10.pdf"
    previous = keep_previous(root)
    (root / "content" / FR / "media" / "comments.png").write_bytes(b"\x89PNG broken")
    [failure] = run_batch([task], jobs=1).failures
    assert "comments.png" in (failure.error or "")
    assert target.read_bytes() == previous
