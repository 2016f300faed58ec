"""The data contract: one declarative schema per file kind, with field docs."""

from pydantic import BaseModel

from generator.schema.client import Client
from generator.schema.items import Contest, Curated, Post
from generator.schema.month import MonthNotes
from generator.schema.settings import Settings

KINDS: dict[str, type[BaseModel]] = {
    "settings": Settings,
    "client": Client,
    "post": Post,
    "contest": Contest,
    "curated": Curated,
    "month": MonthNotes,
}

__all__ = ["KINDS", "Client", "Contest", "Curated", "MonthNotes", "Post", "Settings"]
