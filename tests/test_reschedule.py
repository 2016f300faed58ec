"""`almanac move` and `almanac shift`: only the publish_at value changes, byte for byte."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from generator.cli import main
from generator.content import load_workspace
from generator.content.kinds import POST
from generator.publish_line import rewrite_publish_at

PARIS = ZoneInfo("Europe/Paris")
CLIENT = "fournil-des-halles"

BODY = "Une ligne de légende 🥐\n\nEt une autre.\n"
# each variant: how a colleague's editor may have written the file, and the value it holds
VARIANTS = {
    "plain": (b"publish_at: 2026-12-21 18:30\n", b"publish_at: 2026-12-22 10:00\n"),
    "comment and odd spacing": (
        b"publish_at:   2026-12-21 18:30   # apr\xc3\xa8s la f\xc3\xaate\n",
        b"publish_at:   2026-12-22 10:00   # apr\xc3\xa8s la f\xc3\xaate\n",
    ),
    "single quotes": (b"publish_at: '2026-12-21 18:30'\n", b"publish_at: '2026-12-22 10:00'\n"),
    "double quotes, T, seconds, offset": (
        b'publish_at: "2026-12-21T18:30:00+01:00"\n',
        b'publish_at: "2026-12-22T10:00:00+01:00"\n',
    ),
}


def post_bytes(publish_line: bytes, crlf: bool = False, bom: bool = False) -> bytes:
    lines = [
        b"---",
        b"# planned with the bakery on Monday",
        b"title: 'Les b\xc3\xbbches: derni\xc3\xa8re fourn\xc3\xa9e'",
        publish_line.rstrip(b"\n"),
        b'status: "draft"',
        b"platforms: [instagram]   # Facebook later",
        b"category: promo",
        b"---",
        BODY.encode("utf-8").rstrip(b"\n"),
    ]
    text = b"\n".join(lines) + b"\n"
    if crlf:
        text = text.replace(b"\n", b"\r\n")
    return (b"\xef\xbb\xbf" if bom else b"") + text


def write_post(ws: Path, name: str, data: bytes) -> Path:
    path = ws / "content" / CLIENT / "posts" / f"{name}.md"
    path.write_bytes(data)
    return path


def when_of(ws: Path, slug: str) -> datetime:
    workspace, problems = load_workspace(ws)
    assert not [p for p in problems.items if p.path.endswith(f"{slug}.md")], problems.items
    (item,) = [i for i in POST.items(workspace.clients[CLIENT].items) if i.slug == slug]
    assert item.when is not None
    return item.when


@pytest.mark.parametrize("crlf,bom", [(False, False), (True, True)])
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_move_changes_only_the_value(
    example_ws: Path, variant: str, crlf: bool, bom: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    before_line, after_line = VARIANTS[variant]
    path = write_post(example_ws, "buches", post_bytes(before_line, crlf, bom))
    code = main(
        ["-w", str(example_ws), "move", f"{CLIENT}/buches", "--to", "2026-12-22 10:00"]
        + ["--today", "2026-12-01"]
    )
    assert code == 0, capsys.readouterr()
    assert path.read_bytes() == post_bytes(after_line, crlf, bom)
    assert when_of(example_ws, "buches") == datetime(2026, 12, 22, 10, 0, tzinfo=PARIS)
    out = capsys.readouterr().out
    assert "moved content/fournil-des-halles/posts/buches.md:4:" in out
    assert "Mon 2026-12-21 18:30 -> Tue 2026-12-22 10:00" in out


def test_move_to_a_day_keeps_the_time_and_refuses_a_missing_hour(
    example_ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_post(example_ws, "buches", post_bytes(b"publish_at: 2026-12-21 18:30\n"))
    args = ["-w", str(example_ws), "move", "buches", "--today", "2026-12-01"]
    assert main([*args, "--to", "2026-12-23"]) == 0
    assert b"publish_at: 2026-12-23 18:30\n" in path.read_bytes()
    unchanged = path.read_bytes()
    # 29 March 2026 02:30 does not exist in Paris (clocks go forward)
    assert main([*args, "--to", "2026-03-29 02:30"]) == 2
    assert "does not exist in Europe/Paris" in capsys.readouterr().err
    assert path.read_bytes() == unchanged


def test_move_reports_the_problems_it_creates_and_clears(
    example_ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_post(example_ws, "buches", post_bytes(b"publish_at: 2026-12-21 18:30\n"))
    args = ["-w", str(example_ws), "move", "buches", "--today", "2026-12-21 12:00"]
    # a draft due in six hours is late for review; moving it a week later clears that
    assert main([*args, "--to", "2026-12-28 18:30"]) == 0
    out = capsys.readouterr().out
    assert "problems this clears:" in out and "buches.md:4" in out
    assert main([*args, "--to", "2026-12-21 19:00"]) == 0
    out = capsys.readouterr().out
    assert "problems this creates:" in out and "buches.md:4" in out


def test_move_refuses_published_unknown_and_ambiguous(
    example_ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["-w", str(example_ws), "move", "--to", "2026-12-22 10:00"]
    published = next((example_ws / "content" / CLIENT / "posts").glob("2026-09-*.md"))
    before = published.read_bytes()
    assert main([*args, str(published.relative_to(example_ws))]) == 2
    assert "is not moved" in capsys.readouterr().err
    assert published.read_bytes() == before
    assert main([*args, "no-such-post"]) == 2
    assert "no post `no-such-post`" in capsys.readouterr().err


def test_dry_run_writes_nothing(example_ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_post(example_ws, "buches", post_bytes(b"publish_at: 2026-12-21 18:30\n"))
    before = path.read_bytes()
    args = ["-w", str(example_ws), "move", "buches", "--to", "2026-12-24 09:00", "--dry-run"]
    assert main(args) == 0
    assert "would move" in capsys.readouterr().out
    assert path.read_bytes() == before


def test_shift_moves_a_window_and_nothing_else(
    example_ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = example_ws / "content" / CLIENT / "posts"
    snapshot = {
        p: p.read_bytes() for p in sorted((example_ws / "content").rglob("*")) if p.is_file()
    }
    workspace, _ = load_workspace(example_ws)
    movable = {
        item.source.path: item.when
        for item in POST.items(workspace.clients[CLIENT].items)
        if item.when is not None
        and datetime(2026, 12, 7, tzinfo=PARIS) <= item.when < datetime(2026, 12, 14, tzinfo=PARIS)
        and item.status not in ("published", "cancelled")
    }
    assert movable, "the example has posts in that week"
    code = main(
        ["-w", str(example_ws), "shift", "--client", CLIENT, "--from", "2026-12-07"]
        + ["--until", "2026-12-13", "--days", "2", "--today", "2026-12-01"]
    )
    assert code == 0, capsys.readouterr()
    changed = {p for p, data in snapshot.items() if p.read_bytes() != data}
    assert changed == set(movable)
    after, _ = load_workspace(example_ws)
    for item in POST.items(after.clients[CLIENT].items):
        if item.source.path in movable:
            old = movable[item.source.path].astimezone(PARIS)
            assert item.when is not None
            new = item.when.astimezone(PARIS)
            assert (new.date() - old.date()).days == 2 and new.time() == old.time()
    assert posts.is_dir()


def test_shift_over_a_dst_change_keeps_the_wall_clock() -> None:
    raw = post_bytes(b"publish_at: 2026-10-24 09:00\n")
    from generator.reschedule import shifted

    after = shifted(datetime(2026, 10, 24, 9, 0, tzinfo=PARIS), 2, "Europe/Paris")
    assert (
        after.astimezone(PARIS).hour == 9
        and after.utcoffset() != datetime(2026, 10, 24, 9, tzinfo=PARIS).utcoffset()
    )
    assert rewrite_publish_at(raw, 4, after.astimezone(PARIS)) == post_bytes(
        b"publish_at: 2026-10-26 09:00\n"
    )


def test_a_line_it_cannot_edit_is_refused_not_mangled() -> None:
    raw = post_bytes(b"publish_at: >-\n  2026-12-21 18:30\n")
    with pytest.raises(ValueError, match="line 4 is not a plain"):
        rewrite_publish_at(raw, 4, datetime(2026, 12, 22, 10, tzinfo=PARIS))
