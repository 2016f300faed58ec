"""`almanac serve`: build the site, serve it on 127.0.0.1 and rebuild when a file changes."""

from __future__ import annotations

import argparse
import functools
import shutil
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.clock import add_today_argument
from generator.commands.build import options_from
from generator.problems import AlmanacError
from generator.site_build import ENGINES, BuildOptions, build_site

NAME = "serve"
HELP = "live preview of the calendar site on 127.0.0.1, rebuilt when a content file changes"
WATCHED = ("content", "calendar", "almanac.yml")
DEBOUNCE_SECONDS = 0.4


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--port", type=port_number, default=8000, help="port on 127.0.0.1 (default 8000)"
    )
    parser.add_argument("--client", metavar="SLUG", default=None, help="preview one client")
    parser.add_argument(
        "--include-drafts",
        action="store_true",
        help="with --client: also show ideas and drafts",
    )
    parser.add_argument("--engine", choices=ENGINES, default=None, help="site engine")
    add_today_argument(parser, "the day the home page is seen from")
    parser.add_argument(
        "--reports",
        action="store_true",
        help="add an HTML preview of each finished month's report (slower)",
    )
    parser.set_defaults(output=None, strict=False)


def port_number(text: str) -> int:
    """A TCP port, refused by argparse (exit 2) when out of range."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"`{text}` is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (1 to 65535)")
    return port


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        pass


class Rebuilder(FileSystemEventHandler):
    """Rebuild shortly after the last change (editors write a file in several steps)."""

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()
        self.builds = 0

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(DEBOUNCE_SECONDS, self.rebuild)
            self.timer.daemon = True
            self.timer.start()

    def rebuild(self) -> None:
        try:
            result = build_site(self.options)
            self.builds += 1
            print(f"rebuilt {result.pages} pages in {result.seconds:.1f} s", file=sys.stderr)
        except AlmanacError as exc:  # keep serving the last good site
            print(
                f"almanac: rebuild failed, still serving the previous site: {exc}", file=sys.stderr
            )


def start_server(site: Path, port: int) -> ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def watch(options: BuildOptions) -> tuple[Any, Rebuilder]:
    rebuilder = Rebuilder(options)
    observer = Observer()
    for name in WATCHED:
        path = options.root / name
        if path.is_dir():
            observer.schedule(rebuilder, str(path), recursive=True)
    observer.schedule(rebuilder, str(options.root), recursive=False)
    observer.start()
    return observer, rebuilder


def serve(options: BuildOptions, port: int, stop: threading.Event) -> None:
    """Serve until `stop` is set (Ctrl-C for people, an event for tests)."""
    build_site(options)
    assert options.output is not None
    # watch before serving: once the page answers, an edit saved at once is seen
    observer, _ = watch(options)
    server = start_server(options.output, port)
    print(
        f"serving on http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)", file=sys.stderr
    )
    try:
        stop.wait()
    finally:
        observer.stop()
        observer.join()
        server.shutdown()
        server.server_close()


def run(args: argparse.Namespace) -> int:
    options = options_from(args)
    scratch = Path(tempfile.mkdtemp(prefix="almanac-serve-"))
    options.output = scratch / "site"
    try:
        serve(options, args.port, threading.Event())
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0
