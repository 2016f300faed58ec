"""Partnerships as the rules, the site, the action queue and the report read them.

A deliverable is done when one of the posts it names is published, or when the partner
delivered it on their own account (`delivered_on`); it is overdue when its day has passed and
it is not done. `overdue_deliverables` is what the action queue lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.content.kinds import PARTNERSHIP, POST
from generator.content.model import ClientData, Item
from generator.schema.common import Status
from generator.schema.items import Post
from generator.schema.partnership import Deliverable, Partnership


@dataclass(frozen=True)
class DeliverableState:
    """One deliverable of one partnership, with the posts that deliver it and where it stands."""

    partnership: Item[Partnership]
    index: int  # its place in `deliverables:` (its line in the file)
    deliverable: Deliverable
    posts: tuple[Item[Post], ...]
    done: bool
    overdue: bool

    @property
    def field(self) -> tuple[str | int, ...]:
        return ("deliverables", self.index)


def posts_by_slug(client: ClientData) -> dict[str, Item[Post]]:
    return {post.slug: post for post in POST.items(client.items)}


def is_delivered(deliverable: Deliverable, posts: list[Item[Post]], today: date) -> bool:
    """Published by `today` as one of the client's posts, or delivered by the partner."""
    if any(is_out_by(post, today) for post in posts):
        return True
    return deliverable.delivered_on is not None and deliverable.delivered_on <= today


def is_out_by(post: Item[Post], day: date) -> bool:
    """Published, on or before `day` (its own date, in the zone it was written in)."""
    return post.meta.status is Status.PUBLISHED and post.meta.publish_at.date() <= day


def deliverable_states(client: ClientData, today: date) -> list[DeliverableState]:
    """Every deliverable of the client's live partnerships, in file and list order."""
    found = posts_by_slug(client)
    states = []
    for item in PARTNERSHIP.items(client.items):
        if item.meta.status.value == "cancelled":
            continue
        for index, deliverable in enumerate(item.meta.deliverables):
            posts = [found[slug] for slug in deliverable.posts if slug in found]
            done = is_delivered(deliverable, posts, today)
            overdue = not done and deliverable.due < today
            states.append(DeliverableState(item, index, deliverable, tuple(posts), done, overdue))
    return states


def overdue_deliverables(client: ClientData, today: date) -> list[DeliverableState]:
    """What partners owe and have not delivered by its day: the action queue's entries."""
    return [state for state in deliverable_states(client, today) if state.overdue]


def first_due(meta: Partnership) -> date | None:
    """The day of its first deliverable, or None when it has none yet."""
    return min((d.due for d in meta.deliverables), default=None)


def sponsored_posts(client: ClientData, slug: str) -> list[Item[Post]]:
    """The posts that deliver partnership `slug`: those saying `partnership: slug`, and those
    its deliverables name."""
    named = {s for item in PARTNERSHIP.items(client.items) if item.slug == slug
             for d in item.meta.deliverables for s in d.posts}  # fmt: skip
    return [
        post
        for post in POST.items(client.items)
        if post.meta.partnership == slug or post.slug in named
    ]
