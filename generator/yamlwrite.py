"""Writing YAML that Almanac's strict reader reads back exactly as it was meant."""

from __future__ import annotations

from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Quotes every string Almanac's strict reader would refuse bare (12:30, no, 1e3, …)."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    try:
        bare = yaml.safe_load(value) if value and "\n" not in value else value
    except yaml.YAMLError:  # `@handle`, `%`, a backquote: not a plain scalar
        bare = None
    style = "'" if (not isinstance(bare, str) or ":" in value) and value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """`data` as block YAML, keys in the order given, non-ASCII text as written."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
