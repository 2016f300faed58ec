"""Audit Almanac's resolved dependencies for known vulnerabilities with pip-audit (run by CI).

The installed closure of `almanac[test]` (every package it requires, recursively, at the version
installed) is written as pinned requirements and given to pip-audit, which looks each one up in
PyPI's vulnerability data. Only the project's own closure is audited, not whatever else the
machine has installed.

Exit 1 when a vulnerability is found. When the vulnerability service cannot be reached (a
sandbox that reaches the package index but not its JSON API), pip-audit skips the packages: this
is reported loudly, and fails the run only with --strict, so an offline machine is not mistaken
for an audited one, while the floors of DESIGN.md section 7 stay enforced by a test
(tests/hardening/test_dependency_floors.py).

Run: python scripts/audit_deps.py [--strict]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PROJECT = "almanac"
EXTRAS = ("test",)


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


def run_audit(pins: dict[str, str]) -> dict[str, object]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("".join(f"{name}=={version}\n" for name, version in sorted(pins.items())))
    command = [sys.executable, "-m", "pip_audit", "-r", handle.name, "--no-deps"]
    command += ["--disable-pip", "--progress-spinner", "off", "-f", "json"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    Path(handle.name).unlink()
    if not done.stdout.strip():
        sys.exit(f"pip-audit did not run: {done.stderr.strip()[-1000:]}")
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main(strict: bool) -> int:
    pins = closure(PROJECT, EXTRAS)
    result = run_audit(pins)
    deps = [d for d in result.get("dependencies", []) if isinstance(d, dict)]  # type: ignore[attr-defined]
    vulnerable = [d for d in deps if d.get("vulns")]
    skipped = [d for d in deps if d.get("skip_reason")]
    for dep in vulnerable:
        ids = ", ".join(
            f"{v['id']} (fixed in {', '.join(v['fix_versions']) or '?'})" for v in dep["vulns"]
        )
        print(f"VULNERABLE {dep['name']} {dep['version']}: {ids}")
    audited = len(deps) - len(skipped)
    print(
        f"dependency audit: {len(pins)} packages, {audited} audited, "
        f"{len(vulnerable)} vulnerable, {len(skipped)} not audited"
    )
    if skipped:
        print(
            f"NOTICE: the vulnerability service could not be reached for {len(skipped)} "
            f"package(s) (e.g. {skipped[0]['name']}: {skipped[0]['skip_reason']})"
        )
    if vulnerable or (strict and skipped):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main("--strict" in sys.argv[1:]))
