"""The libyaml floor: read every item file and parse its front matter with CBaseLoader, no more.

python -m benchmarks.floor WORKSPACE
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def parse_all(root: Path) -> int:
    """The least any checker must do: read each file, let libyaml build plain strings."""
    count = 0
    for path in sorted((root / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        front = text.split("\n---\n", 1)[0].removeprefix("---\n")
        yaml.load(front, Loader=yaml.CBaseLoader)  # noqa: S506 - BaseLoader builds only str
        count += 1
    return count


if __name__ == "__main__":
    print(parse_all(Path(sys.argv[1])))
