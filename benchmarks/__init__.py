"""Benchmarks of Almanac at agency scale; `python -m benchmarks` prints the table."""
