"""A mention as a listening tool or review site exported it, before it joins a month's log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from generator.schema.mentions import Site, Tone

# where a mention was written, by the host of its address (for sources that do not say)
HOSTS = {
    "instagram.com": Site.INSTAGRAM,
    "facebook.com": Site.FACEBOOK,
    "fb.com": Site.FACEBOOK,
    "linkedin.com": Site.LINKEDIN,
    "x.com": Site.X,
    "twitter.com": Site.X,
    "tiktok.com": Site.TIKTOK,
    "youtube.com": Site.YOUTUBE,
    "youtu.be": Site.YOUTUBE,
    "threads.net": Site.THREADS,
    "bsky.app": Site.BLUESKY,
    "pinterest.com": Site.PINTEREST,
    "pinterest.fr": Site.PINTEREST,
    "reddit.com": Site.REDDIT,
    "tripadvisor.com": Site.TRIPADVISOR,
    "tripadvisor.fr": Site.TRIPADVISOR,
    "tripadvisor.co.uk": Site.TRIPADVISOR,
    "yelp.com": Site.YELP,
    "yelp.fr": Site.YELP,
    "trustpilot.com": Site.TRUSTPILOT,
}
TONES = {
    "positive": Tone.POSITIVE,
    "positif": Tone.POSITIVE,
    "negative": Tone.NEGATIVE,
    "négatif": Tone.NEGATIVE,
    "negatif": Tone.NEGATIVE,
    "neutral": Tone.NEUTRAL,
    "neutre": Tone.NEUTRAL,
}


@dataclass(frozen=True)
class Imported:
    """One mention read from an export: aware time, plain texts, where it came from."""

    at: datetime
    site: Site
    excerpt: str
    tone: Tone | None
    url: str | None
    author: str | None
    reach: int | None
    rating: int | None
    answered_at: datetime | None
    answered: bool
    id: str | None


def site_of_address(url: str | None, default: Site = Site.WEB) -> Site:
    """The network or review site an address belongs to (www., m. and country hosts too)."""
    host = (urlsplit(url).hostname or "") if url else ""
    parts = host.lower().split(".")
    for size in range(len(parts), 1, -1):
        found = HOSTS.get(".".join(parts[-size:]))
        if found is not None:
            return found
    return default


def tone_of(text: str) -> Tone | None:
    """A tool's sentiment word (English or French); `Not Rated` and blanks are None."""
    return TONES.get(text.strip().lower())
