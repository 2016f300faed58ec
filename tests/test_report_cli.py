"""`almanac report`: month selection, one failure among several clients, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_workspace import EN, FR, POSTS_HEADER, build_workspace

import generator.report
from generator.cli import main


def test_default_month_is_the_previous_one_and_a_failure_does_not_stop_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build_workspace(tmp_path / "ws")
    posts = root / "content" / FR / "metrics" / "posts.csv"
    posts.write_text(
        posts.read_text(encoding="utf-8").replace("fixture\n", "fixture,extra\n", 1),
        encoding="utf-8",
    )
    code = main(["-w", str(root), "report", "--today", "2026-11-21"])
    out, err = capsys.readouterr()
    assert code == 1
    assert (root / "reports" / EN / "2026-10.pdf").is_file()
    assert not (root / "reports" / FR).exists()
    cells = len(POSTS_HEADER.split(","))  # the header's cells; the broken row has one more
    assert f"report {FR} failed" in err and "posts.csv" in err
    assert f"expected {cells} cells, found {cells + 1}" in err
    # progress is drawn on a terminal only (generator/progress.py): none in this captured log
    assert "reports" not in err.replace(f"report {FR}", "")
    # there was no earlier PDF, so none is said to be kept
    assert "1 report(s) failed\n" in err and "kept" not in err and "2026-10.pdf: written" in out


def test_all_months_for_one_client_and_bad_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build_workspace(tmp_path / "ws")
    assert (
        main(["-w", str(root), "report", "--all-months", "--client", EN, "--today", "2026-10-15"])
        == 0
    )
    assert sorted(p.name for p in (root / "reports" / EN).iterdir()) == [
        "2026-09.pdf",
        "2026-09.xlsx",  # the report's tables beside it (issue 12)
    ]
    assert not (root / "reports" / FR).exists()
    assert main(["-w", str(root), "report", "--client", "nobody"]) == 2
    assert main(["-w", str(root), "report", "--month", "2026-13"]) == 2
    err = capsys.readouterr().err
    assert "no client `nobody`" in err and "is not a month" in err


def test_failure_says_the_previous_pdf_was_kept_only_when_there_was_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = build_workspace(tmp_path / "ws")
    args = ["-w", str(root), "report", "--client", EN, "--month", "2026-10", "--jobs", "1"]
    assert main(args) == 0
    before = (root / "reports" / EN / "2026-10.pdf").read_bytes()
    posts = root / "content" / EN / "metrics" / "posts.csv"
    posts.write_text(posts.read_text(encoding="utf-8") + "broken,row\n", encoding="utf-8")
    capsys.readouterr()
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"1 report(s) failed; the previous PDF was kept for {EN}" in err
    assert (root / "reports" / EN / "2026-10.pdf").read_bytes() == before


def test_library_notices_only_with_verbose_and_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A WeasyPrint warning (here a CSS property it does not know, in the agency's own report
    stylesheet) is not printed on every report; --verbose shows it once, with a count."""
    root = build_workspace(tmp_path / "ws")
    packaged = Path(generator.report.__file__).parent / "templates" / "report.css.j2"
    css = root / "reports" / "templates" / "report.css.j2"
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text(
        packaged.read_text(encoding="utf-8") + "\nbody { almanac-unknown-property: 1; }\n"
    )
    # the day the workspace is seen from: later, its November posts are missed (check's rules,
    # printed as warnings about data outside October's report)
    base = ["-w", str(root), "report", "--month", "2026-10", "--today", "2026-11-21", "--jobs", "1"]
    assert main(base) == 0
    quiet = capsys.readouterr().err
    assert "almanac-unknown-property" not in quiet and "warning" not in quiet.lower()
    assert main([*base, "--verbose"]) == 0
    loud = capsys.readouterr().err
    assert loud.count("almanac-unknown-property") == 1 and "(2 reports)" in loud


def test_a_report_is_blocked_only_by_problems_in_the_data_it_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12: a broken December draft blocked October's report; a month without any data
    gave pages of "n. c." although --all-months said there was nothing to write."""
    root = build_workspace(tmp_path / "ws")
    broken = root / "content" / FR / "posts" / "2026-12-05-brouillon.md"
    broken.write_text(
        "---\ntitle: Brouillon\npublish_at: 2026-12-05 10:00\nplatforms: [instagram]\n"
        "status: nonsense\nkind: promo\n---\nTexte\n",
        encoding="utf-8",
    )
    argv = ["-w", str(root), "report", "--client", FR, "--today", "2026-11-21"]
    assert main([*argv, "--month", "2026-10"]) == 0
    out, err = capsys.readouterr()
    assert "2026-10.pdf: written" in out
    assert "warning: not in this report: content/boulangerie-test/posts/2026-12-05" in err
    broken.rename(broken.with_name("2026-10-05-brouillon.md"))
    broken.with_name("2026-10-05-brouillon.md").write_text(
        broken.with_name("2026-10-05-brouillon.md")
        .read_text(encoding="utf-8")
        .replace("2026-12-05", "2026-10-05"),
        encoding="utf-8",
    )
    assert main([*argv, "--month", "2026-10"]) == 1
    err = capsys.readouterr().err
    assert "problem(s) in the data this report reads" in err and "2026-10-05-brouillon" in err
    assert main([*argv, "--month", "2025-01"]) == 1
    err = capsys.readouterr().err
    assert "nothing to report: no month notes" in err
    assert not (root / "reports" / FR / "2025-01.pdf").exists()


def test_shards_share_the_clients_out_once_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--shard K/N` for a CI matrix: every client in exactly one shard; a bad shard is exit 2."""
    root = build_workspace(tmp_path / "ws")
    args = ["-w", str(root), "report", "--month", "2026-10", "--today", "2026-11-21"]
    assert main([*args, "--shard", "1/2", "--jobs", "1"]) == 0
    first = sorted(p.parent.name for p in (root / "reports").rglob("*.pdf"))
    assert main([*args, "--shard", "2/2", "--jobs", "1"]) == 0
    both = sorted(p.parent.name for p in (root / "reports").rglob("*.pdf"))
    assert len(first) == 1 and both == sorted([EN, FR])
    for bad in ("3/2", "0/2", "two"):
        with pytest.raises(SystemExit) as stopped:
            main([*args, "--shard", bad])
        assert stopped.value.code == 2
    assert "is not a shard" in capsys.readouterr().err
