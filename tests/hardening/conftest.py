"""Writes the suite's figures (figures.py) to the file named by ALMANAC_HARDENING_FIGURES."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from figures import FIGURES, FIGURES_VARIABLE


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    target = os.environ.get(FIGURES_VARIABLE)
    if target:
        Path(target).write_text(json.dumps(FIGURES, indent=1, sort_keys=True), encoding="utf-8")
