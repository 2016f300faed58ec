"""A one-client workspace for the veille tests, and a local web server for feed addresses."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FEEDS = Path(__file__).parent / "fixtures" / "veille"
CLIENT_YML = """\
name: Le Fournil
locale: fr
timezone: Europe/Paris
country: FR
platforms:
  instagram:
    handle: "@fournil"
"""


def make_workspace(root: Path) -> Path:
    """almanac.yml, one client (`fournil`) with no item yet, and the calendar definition."""
    root.mkdir(parents=True)
    (root / "almanac.yml").write_text(
        "name: Agence Test\nlocale: fr\ntimezone: Europe/Paris\n", encoding="utf-8"
    )
    client = root / "content" / "fournil"
    client.mkdir(parents=True)
    (client / "client.yml").write_text(CLIENT_YML, encoding="utf-8")
    shutil.copytree(Path(__file__).resolve().parent.parent / "calendar", root / "calendar")
    return root


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Requests are not printed: pytest output stays readable."""


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (a free port); yields the base address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
