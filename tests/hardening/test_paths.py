"""Path tricks on content files: links out of the client's folder, special files, odd names,
client folder names, and the size limit (issue 11: leaks, hangs, silently accepted)."""

from __future__ import annotations

import json
import os
import resource
import shutil
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from figures import listed

from generator.checking import parse_today
from generator.cli import main
from generator.frontmatter import LIMIT_VARIABLE, MAX_BYTES
from generator.metrics.store import load_metrics
from generator.problems import AlmanacError
from generator.scaffold import WorkspaceOptions, init_workspace
from generator.site_build import BuildOptions, build_site

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-21"
OURS = "sample-client"
OTHER = "rival-client"
DRAFT_MARKER = "RIVAL-UNRELEASED-LAUNCH-5519"


def make_workspace(root: Path) -> Path:
    """Two clients: ours, and a rival whose draft must never reach our client's site."""
    init_workspace(root, WorkspaceOptions(name="Agence"), datetime(2026, 11, 21))
    shutil.copytree(root / "content" / OURS, root / "content" / OTHER)
    draft = root / "content" / OTHER / "posts" / "2026-12-20-secret-launch.md"
    draft.write_text(
        f'---\ntitle: "{DRAFT_MARKER}"\nplatforms: [instagram]\npublish_at: 2026-12-20 10:00\n'
        f"status: draft\nkind: promo\n---\n{DRAFT_MARKER} caption.\n",
        encoding="utf-8",
    )
    return root


def sample_post(root: Path) -> Path:
    """The one post `almanac init` writes (its date follows the day given to init)."""
    [post] = (root / "content" / OURS / "posts").glob("*.md")
    return post


def check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, object]]]:
    capsys.readouterr()
    code = main(["-w", str(root), "check", "--today", TODAY, "--format", "json"])
    return code, json.loads(capsys.readouterr().out or "[]")


def located(problems: list[dict[str, object]], rule: str) -> list[str]:
    return [f"{p['path']}:{p['line']}" for p in problems if p["rule"] == rule]


def test_a_post_linked_to_another_clients_draft_is_refused_and_never_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_workspace(tmp_path / "ws")
    link = root / "content" / OURS / "posts" / "2026-12-21-borrowed.md"
    link.symlink_to(root / "content" / OTHER / "posts" / "2026-12-20-secret-launch.md")
    code, problems = check(root, capsys)
    assert code == 1
    assert located(problems, "file.outside-client") == [
        f"content/{OURS}/posts/2026-12-21-borrowed.md:1"
    ]
    assert not any(OTHER in str(p["message"]) for p in problems), "the target is not named"
    listed()
    site = tmp_path / "client-site"
    build_site(BuildOptions(root=root, today=parse_today(TODAY), output=site, client=OURS))
    for path in site.rglob("*"):
        if path.is_file():
            assert DRAFT_MARKER.encode() not in path.read_bytes(), path


def test_a_link_inside_the_clients_own_folder_is_still_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_workspace(tmp_path / "ws")
    posts = root / "content" / OURS / "posts"
    (posts / "2026-12-22-again.md").symlink_to(sample_post(root))
    code, problems = check(root, capsys)
    assert located(problems, "file.outside-client") == []
    assert code == 0, problems


@pytest.mark.parametrize("name", ["client.yml", "months/2026-11.md"])
def test_client_settings_and_month_notes_cannot_link_out_either(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    root = make_workspace(tmp_path / "ws")
    other = root / "content" / OTHER / name
    other.parent.mkdir(exist_ok=True)
    if name.startswith("months"):
        other.write_text(f"---\nsummary: {DRAFT_MARKER}\n---\n", encoding="utf-8")
    ours = root / "content" / OURS / name
    ours.parent.mkdir(exist_ok=True)
    ours.unlink(missing_ok=True)
    ours.symlink_to(other)
    code, problems = check(root, capsys)
    assert code == 1
    assert located(problems, "file.outside-client") == [f"content/{OURS}/{name}:1"]
    listed()


def test_event_files_cannot_link_out_of_their_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A client's events/ (and the agency's _events/) linked to another client's dates."""
    root = make_workspace(tmp_path / "ws")
    theirs = root / "content" / OTHER / "events" / "launch.yml"
    theirs.parent.mkdir()
    theirs.write_text(f"events:\n  - date: 2026-12-20\n    title: {DRAFT_MARKER}\n")
    ours = root / "content" / OURS / "events" / "launch.yml"
    ours.parent.mkdir()
    ours.symlink_to(theirs)
    agency = root / "content" / "_events" / "linked.yml"
    agency.parent.mkdir(exist_ok=True)
    agency.symlink_to(theirs)
    code, problems = check(root, capsys)
    assert code == 1
    assert located(problems, "file.outside-client") == [
        "content/_events/linked.yml:1",
        f"content/{OURS}/events/launch.yml:1",
    ]
    listed(count=2)
    site = build_site_of(root, tmp_path / "site", OURS)
    assert (site / OURS / "index.html").is_file()
    assert not any(DRAFT_MARKER in p.read_text(errors="replace") for p in site.rglob("*.html"))


