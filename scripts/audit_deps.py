"""Audit Almanac's resolved dependencies for known vulnerabilities (run by CI).

The installed closure of `almanac[test]` (every package it requires, recursively, at the version
installed) is audited against PyPI's vulnerability data (the advisories of the Python Packaging
Advisory Database and OSV that PyPI attaches to each release), in two steps:

1. pip-audit looks each pinned package up in PyPI's per-release data (`/pypi/NAME/VERSION/json`).
2. Where that answer cannot be had (some networks serve PyPI's project pages but not its release
   pages: pip-audit then reports "not found on PyPI"), the project page (`/pypi/NAME/json`) is
   read instead. It carries the vulnerabilities of the project's latest release, so it audits
   exactly the packages installed at their latest version; a package behind its latest release
   is listed as not audited, with both versions, never counted as clean.

Exit status, decided so CI neither goes red for a network hiccup nor passes silently:
- 1 when a vulnerability is found that is not in ACCEPTED (each accepted one says why);
- 0 otherwise, and every package that could not be audited is named on a NOTICE line; PyPI is
  retried three times before a package is given up, so a hiccup costs seconds, not a red run;
- with --strict (for a scheduled security run), 1 as well when any package was not audited.
The floors of DESIGN.md section 7 are enforced regardless by tests/hardening/
test_dependency_floors.py.

Run: python scripts/audit_deps.py [--strict]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

PROJECT = "almanac"
EXTRAS = ("test",)
PROJECT_PAGE = "https://pypi.org/pypi/{name}/json"
TRIES = 3
# advisory id -> why it does not apply to Almanac; printed on every run, never silent
ACCEPTED: dict[str, str] = {}


@dataclass
class Audit:
    """What the audit learnt about each package of the closure."""

    pins: dict[str, str]
    vulns: dict[str, list[str]] = field(default_factory=dict)  # name -> advisory ids
    by_release: set[str] = field(default_factory=set)  # audited by pip-audit
    by_project: set[str] = field(default_factory=set)  # audited from the project page
    behind: dict[str, str] = field(default_factory=dict)  # name -> latest version
    unreachable: dict[str, str] = field(default_factory=dict)  # name -> why

    @property
    def audited(self) -> set[str]:
        return self.by_release | self.by_project

    def not_accepted(self) -> dict[str, list[str]]:
        found = {n: [i for i in ids if i not in ACCEPTED] for n, ids in self.vulns.items()}
        return {name: ids for name, ids in found.items() if ids}


def closure(project: str, extras: tuple[str, ...]) -> dict[str, str]:
    """Installed name -> version for the project's requirements, followed recursively."""
    found: dict[str, str] = {}
    todo = [(project, extras)]
    while todo:
        name, wanted = todo.pop()
        for text in metadata.requires(name) or []:
            requirement = Requirement(text)
            if requirement.marker and not any(
                requirement.marker.evaluate({"extra": extra}) for extra in ("", *wanted)
            ):
                continue
            key = canonicalize_name(requirement.name)
            if key in found:
                continue
            try:
                found[key] = metadata.version(requirement.name)
            except metadata.PackageNotFoundError:
                continue  # an optional dependency for another platform
            todo.append((requirement.name, tuple(requirement.extras)))
    return found


def run_pip_audit(pins: dict[str, str]) -> list[dict[str, Any]]:
    """pip-audit's verdict on each pinned package (PyPI's per-release vulnerability data)."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("".join(f"{name}=={version}\n" for name, version in sorted(pins.items())))
    command = [sys.executable, "-m", "pip_audit", "-r", handle.name, "--no-deps", "-s", "pypi"]
    command += ["--disable-pip", "--progress-spinner", "off", "-f", "json"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    Path(handle.name).unlink()
    if not done.stdout.strip():
        sys.exit(f"pip-audit did not run: {done.stderr.strip()[-1000:]}")
    deps = json.loads(done.stdout).get("dependencies", [])
    return [d for d in deps if isinstance(d, dict)]


def project_page(name: str) -> dict[str, Any]:
    """PyPI's project page of `name` (JSON), tried TRIES times a few seconds apart."""
    for attempt in range(TRIES):
        try:
            with urllib.request.urlopen(PROJECT_PAGE.format(name=name), timeout=30) as answer:
                page: dict[str, Any] = json.load(answer)
                return page
        except (OSError, ValueError):
            if attempt == TRIES - 1:
                raise
            time.sleep(2 * (attempt + 1))
    raise AssertionError("unreachable")


