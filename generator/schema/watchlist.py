"""Schema of `content/<client>/watchlist.yml`: the sources the team watches for a client."""

from __future__ import annotations

from enum import Enum

from generator.schema.common import Strict, Text, WebAddress, doc


class SourceKind(str, Enum):
    """Who a watched source is, for sorting the veille and the OPML folders."""

    MEDIA = "media"
    EXPERT = "expert"
    BODY = "body"  # a professional body, a trade federation
    INSTITUTION = "institution"
    COMPETITOR = "competitor"
    ALERT = "alert"  # a search alert (Google Alerts, Talkwalker Alerts)
    OTHER = "other"


class WatchSource(Strict):
    """One watched source: a media, an expert, a body, an institution, a competitor, an alert."""

    name: Text = doc("Who it is, e.g. Le Progrès, Fédération de la boulangerie.")
    kind: SourceKind = doc(
        "media, expert, body (professional body), institution, competitor, alert or other.",
        default=SourceKind.OTHER,
    )
    feed: WebAddress | None = doc(
        "Address of its RSS or Atom feed (a Google Alert's feed address for an alert); "
        "`almanac curate --client SLUG` reads every feed of the list.",
        default=None,
    )
    site: WebAddress | None = doc("Its web site or profile.", default=None)
    topics: list[str] = doc("What it is watched for.", default_factory=list)
    internal: str | None = doc("Notes for the agency only; never published.", default=None)


class WatchList(Strict):
    """The client's watch list (veille); OPML in and out with `almanac watchlist`."""

    sources: list[WatchSource] = doc("The watched sources.", default_factory=list)
