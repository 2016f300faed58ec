"""`almanac mentions import`: a listening tool's CSV (Meltwater, French text, UTF-16 and tabs
as downloaded), Google Business Profile reviews and a Google Alerts feed into the month logs;
recognised by content, idempotent, hand edits kept, nothing written on failure."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from veille_helpers import FEEDS, make_workspace

from generator.cli import main
from generator.content import load_workspace
from generator.content.kinds import MENTIONS, kind_named
from generator.frontmatter import parse_front_matter
from generator.schema.mentions import Site, Tone

EXPORTS = Path(__file__).parent / "fixtures" / "mentions"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def run(ws: Path, path: Path, *extra: str) -> int:
    return main(["-w", str(ws), "mentions", "import", str(path), "--client", "fournil", *extra])


def log_path(ws: Path, month: str) -> Path:
    return ws / "content" / "fournil" / "mentions" / f"{month}.md"


def logs(ws: Path) -> dict[str, list]:  # type: ignore[type-arg]
    """The validated mentions of every month, as the loader reads them."""
    workspace, problems = load_workspace(ws)
    assert [str(p) for p in problems.sorted()] == []
    client = workspace.clients["fournil"]
    return {log.slug: log.meta.mentions for log in MENTIONS.items(client.items)}


def test_meltwater_export_as_downloaded(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (EXPORTS / "meltwater-fournil.csv").read_bytes()[:2] == b"\xff\xfe"  # UTF-16 LE
    assert run(ws, EXPORTS / "meltwater-fournil.csv") == 0
    out = capsys.readouterr().out
    assert "wrote content/fournil/mentions/2026-11.md: 10 new, 0 completed" in out
    assert "(Meltwater export (CSV))" in out
    november = logs(ws)["2026-11"]
    assert len(november) == 10
    first = november[0]
    assert first.site is Site.X and first.tone is Tone.POSITIVE and first.reach == 1204
    assert first.excerpt.endswith("le Fournil des Halles 🥖")
    assert first.at.isoformat() == "2026-11-02T08:12:00+01:00"  # the account's local time
    brunch = november[1]
    assert brunch.reach == 8450  # "8 450"
    assert brunch.url == "https://www.instagram.com/p/C9x2aa01/"  # utm_source removed
    press = next(m for m in november if m.site is Site.PRESS)
    assert press.author == "Élodie Marchand" and "« on a choisi" in press.excerpt
    assert press.reach == 152000
    blog = november[-1]
    assert blog.site is Site.BLOG and blog.tone is None  # "Not Rated": left to read
    assert [m.site for m in november if m.site is Site.REDDIT]
    negative = [m for m in november if m.tone is Tone.NEGATIVE]
    assert len(negative) == 5 and all(m.expects_answer for m in negative)


def test_a_resaved_utf8_comma_file_reads_the_same(ws: Path, tmp_path: Path) -> None:
    text = (EXPORTS / "meltwater-fournil.csv").read_bytes().decode("utf-16")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    resaved = tmp_path / "export.csv"
    resaved.write_bytes(("\ufeff" + out.getvalue()).encode("utf-8"))
    assert run(ws, resaved) == 0
    first = log_path(ws, "2026-11").read_bytes()
    log_path(ws, "2026-11").unlink()
    assert run(ws, EXPORTS / "meltwater-fournil.csv") == 0
    assert log_path(ws, "2026-11").read_bytes() == first


def test_google_business_profile_reviews(ws: Path) -> None:
    assert run(ws, EXPORTS / "gbp-reviews.json") == 0
    helene, tom, anonymous = logs(ws)["2026-11"]
    assert (helene.rating, helene.site, helene.author) == (5, Site.GOOGLE, "Hélène Garnier")
    assert helene.is_answered and helene.answered_at is not None
    assert helene.answered_at.isoformat() == "2026-11-08T17:05:00+01:00"
    assert tom.excerpt == "Super croissants, un peu de queue."  # Google's translation dropped
    assert not tom.is_answered and tom.expects_answer  # a review calls for an answer
    assert anonymous.author is None and anonymous.rating == 1


def test_google_alerts_feed_lands_in_its_month(ws: Path) -> None:
    assert run(ws, FEEDS / "google-alerts.xml") == 0
    october = logs(ws)["2026-10"]
    assert [m.site for m in october] == [Site.WEB, Site.WEB]
    assert october[1].url is not None and october[1].url.startswith("https://www.leprogres.fr/")
    assert october[1].author == "leprogres.fr" and october[0].tone is None


def test_import_twice_changes_nothing_and_keeps_hand_edits(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(ws, EXPORTS / "meltwater-fournil.csv") == 0
    path = log_path(ws, "2026-11")
    text = path.read_text(encoding="utf-8")
    # the team reads the blog post (no tone yet), answers the tweet and notes something
    text = text.replace("  id: blog-55120\n", "  id: blog-55120\n  tone: negative\n", 1).replace(
        "  id: tw-1858500002\n",
        "  id: tw-1858500002\n  answered_at: 2026-11-17 10:30\n  internal: appelé le gérant\n",
        1,
    )
    text += "Semaine difficile : la file d'attente.\n"
    path.write_text(text, encoding="utf-8")
    edited = path.read_bytes()
    assert run(ws, EXPORTS / "meltwater-fournil.csv") == 0
    assert "unchanged: content/fournil/mentions/2026-11.md: 0 new, 0 completed" in (
        capsys.readouterr().out
    )
    assert path.read_bytes() == edited
    assert run(ws, EXPORTS / "gbp-reviews.json") == 0  # the same month, another source
    november = logs(ws)["2026-11"]
    assert len(november) == 13
    tweet = next(m for m in november if m.id == "tw-1858500002")
    assert tweet.is_answered and tweet.internal == "appelé le gérant"
    assert next(m for m in november if m.id == "blog-55120").tone is Tone.NEGATIVE
    body = parse_front_matter(path.read_text(encoding="utf-8")).split.body
    assert body == "Semaine difficile : la file d'attente.\n"


@pytest.mark.parametrize(
    ("name", "where", "says"),
    [
        ("meltwater-bad-date.csv", ":7:", "`2026-17-11 11:02 AM` is not a date and time"),
        ("gbp-bad-stars.json", "(review 2)", "starRating `SIX` is not ONE to FIVE"),
        ("gbp-truncated.json", ":1:", "not an export this import recognises"),
        ("unknown.csv", ":1:", "Meltwater export (CSV); Google Business Profile reviews"),
    ],
)
def test_a_broken_export_is_refused_and_nothing_changes(
    ws: Path, name: str, where: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(ws, EXPORTS / "gbp-reviews.json") == 0
    before = log_path(ws, "2026-11").read_bytes()
    assert run(ws, EXPORTS / name) == 1
    err = capsys.readouterr().err
    assert where in err and says in err and "Traceback" not in err
    assert log_path(ws, "2026-11").read_bytes() == before
    assert sorted(p.name for p in log_path(ws, "2026-11").parent.iterdir()) == ["2026-11.md"]


def test_a_failed_write_puts_back_the_months_already_written(ws: Path, tmp_path: Path) -> None:
    text = (EXPORTS / "meltwater-fournil.csv").read_bytes().decode("utf-16")
    lines = text.splitlines()
    october = lines[1].replace("02-Nov-2026", "28-Oct-2026").replace("tw-1853100001", "tw-oct")
    export = tmp_path / "two-months.csv"
    export.write_bytes("\r\n".join([lines[0], october, *lines[1:]]).encode("utf-16"))
    log_path(ws, "2026-11").mkdir(parents=True)  # November cannot be written
    assert run(ws, export) == 1
    assert not log_path(ws, "2026-10").exists()  # October was written, then taken back


def test_new_mentions_log_from_the_registry_checks_clean(ws: Path) -> None:
    assert kind_named("mentions") is MENTIONS
    command = ["-w", str(ws), "new", "mentions", "--client", "fournil", "--title", "Novembre"]
    assert main([*command, "--at", "2026-11-03 10:00", "--platforms", "instagram"]) == 0
    assert log_path(ws, "2026-11").is_file()
    assert len(logs(ws)["2026-11"]) == 1


def test_a_log_not_named_after_its_month_is_reported(ws: Path) -> None:
    folder = ws / "content" / "fournil" / "mentions"
    folder.mkdir(parents=True)
    (folder / "novembre.md").write_text("---\nmentions: []\n---\n", encoding="utf-8")
    _workspace, problems = load_workspace(ws)
    assert [(p.rule, p.path) for p in problems.sorted()] == [
        ("item.bad-month-name", "content/fournil/mentions/novembre.md")
    ]


def test_the_log_page_is_the_teams_and_never_shows_internal_notes(ws: Path) -> None:
    from generator.checking import parse_today
    from generator.site_build import BuildOptions, calendar_folder, load_model, render_project

    assert run(ws, EXPORTS / "meltwater-fournil.csv") == 0
    assert run(ws, EXPORTS / "gbp-reviews.json") == 0  # one answered review
    path = log_path(ws, "2026-11")
    text = path.read_text(encoding="utf-8").replace(
        "  id: tw-1858500002\n", "  id: tw-1858500002\n  internal: NOTE-INTERNE-GERANT\n", 1
    )
    path.write_text(text, encoding="utf-8")
    for client in (None, "fournil"):
        options = BuildOptions(root=ws, today=parse_today("2026-11-21"), client=client)
        model, _ = load_model(options)
        project = render_project(model, options, calendar_folder(ws))
        pages = {page.path: page.body for page in project.pages}
        every = "".join(pages.values()) + "".join(project.texts.values())
        assert "NOTE-INTERNE-GERANT" not in every
        if client is not None:  # the log is the team's: not on the client's own site
            assert "fournil/items/2026-11" not in pages
            assert "mentions." not in every and "45 minutes de queue" not in every
            continue
        page = pages["fournil/items/2026-11"]
        assert "45 minutes de queue au Fournil des Halles" in page
        assert "✗ à répondre" in page and "Négatif" in page
        assert "✓ répondu 08/11 17:05" in page and "★★★★★" in page
