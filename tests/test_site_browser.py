"""The built site in headless Chromium: navigate, open a post, filter, search, stay offline."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from playwright.sync_api import Page, sync_playwright

from tests.test_site_build import build, copy_fixture

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    ws = copy_fixture(tmp_path_factory.mktemp("browser") / "ws")
    site = build(ws, ws / "site")
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser_page(base_url: str) -> Iterator[tuple[Page, list[str], list[str]]]:
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium package is needed for the browser test"
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        yield page, errors, requests
        browser.close()


def test_review_journey_offline(
    base_url: str, browser_page: tuple[Page, list[str], list[str]]
) -> None:
    page, errors, requests = browser_page
    page.goto(base_url)
    page.get_by_role("link", name="Pain Doux").first.click()
    page.locator(".al-months a", has_text="Novembre 2026").click()
    page.wait_for_url("**/pain-doux/2026-11/")
    assert page.locator(".al-grid .al-day").count() == 42

    page.locator(".al-grid a.al-entry", has_text="Brioche du week-end").click()
    page.wait_for_url("**/items/2026-11-20-brioche/")
    caption = page.locator(".al-net-instagram .al-caption").first
    assert "beurre AOP" in caption.inner_text()
    assert page.locator(".al-item-head .al-status").inner_text() == "Publié"

    page.go_back()
    galette = page.locator(".al-grid a.al-entry", has_text="Galette")
    brioche = page.locator(".al-grid a.al-entry", has_text="Brioche")
    assert galette.is_visible()
    page.locator('.al-filters button[data-value="facebook"]').click()
    assert not galette.is_visible() and brioche.is_visible()  # Galette is Instagram only
    page.locator('.al-filters button[data-value="facebook"]').click()
    page.locator('.al-filters button[data-value="in_review"]').click()
    assert galette.is_visible() and not brioche.is_visible()
    page.locator('.al-filters button[data-value="in_review"]').click()

    search = page.locator("input.md-search__input")
    search.click()
    page.keyboard.type("viennoiserie", delay=30)  # Material listens to key events
    result = page.locator(".md-search-result__item", has_text="Brioche du week-end").first
    result.wait_for(timeout=10_000)

    page.goto(f"{base_url}pain-doux/items/2026-11-25-payload/")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert "<script>" in page.locator("h1").inner_text()  # the payload shows as text

    assert not errors, errors
    outside = [
        url for url in requests if not url.startswith(base_url) and not url.startswith("data:")
    ]
    assert not outside, outside
