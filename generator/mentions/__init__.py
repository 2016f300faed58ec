"""Mentions and reviews: the month logs, and the exports of listening tools read into them."""
