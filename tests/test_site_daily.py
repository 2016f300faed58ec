"""The site as a daily tool, in real Chromium at a desktop and a phone width (issue 17).

One workspace: the example, plus a missed post and a post due for review planted in it, plus
small clients up to 20 (the home page must stay short). It is built once, served on
127.0.0.1, and every page kind is opened at 1280 and 390 px: nothing may lay out wider than
the window, the action queue must list the planted items with links that work, the filters
must count each item once and update the board, and search must find "Noël" from "noel".
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from generator.clock import parse_today
from generator.site_build import BuildOptions, build_site
from tests.conftest import copy_workspace
from tests.test_site_browser import CHROMIUM_ARGS, QuietHandler

TODAY = "2026-11-21T08:00:00+01:00"  # the example's own day, in the morning
MISSED = "Le pain oublié du jeudi"
REVIEW_DUE = "Relecture urgente : la fournée du dimanche soir"
CLIENTS = 20
WIDTHS = [1280, 390]
# one page of each kind: home, client (its week), month, post, contest, curated, reports,
# partnership, and a post in a format of several files (a carousel)
PAGE_KINDS = {
    "home": "",
    "client": "fournil-des-halles/",
    "month": "fournil-des-halles/2026-11/",
    "item": "fournil-des-halles/items/2026-11-22-petrin-du-dimanche/",
    "contest": "atelier-velo/items/revision-offerte/",
    "curated": "atelier-velo/items/ademe-vae-etude/",
    "reports": "fournil-des-halles/reports/",
    "partnership": "fournil-des-halles/items/chef-vidal-noel/",
    "carousel": "fournil-des-halles/items/2026-12-19-nuit-des-buches/",
}
SCREENSHOTS = Path("/tmp/almanac-screenshots")  # looked at by people, not by the test

POST = """---
title: "{title}"
publish_at: {when}
status: {status}
category: education
platforms: [instagram]
---
{body}
"""
CLIENT = """name: Client {n:02d}
locale: fr
timezone: Europe/Paris
platforms:
  instagram:
    handle: "@client{n:02d}"
"""


def plant(ws: Path) -> None:
    """A missed post, a post due for review, and small clients up to CLIENTS."""
    posts = ws / "content/fournil-des-halles/posts"
    (posts / "2026-11-19-pain-oublie.md").write_text(
        POST.format(
            title=MISSED, when="2026-11-19 09:00", status="scheduled", body="Le pain perdu."
        ),
        encoding="utf-8",
    )
    (posts / "2026-11-22-relecture-urgente.md").write_text(
        POST.format(title=REVIEW_DUE, when="2026-11-22 18:00", status="draft", body="Ce soir."),
        encoding="utf-8",
    )
    present = len([p for p in (ws / "content").iterdir() if (p / "client.yml").is_file()])
    for n in range(1, CLIENTS - present + 1):
        folder = ws / f"content/client-{n:02d}"
        (folder / "posts").mkdir(parents=True)
        (folder / "client.yml").write_text(CLIENT.format(n=n), encoding="utf-8")
        (folder / "posts/2026-11-24-bonjour.md").write_text(
            POST.format(
                title=f"Bonjour du client {n:02d}",
                when="2026-11-24 10:00",
                status="scheduled",
                body="Bonjour !",
            ),
            encoding="utf-8",
        )


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    ws = copy_workspace(tmp_path_factory.mktemp("daily") / "ws")
    plant(ws)
    site = ws / "site"
    build_site(BuildOptions(root=ws, today=parse_today(TODAY), output=site))
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium package is needed for the browser test"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda e: errors.append(str(e)))
    yield opened
    context.close()
    assert not errors, errors


# What lies wider than the window, ignoring what the theme keeps hidden off-screen (search)
WIDER = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll(".md-content *, .md-header *")) {
    const box = el.getBoundingClientRect();
    const shown = box.width > 0 && getComputedStyle(el).visibility !== "hidden";
    if (shown && box.right > width + 1 && !el.closest(".md-search")) {
      wide.push(`${el.tagName}.${el.className} ${Math.round(box.right)}px`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}"""


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_page_is_wider_than_the_window(base_url: str, page: Page, kind: str) -> None:
    page.goto(base_url + PAGE_KINDS[kind])
    found = page.evaluate(WIDER)
    assert found["scroll"] <= found["width"], found
    assert not found["wide"], found
    if kind in ("home", "client", "month", "item"):
        SCREENSHOTS.mkdir(exist_ok=True)
        width = page.viewport_size["width"] if page.viewport_size else 0
        page.screenshot(path=SCREENSHOTS / f"{kind}-{width}.png")