def advisory_ids(entries: list[dict[str, Any]]) -> list[str]:
    """The ids of live advisories (PyPI keeps withdrawn ones, marked `withdrawn`)."""
    return sorted(str(e["id"]) for e in entries if not e.get("withdrawn"))


def record_pip_audit(audit: Audit, deps: list[dict[str, Any]]) -> list[str]:
    """Record pip-audit's verdicts; the names it could not audit."""
    skipped = []
    for dep in deps:
        name = canonicalize_name(str(dep["name"]))
        if dep.get("skip_reason"):
            skipped.append(name)
            continue
        audit.by_release.add(name)
        ids = sorted(str(v["id"]) for v in dep.get("vulns", []))
        if ids:
            audit.vulns[name] = ids
    return skipped


def record_project_page(audit: Audit, name: str, page: dict[str, Any]) -> None:
    """Audit `name` from its project page when the installed version is the latest."""
    latest = str(page["info"]["version"])
    if Version(latest) != Version(audit.pins[name]):
        audit.behind[name] = latest
        return
    audit.by_project.add(name)
    ids = advisory_ids(page.get("vulnerabilities") or [])
    if ids:
        audit.vulns[name] = ids


def run_audit(pins: dict[str, str]) -> Audit:
    audit = Audit(pins)
    for name in record_pip_audit(audit, run_pip_audit(pins)):
        try:
            page = project_page(name)
        except (OSError, ValueError) as exc:
            audit.unreachable[name] = str(exc)
            continue
        record_project_page(audit, name, page)
    return audit


def report(audit: Audit) -> list[str]:
    """The lines printed: findings, then one summary, then what was not audited."""
    lines = []
    for name, ids in sorted(audit.vulns.items()):
        for advisory in ids:
            verdict = f"accepted: {ACCEPTED[advisory]}" if advisory in ACCEPTED else "VULNERABLE"
            lines.append(f"{verdict}: {name} {audit.pins[name]}: {advisory}")
    lines.append(
        f"dependency audit: {len(audit.pins)} packages, {len(audit.audited)} audited "
        f"({len(audit.by_release)} by pip-audit per release, {len(audit.by_project)} from "
        f"PyPI's project page at their latest release), "
        f"{len(audit.not_accepted())} vulnerable, "
        f"{len(audit.behind) + len(audit.unreachable)} not audited"
    )
    if audit.behind:
        behind = ", ".join(f"{n} {audit.pins[n]} (latest {v})" for n, v in audit.behind.items())
        lines.append(
            f"NOTICE: {len(audit.behind)} package(s) behind their latest release could not be "
            f"audited here (PyPI's release pages were not served): {behind}"
        )
    if audit.unreachable:
        first = next(iter(audit.unreachable.items()))
        lines.append(
            f"NOTICE: PyPI could not be reached for {len(audit.unreachable)} package(s) after "
            f"{TRIES} tries (e.g. {first[0]}: {first[1]}): they were NOT audited"
        )
    return lines


def exit_code(audit: Audit, strict: bool) -> int:
    if audit.not_accepted():
        return 1
    if strict and (audit.behind or audit.unreachable):
        return 1
    return 0


def main(strict: bool) -> int:
    audit = run_audit(closure(PROJECT, EXTRAS))
    print("\n".join(report(audit)))
    return exit_code(audit, strict)


if __name__ == "__main__":
    sys.exit(main("--strict" in sys.argv[1:]))
