"""Almanac: an editorial planner for community managers, kept as plain files in git."""

__version__ = "0.1.0"
