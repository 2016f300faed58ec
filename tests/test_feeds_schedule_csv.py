"""Schedule exports: the sheet and Hootsuite files parse back, are formula-safe and private."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_feeds_support import SECRETS, load_client, make_workspace

from generator.content.kinds import POST
from generator.content.model import ClientData, Workspace
from generator.feeds import (
    caption_with_hashtags,
    feed_files,
    plain_caption,
    render_hootsuite_csv,
    render_schedule_csv,
)
from generator.feeds.schedule_csv import SHEET_HEADER, neutralise

Loaded = tuple[Workspace, ClientData]


@pytest.fixture
def loaded(tmp_path: Path) -> Loaded:
    return load_client(make_workspace(tmp_path))


def parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_sheet_parses_back_to_one_row_per_ready_post_and_network(loaded: Loaded) -> None:
    ws, client = loaded
    text = render_schedule_csv(ws, client)
    assert text.startswith("\ufeff")
    rows = parse(text)
    assert rows[0] == SHEET_HEADER
    keys = [(row[0], row[3], row[-1]) for row in rows[1:]]
    assert keys == [
        ("24/10/2026 09:00", "Instagram", "maison/post/2026-10-24-avant-dst"),
        ("26/10/2026 09:00", "Instagram", "maison/post/2026-10-26-apres-dst"),
        ("26/10/2026 09:00", "Facebook", "maison/post/2026-10-26-apres-dst"),
        ("02/11/2026 12:00", "Instagram", "maison/post/2026-11-02-formule"),
        ("02/11/2026 12:00", "X", "maison/post/2026-11-02-formule"),
        ("03/11/2026 12:00", "X", "maison/post/2026-11-03-mention"),
    ]  # drafts and cancelled posts are not exported; contests/curated are not posts


def test_sheet_caption_per_network_with_hashtags_and_media(loaded: Loaded) -> None:
    ws, client = loaded
    rows = {(r[3], r[-1]): r for r in parse(render_schedule_csv(ws, client))[1:]}
    insta = rows[("Instagram", "maison/post/2026-10-26-apres-dst")]
    face = rows[("Facebook", "maison/post/2026-10-26-apres-dst")]
    assert insta[1] == "Bonjour, le pain; c'est \\ bon\ndeuxième ligne  fin\n\n#levain #Lyon"
    assert face[1] == (
        "Sur Facebook, virgule; point-virgule \\ antislash\n\n#levain #Lyon #boulangerie"
    )
    assert insta[2] == "https://example.org/pain"
    assert insta[4] == "'@maison" and face[4] == "Maison Test"  # @ starts a formula in Excel
    assert insta[5] == "media/pain.jpg" and insta[6] == "Une miche"
    assert face[7] == "Lien en bio" and insta[7] == ""
    assert insta[9] == "approved"


def test_formula_injection_is_neutralised(loaded: Loaded) -> None:
    ws, client = loaded
    rows = parse(render_schedule_csv(ws, client))
    formula = [r for r in rows if r[-1].endswith("formule")]
    assert formula and all(r[1] == '\'=HYPERLINK("http://evil.example","clic")' for r in formula)
    mention = next(r for r in rows if r[-1].endswith("mention"))
    assert mention[1].startswith("'@chef.dupont") and mention[8] == "'+33 merci"
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert neutralise("-1+1") == "'-1+1" and neutralise("\tx") == "'\tx"
    assert neutralise("\uff1dSUM(A1)") == "'\uff1dSUM(A1)" and neutralise("ok =1") == "ok =1"


def test_rfc4180_quoting_and_crlf_records(loaded: Loaded) -> None:
    ws, client = loaded
    text = render_hootsuite_csv(ws, client, "facebook")
    assert not text.startswith("\ufeff")
    assert text.endswith("\r\n")
    # the caption holds a comma, a semicolon and newlines: it is quoted, quotes doubled
    assert text.startswith('26/10/2026 09:00,"Sur Facebook, virgule; point-virgule')
    assert parse(text) == [
        [
            "26/10/2026 09:00",
            "Sur Facebook, virgule; point-virgule \\ antislash\n\n#levain #Lyon #boulangerie",
            "https://example.org/pain",
        ]
    ]


def test_hootsuite_file_has_three_columns_and_no_header(loaded: Loaded) -> None:
    ws, client = loaded
    rows = parse(render_hootsuite_csv(ws, client, "x"))
    assert [len(r) for r in rows] == [3, 3]
    assert [r[0] for r in rows] == ["02/11/2026 12:00", "03/11/2026 12:00"]
    for row in rows:
        datetime.strptime(row[0], "%d/%m/%Y %H:%M")


def test_statuses_and_after_filters(loaded: Loaded) -> None:
    ws, client = loaded
    everything = parse(render_schedule_csv(ws, client, statuses={"draft", "cancelled"}))
    assert [r[-1] for r in everything[1:]] == [
        "maison/post/2026-11-04-brouillon",
        "maison/post/2026-11-05-annule",
    ]
    later = parse(render_schedule_csv(ws, client, after=datetime(2026, 11, 1, tzinfo=UTC)))
    assert {r[-1] for r in later[1:]} == {
        "maison/post/2026-11-02-formule",
        "maison/post/2026-11-03-mention",
    }


def test_exports_keep_notes_private_and_are_deterministic(loaded: Loaded) -> None:
    ws, client = loaded
    files = feed_files(ws, client)
    assert sorted(files) == [
        "calendar-facebook.ics",
        "calendar-instagram.ics",
        "calendar-x.ics",
        "calendar.ics",
        "hootsuite-facebook.csv",
        "hootsuite-instagram.csv",
        "hootsuite-x.csv",
        "schedule.csv",
    ]
    assert files == feed_files(ws, client)
    for name, data in files.items():
        text = data.decode("utf-8").replace("\r\n ", "")
        for secret in SECRETS:
            assert secret not in text, name
        assert "<!--" not in text, name


def test_plain_caption_drops_comments_even_unclosed(loaded: Loaded) -> None:
    ws, client = loaded
    item = next(i for i in POST.items(client.items) if i.slug == "2026-10-26-apres-dst")
    assert "SECRET" not in plain_caption(item, "instagram")
    item.body = "Visible\n<!-- SECRET never closed\nstill hidden"
    assert plain_caption(item, "instagram") == "Visible"
    assert plain_caption(item, "facebook").startswith("Sur Facebook")


def test_hashtags_typed_in_the_caption_are_not_repeated(loaded: Loaded) -> None:
    ws, client = loaded
    item = next(i for i in POST.items(client.items) if i.slug == "2026-10-26-apres-dst")
    item.body = "Du #Levain au fournil"
    assert caption_with_hashtags(item, "instagram") == "Du #Levain au fournil\n\n#Lyon"
    item.body = ""
    assert caption_with_hashtags(item, "instagram") == "#levain #Lyon"
