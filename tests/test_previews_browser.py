"""Previews in real Chromium: the caption folds, the feed's crop, link cards, warnings, a phone."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image
from playwright.sync_api import Browser, Page, sync_playwright
from test_site_browser import CHROMIUM_ARGS, QuietHandler

from generator.checking import parse_today
from generator.site_build import BuildOptions, build_site

LONG = (
    "La brioche du dimanche revient au fournil : pétrie la veille, cuite au four à bois, "
    "dorée au beurre de la ferme voisine. Réservez la vôtre avant samedi midi, il n'y en "
    "aura pas pour tout le monde. Rendez-vous sur https://fournil.fr/reserver pour la vôtre."
)
CLIENT = {
    "name": "Fournil Test",
    "locale": "fr",
    "timezone": "Europe/Paris",
    "platforms": {n: {"handle": "@fournil"} for n in ("instagram", "linkedin", "x", "facebook")},
}


def write_post(root: Path, slug: str, body: str, **fields: Any) -> None:
    meta = {
        "title": slug.title(),
        "publish_at": "2026-11-25 12:30",
        "status": "draft",
        "category": "promo",
        **fields,
    }
    path = root / "content/fournil/posts" / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")


def picture(root: Path, name: str, size: tuple[int, int]) -> list[dict[str, str]]:
    """A real image of `size`, with the stripes that show where a crop cuts."""
    image = Image.new("RGB", size, "#2b4c7e")
    for y in range(0, size[1], 80):
        image.paste("#e0a458", (0, y, size[0], y + 20))
    target = root / "content/fournil/media" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    image.save(target)
    return [{"file": f"media/{name}", "alt": "Des brioches", "rights": "owned"}]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("previews") / "ws"
    root.mkdir()
    (root / "almanac.yml").write_text("version: 1\nname: Agence Test\nlocale: fr\n", "utf-8")
    (root / "content/fournil").mkdir(parents=True)
    (root / "content/fournil/client.yml").write_text(yaml.safe_dump(CLIENT), "utf-8")
    tall = picture(root, "tall.png", (540, 960))  # 9:16
    write_post(root, "tall", LONG, platforms=["instagram", "linkedin"], media=tall)
    write_post(
        root, "square", "Court.", platforms=["instagram"], media=picture(root, "sq.png", (600, 600))
    )
    write_post(
        root, "wide", "Large.", platforms=["instagram"], media=picture(root, "w.png", (1000, 400))
    )
    write_post(root, "bare", "Sans image.", platforms=["instagram"])
    story = picture(root, "story.png", (540, 960))
    write_post(
        root, "story", "Ouvert ce soir.", platforms=["instagram"], media=story, format="story"
    )
    ghost = [{"file": "media/oubliee.jpg", "alt": "Une brioche", "rights": "owned"}]
    write_post(root, "ghost", "Image oubliée.", platforms=["facebook"], media=ghost)
    write_post(
        root,
        "linked",
        "Notre rapport 2026 est en ligne. 🎁",
        platforms=["x", "linkedin"],
        link="https://fournil.fr/rapport-2026-complet-avec-tous-les-chiffres-de-l-annee",
    )
    site = root / "site"
    build_site(BuildOptions(root=root, today=parse_today("2026-11-21"), output=site))
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/fournil/items/"
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


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    opened = browser.new_page(viewport={"width": 1280, "height": 900})
    yield opened
    opened.close()


def box_ratio(page: Page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None and box["height"] > 0
    return float(box["width"] / box["height"])


def test_instagram_caption_folds_and_opens(base_url: str, page: Page) -> None:
    page.goto(f"{base_url}tall/")
    caption = page.locator(".al-net-instagram .al-caption")
    shown = caption.inner_text()
    assert shown.endswith("… plus") and "Réservez" not in shown
    assert len(shown.removesuffix("… plus").strip()) <= 125
    caption.locator("summary").click()
    opened = caption.inner_text()
    assert "Réservez la vôtre" in opened and "… plus" not in opened


def test_linkedin_folds_later_than_instagram(base_url: str, page: Page) -> None:
    page.goto(f"{base_url}tall/")
    shown = page.locator(".al-net-linkedin .al-caption").inner_text()
    assert shown.endswith("…voir plus") and "Réservez" in shown  # 210 characters, not 125
    assert len(shown.removesuffix("…voir plus").strip()) <= 210


@pytest.mark.parametrize(
    ("slug", "ratio", "note"),
    [
        ("tall", 0.8, "Fil : recadré en 4:5 (fichier 9:16)"),
        ("square", 1.0, "Fil : 1:1, rien n'est coupé"),
        ("wide", 1.91, "Fil : recadré en 1.91:1"),
    ],
)
def test_instagram_shows_the_feeds_crop(
    base_url: str, page: Page, slug: str, ratio: float, note: str
) -> None:
    page.goto(f"{base_url}{slug}/")
    assert box_ratio(page, ".al-net-instagram .al-media img") == pytest.approx(ratio, rel=0.02)
    assert note in page.locator(".al-net-instagram figcaption").inner_text()


def test_warnings_are_in_the_preview(base_url: str, page: Page) -> None:
    page.goto(f"{base_url}tall/")
    warning = page.locator(".al-net-instagram .al-preview-warnings")
    assert "https://fournil.fr/reserver" in warning.inner_text()
    assert "lien en bio" in warning.inner_text() and warning.is_visible()
    assert page.locator(".al-net-linkedin .al-preview-warnings").count() == 0
    page.goto(f"{base_url}bare/")
    assert "Instagram ne publie pas sans image" in page.locator(".al-preview-warnings").inner_text()
    page.goto(f"{base_url}story/")
    assert "n'affiche pas de légende" in page.locator(".al-preview-warnings").inner_text()
    assert "Story : 9:16, rien n'est coupé" in page.locator("figcaption").inner_text()
    page.goto(f"{base_url}ghost/")
    warning = page.locator(".al-net-facebook .al-preview-warnings").inner_text()
    assert "Image introuvable (media/oubliee.jpg)" in warning


def test_link_card_and_x_count(base_url: str, page: Page) -> None:
    page.goto(f"{base_url}linked/")
    card = page.locator(".al-net-x a.al-card")
    assert card.is_visible() and "fournil.fr" in card.inner_text().lower()
    # 34 characters, the emoji counts 2, the long link 23 (+1 space): 59, not 35 + 72
    meter = page.locator(".al-net-x .al-meter").inner_text()
    assert meter.startswith("59 / 280")


def test_item_pages_fit_a_phone(base_url: str, browser: Browser) -> None:
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        for slug in ("tall", "linked", "wide"):
            phone.goto(f"{base_url}{slug}/")
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, (slug, width)
            assert phone.locator(".al-review").is_visible()
    finally:
        phone.close()
