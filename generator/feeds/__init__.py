"""Feeds and exports of a client's plan: iCalendar feeds and bulk-scheduler CSV files."""

from generator.captions import caption_with_hashtags, hashtags_for, plain_caption
from generator.feeds.ics import render_ics
from generator.feeds.schedule_csv import feed_files, render_hootsuite_csv, render_schedule_csv

__all__ = [
    "caption_with_hashtags",
    "feed_files",
    "hashtags_for",
    "plain_caption",
    "render_hootsuite_csv",
    "render_ics",
    "render_schedule_csv",
]
