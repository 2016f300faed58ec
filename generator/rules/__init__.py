"""Editorial rules: the scheduling discipline of the job, run by `almanac check`."""

from generator.rules.engine import run_rules
from generator.rules.registry import RULES, Rule

__all__ = ["RULES", "Rule", "run_rules"]
