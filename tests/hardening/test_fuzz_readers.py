"""Property-based tests: the YAML reader and the whole `check` fed mutated files.

Whatever a clumsy colleague or an attacker saves, the only acceptable outcome is a list of
problems, each at a file and a line inside that file; an exception (what the CLI shows as
"internal error", exit 3) fails the test. Examples are few and small so the module stays fast;
hypothesis keeps the failing ones in its database to replay them first.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from figures import fuzzed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from small_workspace import CLIENT, FILES, check, write_small_workspace

from generator.yamlread import parse_yaml

# What breaks readers: structure, YAML features we refuse, numbers and dates out of range,
# characters YAML forbids, comment markers, and a little of everything at scale.
TOKENS = [
    "[",
    "]",
    "{",
    "}",
    ": ",
    "- ",
    "'",
    '"',
    "#",
    "|",
    ">",
    "?",
    "%",
    "@",
    "`",
    "~",
    "&anchor ",
    "*anchor",
    "!!python/object/apply:os.system ['true']",
    "!tag ",
    "\x01",
    "\x1b",
    "\t",
    "\u2028",
    "\ufeff",
    "\x00",
    "\r",
    "---\n",
    "...\n",
    "null",
    "yes",
    "no",
    "12:30",
    "1_000",
    "-1",
    "0x1F",
    ".inf",
    "inf",
    "nan",
    "1e999",
    "1.0e308",
    "9" * 5000,
    "0001-01-01 00:00",
    "9999-12-31 23:59",
    "2026-02-30",
    "<!--",
    "-->",
    "<!-- note -->",
    "[" * 600 + "]" * 600,
    "a[0]: 1",
    "https://www.facebook.c]om/x",
    "media/../../secret.png",
    "    ",
    "\n",
    "é" * 50,
]
EDITS = ["insert", "replace-value", "replace-value", "replace-value", "drop-line", "double-line"]
EDITABLE = [rel for rel in FILES if rel.startswith("content/")]
EXAMPLES = settings(
    max_examples=50,
    deadline=None,  # the machine's load must not fail a test; speed is measured elsewhere
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """`text` with a few random edits: tokens inserted or substituted, lines cut or doubled."""
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        index = draw(st.integers(0, max(0, len(lines) - 1)))
        line = lines[index]
        cut = draw(st.integers(0, len(line)))
        # mostly known troublemakers, sometimes anything; mostly as a field's whole value
        token = draw(st.sampled_from(TOKENS) if draw(st.integers(0, 3)) else st.text(max_size=8))
        edit = draw(st.sampled_from(EDITS))
        if edit == "insert":
            lines[index] = line[:cut] + token + line[cut:]
        elif edit == "replace-value" and ": " in line:
            lines[index] = line.split(": ", 1)[0] + ": " + token
        elif edit == "drop-line":
            del lines[index]
        else:
            lines.insert(index, line)
        text = "\n".join(lines)
    return text


def yaml_part(rel: str) -> str:
    """The YAML of a file: its front matter, or all of it for a .yml file."""
    text = FILES[rel]
    return text.split("---\n")[1] if text.startswith("---\n") else text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.integers(1, 50))
def test_the_reader_never_raises_and_locates_every_issue(text: str, first_line: int) -> None:
    doc = parse_yaml(text, first_line)
    last = first_line + text.count("\n") + 1
    for issue in doc.issues:
        assert first_line <= issue.line <= last, issue
    fuzzed(refused=bool(doc.issues))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(EDITABLE).flatmap(lambda rel: mutated(yaml_part(rel))))
def test_the_reader_survives_mutated_front_matter(text: str) -> None:
    doc = parse_yaml(text, 2)
    for issue in doc.issues:
        assert 2 <= issue.line <= text.count("\n") + 3, issue
    fuzzed(refused=bool(doc.issues))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_small_workspace(tmp_path_factory.mktemp("fuzz") / "ws")


@EXAMPLES
@given(data=st.data())
def test_check_reports_every_mutation_at_a_line(workspace: Path, data: st.DataObject) -> None:
    rel = data.draw(st.sampled_from(EDITABLE), label="file")
    text = data.draw(mutated(FILES[rel]), label="text")
    path = workspace / rel
    try:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        problems = check(workspace)  # an exception here is the crash this test looks for
    finally:
        path.write_text(FILES[rel], encoding="utf-8")
    files = {p.relative_to(workspace).as_posix() for p in workspace.rglob("*") if p.is_file()}
    for problem in problems:
        assert problem.path in files or problem.path.startswith(f"content/{CLIENT}"), problem
        assert problem.line >= 1, problem
        if problem.path == rel:
            assert problem.line <= text.count("\n") + 1, problem
    fuzzed(refused=bool(problems))


def test_the_clean_workspace_stays_clean(workspace: Path) -> None:
    """The mutations are undone after each example, so each starts from a valid workspace."""
    assert [p for p in check(workspace) if p.severity.value == "error"] == []
    assert shutil.which("true")
