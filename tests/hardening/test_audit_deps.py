"""The dependency audit's verdicts (scripts/audit_deps.py): what counts as audited, what fails CI.

The lookups themselves run against PyPI in CI (`.ci/run`); here the answers PyPI and pip-audit
give, in their own JSON shapes, are turned into the audit's verdicts and exit status.
"""

from __future__ import annotations

import importlib.util
import sys
from importlib import metadata
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit_deps.py"


@pytest.fixture(scope="module")
def audit_deps() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit_deps", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["audit_deps"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def page(version: str, *advisories: dict[str, object]) -> dict[str, object]:
    """A PyPI project page as /pypi/NAME/json gives it (only the keys the audit reads)."""
    return {"info": {"name": "demo", "version": version}, "vulnerabilities": list(advisories)}


LIVE = {"id": "PYSEC-2026-1", "fixed_in": ["2.1"], "withdrawn": None, "aliases": ["CVE-1"]}
WITHDRAWN = {"id": "PYSEC-2026-2", "fixed_in": [], "withdrawn": "2026-03-01T00:00:00Z"}


def test_the_closure_is_almanacs_own_dependencies_at_their_installed_versions(
    audit_deps: ModuleType,
) -> None:
    pins = audit_deps.closure("almanac", ("test",))
    assert {"weasyprint", "mkdocs", "gitpython", "pip-audit", "jinja2", "markupsafe"} <= set(pins)
    assert pins["weasyprint"] == metadata.version("weasyprint")
    assert "almanac" not in pins


def test_a_package_at_its_latest_release_is_audited_from_the_project_page(
    audit_deps: ModuleType,
) -> None:
    audit = audit_deps.Audit({"demo": "2.0"})
    audit_deps.record_project_page(audit, "demo", page("2.0", LIVE, WITHDRAWN))
    assert audit.audited == {"demo"}
    assert audit.vulns == {"demo": ["PYSEC-2026-1"]}, "withdrawn advisories do not count"
    assert audit_deps.exit_code(audit, strict=False) == 1
    assert "VULNERABLE: demo 2.0: PYSEC-2026-1" in audit_deps.report(audit)


def test_a_package_behind_its_latest_release_is_named_never_counted_clean(
    audit_deps: ModuleType,
) -> None:
    audit = audit_deps.Audit({"demo": "1.9"})
    audit_deps.record_project_page(audit, "demo", page("2.0"))
    assert audit.audited == set() and audit.behind == {"demo": "2.0"}
    lines = audit_deps.report(audit)
    assert "1 packages, 0 audited" in lines[0] and "1 not audited" in lines[0]
    assert "demo 1.9 (latest 2.0)" in lines[1]
    assert audit_deps.exit_code(audit, strict=False) == 0, "CI stays green, and says why"
    assert audit_deps.exit_code(audit, strict=True) == 1


def test_pip_audit_verdicts_are_kept_and_its_skips_go_to_the_project_page(
    audit_deps: ModuleType,
) -> None:
    audit = audit_deps.Audit({"demo": "1.0", "other": "3.0", "gone": "0.1"})
    deps = [
        {"name": "demo", "version": "1.0", "vulns": [{"id": "GHSA-x", "fix_versions": ["1.1"]}]},
        {"name": "other", "version": "3.0", "vulns": []},
        {"name": "gone", "skip_reason": "Dependency not found on PyPI and could not be audited"},
    ]
    assert audit_deps.record_pip_audit(audit, deps) == ["gone"]
    assert audit.by_release == {"demo", "other"} and audit.vulns == {"demo": ["GHSA-x"]}


def test_an_unreachable_index_is_reported_loudly_and_fails_only_a_strict_run(
    audit_deps: ModuleType,
) -> None:
    audit = audit_deps.Audit({"demo": "1.0"})
    audit.unreachable["demo"] = "timed out"
    lines = audit_deps.report(audit)
    assert any("NOT audited" in line and "demo: timed out" in line for line in lines)
    assert audit_deps.exit_code(audit, strict=False) == 0
    assert audit_deps.exit_code(audit, strict=True) == 1


def test_an_accepted_advisory_is_printed_with_its_reason_and_does_not_fail(
    audit_deps: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(audit_deps.ACCEPTED, "PYSEC-2026-1", "only reached through X")
    audit = audit_deps.Audit({"demo": "2.0"})
    audit_deps.record_project_page(audit, "demo", page("2.0", LIVE))
    assert "accepted: only reached through X: demo 2.0: PYSEC-2026-1" in audit_deps.report(audit)
    assert audit_deps.exit_code(audit, strict=True) == 0
