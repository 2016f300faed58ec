"""Talking to git, read-only: open the repository, run one command, resolve a user's ref.

User strings never reach git as options: refs starting with `-` are refused and paths always
come after `--`. Every failure becomes an AlmanacError with what to do about it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.content import layout
from generator.problems import AlmanacError

SHALLOW_HINT = (
    "this is a shallow clone, so the history is incomplete: run `git fetch "
    "--unshallow`, or in GitHub Actions give actions/checkout `fetch-depth: 0`"
)
_GIT_CONFIG = (
    "-c",
    "core.quotePath=false",
    "-c",
    "log.showSignature=false",
    "-c",
    "color.ui=never",
    "-c",
    "diff.renames=true",
)


def open_repo(root: Path) -> Any:
    """The git repository holding `root`, or a clear AlmanacError."""
    try:
        import git
    except ImportError as exc:  # pragma: no cover - gitpython is a dependency
        raise AlmanacError(f"gitpython is not installed ({exc}): pip install gitpython") from None
    try:
        return git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise AlmanacError(
            f"{root} is not inside a git repository: approvals and diffs read "
            "the history, so run `git init` and commit the workspace first",
            exit_code=2,
        ) from None
    except git.GitCommandNotFound:
        raise AlmanacError("git is not installed or not on PATH", exit_code=2) from None


def run_git(
    repo: Any, *args: str, binary: bool = False, stdin: Path | None = None, check: bool = True
) -> Any:
    """Run one read-only git command in the repository; failures become AlmanacError."""
    import git

    command = ["git", *_GIT_CONFIG, *args]
    try:
        if stdin is None:
            return repo.git.execute(
                command, stdout_as_string=not binary, strip_newline_in_stdout=False
            )
        with stdin.open("rb") as stream:
            return repo.git.execute(
                command, istream=stream, stdout_as_string=not binary, strip_newline_in_stdout=False
            )
    except git.GitCommandError as exc:
        if not check:
            return None
        detail = str(exc.stderr or "").strip().strip("'").strip() or str(exc)
        verb = next((a for a in args if not a.startswith("-") and "/" not in a), "")
        raise AlmanacError(f"git {verb} failed: {detail}", exit_code=2) from None
    except git.GitCommandNotFound:
        raise AlmanacError("git is not installed or not on PATH", exit_code=2) from None


def remote_address(root: Path) -> str | None:
    """The address of the remote `origin` (else the first remote), None outside git or without.

    Read from the repository's configuration, nothing is fetched: the site links to the forge
    it names. The address may carry credentials; generator.repo.forge drops them.
    """
    try:
        repo = open_repo(root)
    except AlmanacError:
        return None
    names = str(run_git(repo, "remote", check=False) or "").split()
    if not names:
        return None
    name = "origin" if "origin" in names else names[0]
    found = run_git(repo, "remote", "get-url", "--", name, check=False)
    return str(found).strip() or None if found else None


def repository_prefix(root: Path) -> str:
    """Where the workspace sits in its git repository ("" outside git or at its top)."""
    try:
        return workspace_prefix(open_repo(root), root)
    except AlmanacError:
        return ""


def is_shallow(repo: Any) -> bool:
    return str(run_git(repo, "rev-parse", "--is-shallow-repository")).strip() == "true"


def workspace_prefix(repo: Any, root: Path) -> str:
    """Path of the workspace inside the repository, '' or ending with '/'."""
    top = Path(repo.working_tree_dir).resolve()
    try:
        rel = root.resolve().relative_to(top).as_posix()
    except ValueError:
        raise AlmanacError(f"{root} is not inside the repository {top}", exit_code=2) from None
    return "" if rel == "." else rel + "/"


def head_commit(repo: Any) -> str:
    sha = run_git(repo, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", check=False)
    if not sha or not str(sha).strip():
        raise AlmanacError(
            "the repository has no commits yet: commit the workspace first "
            "(git add almanac.yml content && git commit)",
            exit_code=2,
        )
    return str(sha).strip()


def resolve_ref(repo: Any, ref: str) -> str:
    """The commit a user-given ref names; a ref is never read as an option."""
    if not ref or ref.startswith("-"):
        raise AlmanacError(
            f"`{ref}` is not a git revision (a revision cannot start with '-')", exit_code=2
        )
    sha = run_git(
        repo,
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        f"{ref}^{{commit}}",
        check=False,
    )
    if not sha or not str(sha).strip():
        hint = f"; {SHALLOW_HINT}" if is_shallow(repo) else ""
        raise AlmanacError(f"`{ref}` is not a commit of this repository{hint}", exit_code=2)
    return str(sha).strip()


# --- a workspace as it was at one commit ------------------------------------------------------

WORKSPACE_PARTS = (layout.SETTINGS_FILE, layout.CONTENT_FOLDER)


def export_workspace(root: Path, ref: str, target: Path) -> str:
    """Write the workspace's almanac.yml and content/ as of `ref` into `target`; its sha."""
    import io
    import tarfile

    repo = open_repo(root)
    head_commit(repo)
    sha = resolve_ref(repo, ref)
    tree = f"{sha}:{workspace_prefix(repo, root)}"
    listing = run_git(repo, "ls-tree", "--name-only", "-z", tree, check=False) or ""
    present = [name for name in WORKSPACE_PARTS if name in str(listing).split("\x00")]
    target.mkdir(parents=True, exist_ok=True)
    if present:
        data = run_git(repo, "archive", "--format=tar", tree, "--", *present, binary=True)
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            archive.extractall(target, filter="data")
    return sha


def shallow_note(root: Path) -> str | None:
    """A warning when the repository holding `root` is a shallow clone."""
    repo = open_repo(root)
    return SHALLOW_HINT if is_shallow(repo) else None
