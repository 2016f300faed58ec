"""`almanac curate` and `almanac watchlist`: feeds into the curation inbox, OPML in and out,
never a duplicate, nothing written on failure; the inbox on the team site only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from veille_helpers import FEEDS, make_workspace, serve_folder

from generator.checking import parse_today
from generator.cli import main
from generator.content import load_workspace
from generator.frontmatter import parse_front_matter
from generator.site_build import BuildOptions, calendar_folder, load_model, render_project

TODAY = ["--today", "2026-10-12"]


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def curate(ws: Path, *args: str) -> int:
    return main(["-w", str(ws), "curate", *args, "--client", "fournil", *TODAY])


def inbox(ws: Path) -> dict[str, dict[str, object]]:
    """Every curated file of the client by name, its front matter as written."""
    folder = ws / "content" / "fournil" / "curated"
    return {
        path.stem: yaml.safe_load(parse_front_matter(path.read_text(encoding="utf-8")).split.front)
        for path in sorted(folder.glob("*.md"))
    }


def feed(name: str) -> str:
    return str(FEEDS / name)


def test_three_feeds_fill_the_inbox_once(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        curate(ws, feed("media-rss.xml"), feed("google-alerts.xml"), feed("expert-atom.xml")) == 0
    )
    found = inbox(ws)
    # the baguette article is in the RSS twice (a share link) and in the alert: once here
    assert len(found) == 5
    baguette = found["lyon-la-baguette-de-tradition-des-halles-sacree-meilleure-de"]
    assert baguette == {
        "title": "Lyon : la baguette de tradition des Halles sacrée meilleure de la Métropole",
        "status": "candidate",
        "source_url": (
            "https://www.leprogres.fr/economie/2026/10/12/"
            "lyon-la-baguette-de-tradition-des-halles-sacree"
        ),
        "source_name": "Le Progrès - Lyon",
        "source_author": "Élodie Marchand",
        "published_on": date(2026, 10, 12),
        "found_at": date(2026, 10, 12),
        "found_via": "Le Progrès - Lyon",
        "excerpt": baguette["excerpt"],
    }
    review = found["avis-le-fournil-des-halles-une-adresse-qui-ne-decoit-pas"]
    assert review["source_name"] == "lyoncapitale.fr"
    assert review["found_via"] == 'Google Alert - "Fournil des Halles"'
    out = capsys.readouterr().out
    assert "added 5 candidate(s)" in out and "2 article(s) already in it" in out
    assert "“Brève sans lien” has no web address" in out
    # the candidates are valid items: the workspace checks clean
    _ws, problems = load_workspace(ws)
    assert [str(p) for p in problems.sorted()] == []


def test_a_second_run_adds_nothing_and_a_rejected_article_stays_out(ws: Path) -> None:
    assert curate(ws, feed("media-rss.xml")) == 0
    path = (
        ws
        / "content"
        / "fournil"
        / "curated"
        / ("fete-des-lumieres-2026-le-programme-quartier-par-quartier.md")
    )
    path.write_text(path.read_text(encoding="utf-8").replace("candidate", "rejected"), "utf-8")
    before = {p.name: p.read_bytes() for p in path.parent.iterdir()}
    assert curate(ws, feed("media-rss.xml"), feed("google-alerts.xml")) == 0
    after = {p.name: p.read_bytes() for p in path.parent.iterdir()}
    assert set(after) - set(before) == {
        "avis-le-fournil-des-halles-une-adresse-qui-ne-decoit-pas.md"
    }
    assert all(after[name] == data for name, data in before.items())


def test_a_title_already_taken_gets_a_numbered_name(ws: Path) -> None:
    folder = ws / "content" / "fournil" / "curated"
    folder.mkdir(parents=True)
    taken = folder / "farines-anciennes-ce-que-disent-les-essais-2026.md"
    taken.write_text(
        "---\ntitle: Autre article\nstatus: candidate\nsource_url: https://x.example/\n---\n",
        encoding="utf-8",
    )
    assert curate(ws, feed("expert-atom.xml")) == 0
    assert "farines-anciennes-ce-que-disent-les-essais-2026-2" in inbox(ws)


def test_one_broken_feed_writes_nothing(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert curate(ws, feed("media-rss.xml"), feed("broken-rss.xml")) == 1
    err = capsys.readouterr().err
    assert "broken-rss.xml:11: not a well-formed feed" in err and "Traceback" not in err
    assert not (ws / "content" / "fournil" / "curated").exists()
    assert curate(ws, feed("not-a-feed.html")) == 1
    assert "not an RSS or Atom feed" in capsys.readouterr().err


def test_dry_run_says_what_it_would_add(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert curate(ws, feed("expert-atom.xml"), "--dry-run") == 0
    assert "would add 2 candidate(s)" in capsys.readouterr().out
    assert not (ws / "content" / "fournil" / "curated").exists()


def test_watchlist_import_is_idempotent_and_refuses_a_hostile_address(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command = ["-w", str(ws), "watchlist", "import"]
    assert main([*command, feed("feedly.opml"), "--client", "fournil"]) == 0
    path = ws / "content" / "fournil" / "watchlist.yml"
    written = path.read_bytes()
    sources = yaml.safe_load(written)["sources"]
    assert [(s["name"], s["kind"]) for s in sources][:3] == [
        ("Le Progrès - Lyon", "media"),
        ("Lyon Capitale", "media"),
        ("Le blog du levain — Marc Perrin", "expert"),
    ]
    assert main([*command, feed("feedly.opml"), "--client", "fournil"]) == 0
    assert "unchanged: content/fournil/watchlist.yml: 0 new source(s), 6 in all" in (
        capsys.readouterr().out
    )
    assert main([*command, feed("hostile.opml"), "--client", "fournil"]) == 1
    assert "source “Lyon Capitale”" in capsys.readouterr().err
    assert main([*command, feed("broken.opml"), "--client", "fournil"]) == 1
    assert path.read_bytes() == written
    _ws, problems = load_workspace(ws)
    assert [str(p) for p in problems.sorted()] == []


def test_watchlist_export_is_opml_feed_readers_import(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["-w", str(ws), "watchlist", "import", feed("feedly.opml"), "--client", "fournil"])
        == 0
    )
    target = tmp_path / "veille.opml"
    assert (
        main(["-w", str(ws), "watchlist", "export", "--client", "fournil", "--output", str(target)])
        == 0
    )
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>\n<opml version=\"2.0\">")
    assert "<title>Veille · Le Fournil</title>" in text
    assert '<outline text="Concurrents" title="Concurrents">' in text
    assert 'xmlUrl="https://www.boulangerie.org/feed/"' in text


def test_curate_reads_the_watch_lists_feeds_over_http(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with serve_folder(FEEDS) as base:
        (ws / "content" / "fournil" / "watchlist.yml").write_text(
            "sources:\n"
            f"  - name: Le Progrès\n    kind: media\n    feed: {base}/media-rss.xml\n"
            f"  - name: Alerte marque\n    kind: alert\n    feed: {base}/google-alerts.xml\n"
            "  - name: Un expert sans flux\n    kind: expert\n    site: https://x.example/\n",
            encoding="utf-8",
        )
        assert curate(ws) == 0
        found = inbox(ws)
        assert len(found) == 3
        vias = {entry["found_via"] for entry in found.values()}
        assert vias == {"Le Progrès", "Alerte marque"}  # the watch list's names, not the feeds'
        assert curate(ws, f"{base}/missing.xml") == 1
    assert "cannot read" in capsys.readouterr().err


def test_no_feed_and_no_watch_list_is_a_usage_error(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert curate(ws) == 2
    assert "no FEED given and no feed in content/fournil/watchlist.yml" in capsys.readouterr().err


def pages_of(ws: Path, client: str | None) -> dict[str, str]:
    options = BuildOptions(root=ws, today=parse_today("2026-10-12"), client=client)
    model, _ = load_model(options)
    project = render_project(model, options, calendar_folder(ws))
    return {page.path: page.body for page in project.pages}


def test_inbox_on_the_team_site_only(ws: Path) -> None:
    assert (
        main(["-w", str(ws), "watchlist", "import", feed("feedly.opml"), "--client", "fournil"])
        == 0
    )
    assert curate(ws, feed("media-rss.xml"), feed("google-alerts.xml")) == 0
    team = pages_of(ws, None)
    page = team["fournil/inbox"]
    titles = [line for line in page.split("al-candidate-title") if "<a href" in line]
    assert len(titles) == 3 + 1  # three candidates (and the text before the first)
    assert page.index("la baguette de tradition") < page.index("une adresse qui ne déçoit pas")
    assert "Élodie Marchand" in page and "lyoncapitale.fr" in page
    assert "<h3>Concurrents</h3>" in page and "Maison Pralus" in page
    assert 'href="inbox/"' in team["fournil/index"] or "inbox" in team["fournil/index"]
    client_site = pages_of(ws, "fournil")
    assert "fournil/inbox" not in client_site
    assert "inbox" not in client_site["fournil/index"] and "Maison Pralus" not in str(client_site)


def test_an_alert_and_the_publications_feed_make_one_complete_candidate(ws: Path) -> None:
    assert curate(ws, feed("google-alerts.xml"), feed("media-rss.xml")) == 0
    baguette = inbox(ws)["lyon-la-baguette-de-tradition-du-fournil-des-halles-sacree-m"]
    assert baguette["found_via"] == 'Google Alert - "Fournil des Halles"'  # found there first
    assert baguette["source_name"] == "Le Progrès - Lyon"  # not the bare leprogres.fr
    assert baguette["source_author"] == "Élodie Marchand"  # the alert has no author