def build_site_of(root: Path, out: Path, client: str) -> Path:
    build_site(BuildOptions(root=root, today=parse_today(TODAY), output=out, client=client))
    return out


def test_metrics_linked_to_another_clients_are_refused(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws")
    theirs = root / "content" / OTHER / "metrics"
    theirs.mkdir()
    (theirs / "posts.csv").write_text("platform\n", encoding="utf-8")
    (root / "content" / OURS / "metrics").mkdir()
    (root / "content" / OURS / "metrics" / "posts.csv").symlink_to(theirs / "posts.csv")
    with pytest.raises(AlmanacError, match="leads outside the client's folder"):
        load_metrics(root / "content" / OURS)
    listed(at_line=False)


def run_check_bounded(root: Path) -> subprocess.CompletedProcess[str]:
    """`almanac check` in a child with 1 GB of address space and a deadline, so a hang or an
    endless read fails this test instead of the machine."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [sys.executable, "-m", "generator", "-w", str(root), "check", "--today", TODAY]
        + ["--format", "json"],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit_memory,
    )


SPECIAL = {
    "fifo": ("file.unreadable", "not an ordinary file but a named pipe"),
    "device": ("file.unreadable", "not an ordinary file but a device"),
    "link-to-dev-zero": ("file.outside-client", "leads outside the client's folder"),
}


@pytest.mark.parametrize("kind", sorted(SPECIAL))
def test_special_files_are_refused_at_their_line_without_reading_them(
    tmp_path: Path, kind: str
) -> None:
    root = make_workspace(tmp_path / "ws")
    post = root / "content" / OURS / "posts" / "2026-12-23-special.md"
    if kind == "fifo":
        os.mkfifo(post)
    elif kind == "device":  # the same device as /dev/zero, made in the client's folder
        os.mknod(post, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    else:
        post.symlink_to("/dev/zero")
    try:
        done = run_check_bounded(root)
    except subprocess.TimeoutExpired:
        pytest.fail("check hung on a special file")
    rule, words = SPECIAL[kind]
    assert done.returncode == 1, done.stderr
    problems = json.loads(done.stdout)
    assert located(problems, rule) == [f"content/{OURS}/posts/2026-12-23-special.md:1"]
    assert any(words in str(p["message"]) for p in problems)
    assert "Traceback" not in done.stderr
    listed()


@pytest.mark.parametrize(
    "name", ["...md", "with space.md", "-leading-dash.md", "été-2026.md", "Upper.md"]
)
def test_item_files_whose_names_are_not_slugs_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    root = make_workspace(tmp_path / "ws")
    posts = root / "content" / OURS / "posts"
    shutil.copy(sample_post(root), posts / name)
    code, problems = check(root, capsys)
    assert code == 1
    assert located(problems, "item.bad-file-name") == [f"content/{OURS}/posts/{name}:1"]
    listed()


def test_a_file_named_dots_md_does_not_replace_the_overview(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws")
    posts = root / "content" / OURS / "posts"
    text = sample_post(root).read_text(encoding="utf-8")
    (posts / "...md").write_text(text.replace("Welcome to our page", "HIJACKED-OVERVIEW"))
    site = tmp_path / "site"
    build_site(BuildOptions(root=root, today=parse_today(TODAY), output=site, client=OURS))
    overview = (site / OURS / "index.html").read_text(encoding="utf-8")
    assert "HIJACKED-OVERVIEW" not in overview


@pytest.mark.parametrize("name", ['evil"}body{background:url(https:x.example)}', "Caps", "-dash"])
def test_client_folders_whose_names_are_not_slugs_are_refused_at_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    root = make_workspace(tmp_path / "ws")
    shutil.copytree(root / "content" / OURS, root / "content" / name)
    code, problems = check(root, capsys)
    assert code == 1
    assert located(problems, "workspace.bad-client-folder") == [f"content/{name}:1"]
    assert not [p for p in problems if str(p["path"]).startswith(f"content/{name}/")]
    listed()


def test_the_size_limit_names_itself_and_how_to_raise_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_workspace(tmp_path / "ws")
    post = sample_post(root)
    post.write_text(post.read_text(encoding="utf-8") + "x" * MAX_BYTES, encoding="utf-8")
    code, problems = check(root, capsys)
    assert code == 1
    [message] = [str(p["message"]) for p in problems if p["rule"] == "file.unreadable"]
    assert f"{MAX_BYTES:,} bytes" in message and LIMIT_VARIABLE in message
    listed()
    monkeypatch.setenv(LIMIT_VARIABLE, str(4 * MAX_BYTES))
    code, problems = check(root, capsys)
    assert [p for p in problems if p["rule"] == "file.unreadable"] == []
