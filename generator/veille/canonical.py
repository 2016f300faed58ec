"""One address per article: trackers, fragments and redirect wrappers removed.

The same article reaches the inbox from a media's RSS, a Google Alert (wrapped in a
google.com/url redirect) and a newsletter (with utm_* tags): the canonical address is what
candidates are deduplicated by, and what a curated item's `source_url` keeps.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Google Alerts link every result through https://www.google.com/url?...&url=<the article>
REDIRECT_HOSTS = frozenset({"www.google.com", "google.com", "www.google.fr", "google.fr"})
REDIRECT_PATHS = frozenset({"/url"})
# query parameters that say who sent the reader, never which page it is
TRACKERS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid"})
DEFAULT_PORTS = {"http": 80, "https": 443}


def unwrap_redirect(url: str) -> str:
    """The target of a Google redirect link (as in Google Alerts feeds), else the link."""
    parts = urlsplit(url)
    if parts.hostname in REDIRECT_HOSTS and parts.path in REDIRECT_PATHS:
        for name, value in parse_qsl(parts.query):
            if name in ("url", "q") and value.startswith(("http://", "https://")):
                return value
    return url


def is_tracker(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in TRACKERS


def canonical_url(url: str) -> str:
    """The address without redirect wrapper, tracking parameters, fragment or default port;
    scheme and host in lower case. Other parameters keep their order (some pages need it)."""
    parts = urlsplit(unwrap_redirect(url.strip()))
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port is not None and parts.port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracker(k)]
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))
