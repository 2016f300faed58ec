"""Bad input in a workspace: every case is reported with file, line, field and exit code 1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

GOOD_FRONT = (
    "title: Bonjour\n"
    "publish_at: 2026-10-05 12:30\n"
    "platforms: [instagram]\n"
    "status: draft\n"
    "category: education\n"
)


def make_ws(root: Path) -> Path:
    (root / "content" / "acme" / "posts").mkdir(parents=True)
    (root / "content" / "acme" / "media").mkdir()
    (root / "almanac.yml").write_text("name: Test Agency\n", encoding="utf-8")
    (root / "content" / "acme" / "client.yml").write_text(
        "name: Acme\ntimezone: Europe/Paris\nplatforms:\n  instagram:\n    handle: '@acme'\n",
        encoding="utf-8",
    )
    return root


def write_post(root: Path, name: str, text: str | bytes) -> Path:
    path = root / "content" / "acme" / "posts" / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def run_check(root: Path, *extra: str) -> tuple[int, list[dict[str, object]]]:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "-w",
            str(root),
            "check",
            "--format",
            "json",
            "--today",
            "2026-10-01",
            *extra,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in proc.stderr
    return proc.returncode, json.loads(proc.stdout or "[]")


def only(problems: list[dict[str, object]], rule_prefix: str) -> list[dict[str, object]]:
    return [p for p in problems if str(p["rule"]).startswith(rule_prefix)]


CASES = [
    # (name, front matter or whole file, expected line, expected field, words in message)
    ("duplicate-key", "---\n" + GOOD_FRONT + "title: Again\n---\nBody\n", 7, "title", "twice"),
    (
        "yes-as-text",
        "---\n" + GOOD_FRONT.replace("title: Bonjour", "title: yes") + "---\n",
        2,
        "title",
        "quotes",
    ),
    (
        "on-as-list",
        "---\n" + GOOD_FRONT.replace("[instagram]", "on") + "---\n",
        4,
        "platforms",
        "ambiguous",
    ),
    ("sexagesimal", "---\n" + GOOD_FRONT + "link: 12:30\n---\n", 7, "link", "base 60"),
    (
        "impossible-date",
        "---\n" + GOOD_FRONT.replace("2026-10-05", "2026-02-30") + "---\n",
        3,
        "publish_at",
        "not a real date",
    ),
    (
        "dst-gap",
        "---\n" + GOOD_FRONT.replace("2026-10-05 12:30", "2026-03-29 02:30") + "---\n",
        3,
        "publish_at",
        "does not exist",
    ),
    (
        "dst-overlap",
        "---\n" + GOOD_FRONT.replace("2026-10-05 12:30", "2026-10-25 02:30") + "---\n",
        3,
        "publish_at",
        "happens twice",
    ),
    ("no-closing", "---\n" + GOOD_FRONT + "Body without closing line\n", 1, "", "never closed"),
    (
        "alias-bomb",
        "---\n" + GOOD_FRONT + "tags: &a [x, x]\ncampaign: *a\n---\n",
        7,
        "tags",
        "anchors",
    ),
    ("list-front", "---\n- a\n- b\n---\nBody\n", 2, "", "not a list"),
    ("empty-front", "---\n---\nBody\n", 1, "", "empty"),
    ("wrong-client", "---\n" + GOOD_FRONT + "client: other\n---\n", 7, "client", "folder"),
    (
        "unknown-platform",
        "---\n" + GOOD_FRONT.replace("[instagram]", "[instagram, myspace]") + "---\n",
        4,
        "platforms[1]",
        "myspace",
    ),
    (
        "unknown-status",
        "---\n" + GOOD_FRONT.replace("draft", "drafty") + "---\n",
        5,
        "status",
        "drafty",
    ),
    (
        "python-tag",
        "---\n" + GOOD_FRONT + "campaign: !!python/object/apply:os.system [touch PWNED]\n---\n",
        7,
        "campaign",
        "tags",
    ),
    (
        "missing-media",
        "---\n" + GOOD_FRONT + "media:\n  - file: media/nope.jpg\n    alt: x\n"
        "    credit: Jo\n    rights: owned\n---\n",
        8,
        "media[0].file",
        "does not exist",
    ),
    (
        "missing-title",
        "---\n" + GOOD_FRONT.replace("title: Bonjour\n", "") + "---\n",
        2,
        "title",
        "required",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "line", "field", "words"), CASES, ids=[c[0] for c in CASES]
)
def test_bad_input_is_located(
    tmp_path: Path, name: str, text: str, line: int, field: str, words: str
) -> None:
    root = make_ws(tmp_path)
    write_post(root, f"2026-10-05-{name}.md", text)
    write_post(root, "2026-10-06-fine.md", "---\n" + GOOD_FRONT + "---\nFine\n")
    code, problems = run_check(root)
    assert code == 1
    errors = [p for p in problems if p["severity"] == "error"]
    assert errors, problems
    hit = errors[0]
    assert hit["path"] == f"content/acme/posts/2026-10-05-{name}.md"
    assert (hit["line"], hit["field"]) == (line, field), hit
    assert words in str(hit["message"]), hit
    # a broken file never stops the others from being checked
    assert not [p for p in problems if "fine" in str(p["path"])]
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()


def test_broken_file_does_not_hide_others(tmp_path: Path) -> None:
    root = make_ws(tmp_path)
    write_post(root, "a.md", "---\ntitle: [\n---\n")
    write_post(root, "b.md", "---\n" + GOOD_FRONT.replace("draft", "drafty") + "---\n")
    code, problems = run_check(root)
    assert code == 1
    assert {p["path"] for p in problems} == {"content/acme/posts/a.md", "content/acme/posts/b.md"}


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    root = make_ws(tmp_path)
    write_post(root, "latin.md", ("---\n" + GOOD_FRONT + "---\n").encode() + b"Caf\xe9\n")
    code, problems = run_check(root)
    assert code == 1
    assert problems[0]["line"] == 8 and "UTF-8" in str(problems[0]["message"])


def test_file_over_size_limit(tmp_path: Path) -> None:
    root = make_ws(tmp_path)
    write_post(root, "huge.md", "---\n" + GOOD_FRONT + "---\n" + "x" * 1_100_000)
    code, problems = run_check(root)
    assert code == 1 and "over the limit" in str(problems[0]["message"])


def test_duplicate_slug_across_folders(tmp_path: Path) -> None:
    root = make_ws(tmp_path)
    write_post(root, "2026-10-05-hello.md", "---\n" + GOOD_FRONT + "---\n")
    (root / "content/acme/posts/archive").mkdir()
    write_post(root, "archive/2026-10-05-hello.md", "---\n" + GOOD_FRONT + "---\n")
    code, problems = run_check(root)
    assert code == 1
    assert [p["rule"] for p in problems if p["severity"] == "error"] == ["item.duplicate-slug"]


def test_windows_files_are_read(tmp_path: Path) -> None:
    """A UTF-8 BOM and CRLF endings never make the front matter look absent."""
    root = make_ws(tmp_path)
    text = ("---\n" + GOOD_FRONT + "---\nCafé crème\n").replace("\n", "\r\n")
    write_post(root, "2026-10-05-win.md", b"\xef\xbb\xbf" + text.encode("utf-8"))
    from generator.content import load_workspace

    ws, problems = load_workspace(root)
    assert not problems.errors()
    item = ws.clients["acme"].items[0]
    assert item.title == "Bonjour" and item.body.strip() == "Café crème"
    assert "\r" not in item.body
    assert item.when is not None and item.when.utcoffset() is not None


def test_naive_time_is_read_in_client_zone(tmp_path: Path) -> None:
    root = make_ws(tmp_path)
    write_post(root, "2026-10-05-a.md", "---\n" + GOOD_FRONT + "---\n")
    write_post(
        root, "2026-10-05-b.md", "---\n" + GOOD_FRONT.replace("12:30", "12:30+00:00") + "---\n"
    )
    from generator.content import load_workspace

    ws, _ = load_workspace(root)
    by_slug = {i.slug: i.when for i in ws.clients["acme"].items}
    assert by_slug["2026-10-05-a"].isoformat() == "2026-10-05T12:30:00+02:00"
    assert by_slug["2026-10-05-b"].isoformat() == "2026-10-05T12:30:00+00:00"


def test_unknown_field_is_warning_then_error_in_strict(tmp_path: Path) -> None:
    root = make_ws(tmp_path)
    write_post(root, "2026-10-05-typo.md", "---\n" + GOOD_FRONT + "plateforms: [x]\n---\n")
    code, problems = run_check(root)
    typo = only(problems, "schema.unknown-field")
    assert code == 0 and typo[0]["severity"] == "warning" and typo[0]["line"] == 7
    assert "did you mean `platforms`" in str(typo[0]["message"])
    code, problems = run_check(root, "--strict")
    assert code == 1 and only(problems, "schema.unknown-field")[0]["severity"] == "error"


def test_deprecated_value_warns(tmp_path: Path) -> None:
    root = make_ws(tmp_path)
    client = root / "content" / "acme" / "client.yml"  # a post on x needs an x account
    client.write_text(client.read_text(encoding="utf-8") + "  x:\n    handle: '@acme'\n")
    write_post(
        root,
        "2026-10-05-old.md",
        "---\n" + GOOD_FRONT.replace("[instagram]", "[twitter]") + "---\n",
    )
    code, problems = run_check(root)
    assert code == 0 and only(problems, "schema.deprecated")[0]["line"] == 4


def test_text_and_github_formats(tmp_path: Path) -> None:
    root = make_ws(tmp_path)
    write_post(root, "bad.md", "---\n" + GOOD_FRONT.replace("draft", "drafty") + "---\n")
    base = [sys.executable, "-m", "generator", "-w", str(root), "check"]
    text = subprocess.run(base, capture_output=True, text=True, check=False)
    assert text.returncode == 1
    # the path once, then each of its problems by line (it used to repeat the path per line)
    assert text.stdout.count("content/acme/posts/bad.md") == 1
    assert "content/acme/posts/bad.md\n  line 5: error [schema.invalid] status:" in text.stdout
    github = subprocess.run(
        [*base, "--format", "github"], capture_output=True, text=True, check=False
    )
    assert github.stdout.startswith("::error file=content/acme/posts/bad.md,line=5,")


def test_usage_errors_exit_2_without_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "-w", str(tmp_path), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "no almanac.yml" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--format", "xml"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert proc.returncode == 2


def test_workspace_found_from_subfolder(tmp_path: Path) -> None:
    root = make_ws(tmp_path)
    write_post(root, "2026-10-05-a.md", "---\n" + GOOD_FRONT + "---\n")
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--today", "2026-10-01"],
        capture_output=True,
        text=True,
        check=False,
        cwd=root / "content" / "acme" / "posts",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "--debug", "-w", str(tmp_path), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" in proc.stderr and "no almanac.yml" in proc.stderr
