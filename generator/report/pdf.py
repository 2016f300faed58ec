"""HTML to PDF with WeasyPrint, fetching only data: URLs and files in allowed folders.

WeasyPrint 70 calls `url_fetcher(url)` for every stylesheet, image and font it loads, and only
turns an error into a failure when the fetcher has `fail_on_errors` (it raises
FatalURLFetchingError); otherwise it logs and prints the page without the resource. Any other
error WeasyPrint logs (an image it cannot decode, say) is caught by a log handler and fails the
report too: a PDF is never sent with a hole in it.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from generator.problems import AlmanacError

LOGGER_NAME = "weasyprint"


class ReportError(AlmanacError):
    """A report could not be rendered; the message says which file or resource and why."""


class RestrictedFetcher(URLFetcher):
    """Serves data: URLs and files under `roots` (after resolving symlinks); refuses the rest."""

    def __init__(self, roots: Sequence[Path]) -> None:
        super().__init__(
            allowed_protocols={"data", "file"}, allow_redirects=False, fail_on_errors=True
        )
        self.roots = [root.resolve() for root in roots]
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            return self.refuse(url, "only files of the client and the template are allowed")
        path = self.allowed_path(url)
        if not path.is_file():
            return self.refuse(url, f"the file {path} does not exist")
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime_type(path)})

    def allowed_path(self, url: str) -> Path:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            self.refuse(url, "files on other hosts are not allowed")
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not any(path == root or root in path.parents for root in self.roots):
            self.refuse(url, "it is outside the client folder and the report templates")
        return path

    def refuse(self, url: str, why: str) -> URLFetcherResponse:
        shown = url if len(url) < 120 else url[:117] + "..."
        self.refused.append(f"{shown}: {why}")
        raise PermissionError(f"refused {shown}: {why}")


MIME = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".css": "text/css",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
}


def mime_type(path: Path) -> str:
    return MIME.get(path.suffix.lower(), "application/octet-stream")


class LogCollector(logging.Handler):
    """Keeps WeasyPrint's warnings and errors for the duration of one render."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def collect_logs() -> Iterator[LogCollector]:
    logger = logging.getLogger(LOGGER_NAME)
    collector = LogCollector()
    logger.addHandler(collector)
    try:
        yield collector
    finally:
        logger.removeHandler(collector)


def pdf_created() -> str | None:
    """The creation date from SOURCE_DATE_EPOCH (ISO 8601), or none at all."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    try:
        moment = datetime.fromtimestamp(int(epoch), UTC)
    except ValueError:
        raise AlmanacError(
            f"SOURCE_DATE_EPOCH=`{epoch}` is not a number of seconds", exit_code=2
        ) from None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def render_pdf(
    html: str, base: Path, roots: Sequence[Path], identity: str
) -> tuple[bytes, list[str]]:
    """The PDF bytes of `html` and WeasyPrint's warnings; resources resolve against `base` and
    must lie under `roots`.

    `identity` (e.g. client/month) seeds the PDF's file identifier, so the same input gives the
    same bytes."""
    fetcher = RestrictedFetcher(roots)
    document = HTML(string=html, base_url=base.resolve().as_uri() + "/", url_fetcher=fetcher)
    with collect_logs() as logs:
        try:
            pdf = document.write_pdf(
                pdf_identifier=hashlib.sha256(identity.encode()).hexdigest()[:32].encode(),
                optimize_images=True,
                dpi=200,
                uncompressed_pdf=False,
            )
        except FatalURLFetchingError as exc:
            reason = fetcher.refused[-1] if fetcher.refused else str(exc.__cause__ or exc)
            raise ReportError(f"cannot load {reason}") from None
    problems = [r.getMessage() for r in logs.records if r.levelno >= logging.ERROR]
    if problems or fetcher.refused:
        raise ReportError(
            "the PDF would be incomplete: " + "; ".join([*fetcher.refused, *problems])
        )
    assert isinstance(pdf, bytes)
    return pdf, warnings_of(logs.records)


def warnings_of(records: list[logging.LogRecord]) -> list[str]:
    return [r.getMessage() for r in records if r.levelno == logging.WARNING]