def test_home_queue_lists_planted_items_with_working_links(base_url: str, page: Page) -> None:
    page.goto(base_url)
    queue = page.locator(".al-queue-box")
    missed = queue.locator('.al-action[data-action="missed"]', has_text=MISSED)
    due = queue.locator('.al-action[data-action="review_due"]', has_text=REVIEW_DUE)
    assert missed.count() == 1 and due.count() == 1
    kinds = queue.locator(".al-action").evaluate_all("rows => rows.map(r => r.dataset.action)")
    assert kinds.index("missed") < kinds.index("review_due")  # most urgent first
    assert "Le Fournil des Halles" in missed.inner_text()  # the client is named
    assert "il y a 2 jours" in missed.inner_text()  # time since it was due
    missed.locator("a.al-act-title").click()
    page.wait_for_url("**/fournil-des-halles/items/2026-11-19-pain-oublie/")
    assert page.locator("h1").inner_text() == MISSED


def test_home_stays_short_at_twenty_clients(base_url: str, page: Page) -> None:
    page.goto(base_url)
    assert page.locator(".al-summary-row").count() == CLIENTS
    height = page.evaluate("document.documentElement.scrollHeight")
    rows = page.locator(".al-queue-box > .al-queue > .al-action").count()
    assert rows <= 8  # the rest of the queue is folded, one click away
    phone = page.viewport_size is not None and page.viewport_size["width"] < 500
    assert height < (4500 if phone else 2600)  # it was 10,700 px with a card per client


def test_grid_marks_the_missed_item_and_titles_show_in_full(base_url: str, page: Page) -> None:
    page.goto(base_url + "fournil-des-halles/2026-11/")
    entry = page.locator(".al-grid a.al-entry", has_text=MISSED)
    assert "al-flag-error" in (entry.get_attribute("class") or "")
    assert (entry.get_attribute("title") or "").startswith(MISSED)
    assert page.locator(".al-legend li").count() >= 3  # statuses shown, and the mark
    title = entry.locator(".al-title")
    entry.focus()
    assert title.evaluate("el => getComputedStyle(el).whiteSpace") == "normal"


def test_filters_count_once_update_the_board_survive_navigation_and_reset(
    base_url: str, page: Page
) -> None:
    page.goto(base_url + "fournil-des-halles/2026-11/")
    page.evaluate("window.localStorage.clear()")
    page.reload()
    scheduled = page.locator('.al-filters button[data-value="scheduled"]')
    scheduled.click()
    shown_items = page.evaluate(
        """() => new Set([...document.querySelectorAll('.al-entry:not(.al-hidden)')]
             .map(e => e.dataset.item)).size"""
    )
    every_item = page.evaluate(
        "() => new Set([...document.querySelectorAll('.al-entry')].map(e => e.dataset.item)).size"
    )
    count = page.locator(".al-filter-count").inner_text()
    assert count == f"{shown_items} sur {every_item} affichés", count
    board = page.locator(".al-board .al-column.al-col-published .al-count")
    assert board.inner_text() == "0"  # the board follows the filter
    assert "status=scheduled" in page.url  # a link carries the filter
    page.locator('.al-month-nav a[rel="next"]').click()
    page.wait_for_url("**/fournil-des-halles/2026-12/")
    assert (
        page.locator('.al-filters button[data-value="scheduled"]').get_attribute("aria-pressed")
        == "true"
    )
    hidden = page.locator(".al-grid a.al-entry.al-hidden")
    assert hidden.count() > 0
    reset = page.locator(".al-filters .al-filter-reset")
    assert reset.is_visible()
    reset.click()
    assert hidden.count() == 0 and not reset.is_visible()
    assert page.locator(".al-filter-count").inner_text() == ""


def test_search_ignores_accents_and_names_the_client(base_url: str, page: Page) -> None:
    page.goto(base_url)
    width = page.viewport_size["width"] if page.viewport_size else 0
    if width < 500:
        page.locator("label.md-header__button[for='__search']").click()
    search = page.locator("input.md-search__input")
    search.click()
    page.keyboard.type("noel", delay=30)  # Material listens to key events
    results = page.locator(".md-search-result__item", has_text="Noël")
    results.first.wait_for(timeout=10_000)
    names = {"fournil-des-halles": "Le Fournil des Halles", "atelier-velo": "Atelier Vélo"}
    for index in range(min(results.count(), 4)):
        result = results.nth(index)
        link = result.locator("a").first.get_attribute("href") or ""
        slug = next(s for s in names if f"/{s}/" in link or link.startswith(f"{s}/"))
        assert names[slug] in result.inner_text(), (link, result.inner_text())
