"""Reading feeds for the veille: RSS, Atom and Google Alerts as they are served; canonical
addresses; OPML as feed readers export it; broken files refused at their line."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator.problems import AlmanacError
from generator.schema.watchlist import SourceKind, WatchSource
from generator.veille.canonical import canonical_url, unwrap_redirect
from generator.veille.feed_read import parse_feed
from generator.veille.opml import read_opml, write_opml

FEEDS = Path(__file__).parent / "fixtures" / "veille"


def read(name: str):  # type: ignore[no-untyped-def]
    return parse_feed((FEEDS / name).read_bytes(), name)


def test_canonical_address_drops_trackers_fragment_and_default_port() -> None:
    url = "HTTPS://WWW.Example.ORG:443/a/b?id=7&utm_source=rss&utm_medium=feed&fbclid=IwAR0#top"
    assert canonical_url(url) == "https://www.example.org/a/b?id=7"
    assert canonical_url("http://example.org:8080") == "http://example.org:8080/"
    assert canonical_url("https://example.org/?b=2&a=1") == "https://example.org/?b=2&a=1"


def test_google_redirect_is_unwrapped_with_its_own_trackers_removed() -> None:
    link = (
        "https://www.google.com/url?rct=j&sa=t&url=https://www.leprogres.fr/a%3Fx%3D1%26"
        "utm_source%3Dgoogle&ct=ga&cd=CAIyGj&usg=AOvVaw2"
    )
    assert unwrap_redirect(link) == "https://www.leprogres.fr/a?x=1&utm_source=google"
    assert canonical_url(link) == "https://www.leprogres.fr/a?x=1"
    other = "https://www.google.com/search?q=pain"
    assert unwrap_redirect(other) == other


def test_rss_with_dublin_core_author_and_cdata() -> None:
    feed = read("media-rss.xml")
    assert feed.title == "Le Progrès - Lyon" and not feed.is_alert
    first = feed.entries[0]
    assert first.title.startswith("Lyon : la baguette de tradition")
    assert first.url == (
        "https://www.leprogres.fr/economie/2026/10/12/lyon-la-baguette-de-tradition-des-halles-sacree"
    )
    assert first.author == "Élodie Marchand"
    assert first.source_name == "Le Progrès - Lyon"
    assert first.published == datetime(2026, 10, 12, 5, 15, tzinfo=UTC)  # +0200 read
    assert first.excerpt is not None and "« qui chante »" in first.excerpt
    assert "<p>" not in first.excerpt and "&nbsp;" not in first.excerpt
    assert feed.skipped == ["entry 4: “Brève sans lien” has no web address"]


def test_atom_with_html_and_xhtml_content_is_plain_text() -> None:
    feed = read("expert-atom.xml")
    levain, farines = feed.entries
    assert levain.title == "Pourquoi votre levain « fatigue » à l’automne"
    assert levain.author == "Marc Perrin"
    assert levain.published == datetime(2026, 10, 9, 7, 0, tzinfo=UTC)  # published, not updated
    assert levain.excerpt is not None and levain.excerpt.endswith("printemps…")
    # no summary: the content is the excerpt, its markup (and any script) gone
    assert farines.excerpt == (
        "Le petit épeautre et le blé Barbu de Lyon ont été panifiés côte à côte."
    )
    assert farines.published == datetime(2026, 9, 28, 10, 0, tzinfo=UTC)


def test_google_alerts_feed_names_the_site_not_google() -> None:
    feed = read("google-alerts.xml")
    assert feed.is_alert and feed.title == 'Google Alert - "Fournil des Halles"'
    first, second = feed.entries
    assert first.title == (
        "Lyon : la baguette de tradition du Fournil des Halles sacrée meilleure de la Métropole"
    )
    assert first.url.startswith("https://www.leprogres.fr/economie/2026/10/12/")
    assert "utm_" not in first.url and "google.com" not in first.url
    assert first.source_name == "leprogres.fr"
    assert first.author is None
    assert second.source_name == "lyoncapitale.fr"
    assert second.title == "Avis : « Le Fournil des Halles, une adresse qui ne déçoit pas »"


def test_truncated_feed_is_refused_at_its_line() -> None:
    with pytest.raises(AlmanacError) as caught:
        read("broken-rss.xml")
    assert caught.value.line == 11
    assert "not a well-formed feed" in caught.value.message


def test_a_web_page_is_not_a_feed() -> None:
    with pytest.raises(AlmanacError, match="not an RSS or Atom feed"):
        read("not-a-feed.html")


def test_feedly_opml_folders_give_the_kind_of_source() -> None:
    found = read_opml((FEEDS / "feedly.opml").read_bytes(), "feedly.opml")
    kinds = {source.name: source.kind for source in found}
    assert kinds == {
        "Le Progrès - Lyon": SourceKind.MEDIA,
        "Lyon Capitale": SourceKind.MEDIA,
        "Le blog du levain — Marc Perrin": SourceKind.EXPERT,
        "Maison Pralus — actualités": SourceKind.COMPETITOR,
        'Google Alert - "Fournil des Halles"': SourceKind.ALERT,
        "Confédération nationale de la boulangerie": SourceKind.BODY,  # Inoreader's category=
    }


def test_opml_round_trips_through_almanacs_export() -> None:
    sources = [
        WatchSource(name="Le Progrès", kind=SourceKind.MEDIA, feed="https://lp.example/rss"),
        WatchSource(name="Rival & fils", kind=SourceKind.COMPETITOR, feed="https://r.example/f"),
        WatchSource(name="Sans flux", kind=SourceKind.EXPERT, site="https://s.example/"),
    ]
    data = write_opml("Veille · Test", sources, "fr")
    assert b'<outline text="Concurrents"' in data and b"Rival &amp; fils" in data
    back = read_opml(data, "export.opml")
    assert [(s.name, s.kind, s.feed) for s in back] == [
        ("Le Progrès", SourceKind.MEDIA, "https://lp.example/rss"),
        ("Rival & fils", SourceKind.COMPETITOR, "https://r.example/f"),
    ]


def test_broken_or_hostile_opml_is_refused() -> None:
    with pytest.raises(AlmanacError) as caught:
        read_opml((FEEDS / "broken.opml").read_bytes(), "broken.opml")
    assert caught.value.line == 13
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;">]><opml><body>&b;</body></opml>'
    )
    with pytest.raises(AlmanacError, match="refused"):
        read_opml(bomb, "bomb.opml")
    with pytest.raises(AlmanacError, match="not an OPML file"):
        read_opml(b"<rss><channel/></rss>", "x.opml")
